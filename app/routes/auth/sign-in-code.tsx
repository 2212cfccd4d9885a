// Sign-in with a one-time code from the coach, for participants without email. Plain Swedish.
import type { ActionFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData } from "@remix-run/react";
import { z } from "zod";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { ErrorSummary, Field } from "~/components/forms.tsx";
import { consumeLoginToken, createSessionRedirect } from "~/utils/auth.server.ts";
import { parseForm, type FieldErrors } from "~/domain/forms.ts";
import { clientIp, codeAttemptLimit, recordCodeFailure } from "~/utils/rate-limit.server.ts";

export const meta: MetaFunction = () => [{ title: "Logga in med kod – Brygga" }];

const CodeSchema = z.object({
  code: z
    .string({ error: "Skriv koden du fick." })
    .trim()
    .min(1, "Skriv koden du fick.")
    .regex(/^[A-Za-z0-9]{4}[\s-]?[A-Za-z0-9]{4}$/, "Koden har åtta tecken, till exempel K7QM-3XPA."),
});

export async function action({ request, context }: ActionFunctionArgs) {
  const form = parseForm(CodeSchema, await request.formData());
  if (!form.ok) return data({ errors: form.errors, problem: null }, { status: 400 });
  const ip = clientIp(context);
  const limit = await codeAttemptLimit(ip);
  if (limit.limited) {
    return data(
      { errors: {} as FieldErrors, problem: "Du har försökt många gånger. Vänta en kvart och försök igen." },
      { status: 429 },
    );
  }
  const result = await consumeLoginToken(form.data.code, "code");
  if (!result.ok) {
    await recordCodeFailure(ip);
    return data(
      {
        errors: {
          code: [
            "Koden fungerar inte. Den kan vara fel skriven, redan använd eller för gammal. Fråga din coach om en ny kod.",
          ],
        } as FieldErrors,
        problem: null,
      },
      { status: 400 },
    );
  }
  return createSessionRedirect(result.userId, request);
}

export default function SignInWithCode() {
  const actionData = useActionData<typeof action>();
  return (
    <section className="panel" aria-labelledby="code-title">
      <h1 id="code-title">Logga in med kod</h1>
      <p>Din coach har gett dig en kod. Skriv in den här.</p>
      <ErrorSummary message={actionData?.problem} />
      <Form method="post" className="form" noValidate>
        <Field
          label="Kod"
          name="code"
          hint="Koden har åtta tecken, till exempel K7QM-3XPA."
          errors={actionData?.errors?.code}
          inputProps={{
            autoComplete: "one-time-code",
            autoCapitalize: "characters",
            spellCheck: false,
            required: true,
          }}
        />
        <button type="submit" className="button">
          Logga in
        </button>
      </Form>
      <p>
        Har du e-post? <Link to="/logga-in">Logga in med e-post</Link>
      </p>
    </section>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
