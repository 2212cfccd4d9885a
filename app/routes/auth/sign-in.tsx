import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { ErrorSummary, Field } from "~/components/forms.tsx";
import { homePathByRole } from "~/domain/vocab/roles.ts";
import { LINK_LIFETIME_MINUTES } from "~/domain/sign-in-rules.ts";
import { getUser, safeRedirect } from "~/utils/auth.server.ts";
import { fields, parseForm, type FieldErrors } from "~/domain/forms.ts";
import { clientIp } from "~/utils/rate-limit.server.ts";
import { requestSignInLink } from "~/utils/sign-in.server.ts";

export const meta: MetaFunction = () => [{ title: "Logga in – Brygga" }];

const SignInSchema = z.object({
  email: fields.email(),
  redirectTo: z.string().optional(),
});

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getUser(request);
  if (user) throw redirect(homePathByRole[user.role]);
  const url = new URL(request.url);
  return {
    email: url.searchParams.get("email") ?? "",
    redirectTo: url.searchParams.get("redirectTo") ?? "",
    sentTo: url.searchParams.get("skickat") ?? null,
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const form = parseForm(SignInSchema, await request.formData());
  if (!form.ok)
    return data({ errors: form.errors, email: String(form.values.email ?? ""), limited: false }, { status: 400 });

  const result = await requestSignInLink({
    email: form.data.email,
    ip: clientIp(context),
    redirectTo: safeRedirect(form.data.redirectTo, "") || null,
  });
  if (result.limited) {
    return data(
      { errors: {} as FieldErrors, email: form.data.email, limited: true },
      { status: 429, headers: { "Retry-After": String(result.retryAfterSeconds) } },
    );
  }
  // The same answer whether or not the address has an account.
  throw redirect(`/logga-in?skickat=${encodeURIComponent(form.data.email)}`);
}

export default function SignIn() {
  const loaderData = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";

  if (loaderData.sentTo) {
    return (
      <section className="panel" aria-labelledby="sent-title">
        <h1 id="sent-title">Kolla din e-post</h1>
        <p role="status">
          Om <strong>{loaderData.sentTo}</strong> har ett konto i Brygga har vi skickat en inloggningslänk dit. Länken
          gäller i {LINK_LIFETIME_MINUTES} minuter och kan bara användas en gång.
        </p>
        <p>
          Hittar du inte mejlet? Titta i skräpposten, eller <Link to="/logga-in">skicka en ny länk</Link>.
        </p>
      </section>
    );
  }

  return (
    <section className="panel" aria-labelledby="sign-in-title">
      <h1 id="sign-in-title">Logga in</h1>
      <p>Skriv din e-postadress så skickar vi en länk som loggar in dig. Du behöver inget lösenord.</p>
      <ErrorSummary
        message={
          actionData?.limited
            ? "Du har bett om många länkar på kort tid. Vänta en kvart och försök igen."
            : actionData?.errors?.email
              ? "Ingen länk skickades. Rätta e-postadressen."
              : null
        }
      />
      <Form method="post" className="form" noValidate>
        <input type="hidden" name="redirectTo" value={loaderData.redirectTo} />
        <Field
          label="E-postadress"
          name="email"
          errors={actionData?.errors?.email}
          inputProps={{
            type: "email",
            autoComplete: "email",
            defaultValue: actionData?.email ?? loaderData.email,
            required: true,
          }}
        />
        <button type="submit" className="button" aria-disabled={busy || undefined}>
          {busy ? "Skickar …" : "Skicka inloggningslänk"}
        </button>
      </Form>
      <p>
        Har du fått en kod av din coach? <Link to="/logga-in/kod">Logga in med kod</Link>
      </p>
    </section>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
