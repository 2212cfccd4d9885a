// The employer user's email settings: an email for each new message from the coach, a daily
// digest, or none.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { ChoiceGroup, kept } from "~/components/form-controls.tsx";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { ErrorSummary } from "~/components/forms.tsx";
import { notifyOptions, notifyShape } from "~/domain/support.ts";
import { requireEmployerUser } from "~/utils/auth.server.ts";
import { db } from "~/utils/db.server.ts";
import { parseFields } from "~/domain/form-rules.ts";
import { formValues } from "~/domain/forms.ts";
import { saveNotifySetting } from "~/utils/notifications.server.ts";
import { redirectWithNotice, samePage } from "~/utils/notice.server.ts";

export const meta: MetaFunction = () => [{ title: "Inställningar – Brygga" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireEmployerUser(request);
  return db.user.findUniqueOrThrow({ where: { id: user.id }, select: { email: true, notifyMessages: true } });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireEmployerUser(request);
  const values = formValues(await request.formData());
  const form = parseFields(notifyShape, values);
  if (!form.ok) return data({ ok: false as const, errors: form.errors, values }, { status: 400 });
  await saveNotifySetting(user.id, form.data.notifyMessages);
  throw await redirectWithNotice(
    samePage(request),
    `Sparat: ${notifyOptions.label(form.data.notifyMessages).toLowerCase()}.`,
  );
}

export default function EmployerSettings() {
  const me = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result && !result.ok ? result.errors : undefined;
  return (
    <section className="panel" aria-labelledby="settings-title">
      <h1 id="settings-title">Inställningar</h1>
      <ErrorSummary message={errors ? "Det gick inte att spara. Rätta det som är markerat." : null} />
      <Form method="post" className="form" noValidate>
        <ChoiceGroup
          type="radio"
          legend="Hur vill du få veta att coachen har skrivit?"
          name="notifyMessages"
          hint={
            me.email
              ? `Mejlen går till ${me.email}. Du kan svara direkt på dem.`
              : "Du har ingen e-postadress registrerad."
          }
          options={notifyOptions.options}
          defaultValue={kept(result && !result.ok ? result.values : undefined, "notifyMessages", me.notifyMessages)}
          errors={errors?.notifyMessages}
        />
        <button type="submit" className="button">
          Spara
        </button>
      </Form>
    </section>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
