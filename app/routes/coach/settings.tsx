// The coach's own settings: employment percentage (sets the caseload target), phone number
// (shown to participants and employers), and how new messages from employers are told by email.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { ChoiceGroup, kept } from "~/components/form-controls.tsx";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { ErrorSummary, Field } from "~/components/forms.tsx";
import { notifyOptions } from "~/domain/support.ts";
import { CASELOAD_PER_FULL_TIME, caseloadTarget } from "~/domain/caseload.ts";
import { employmentPercentField } from "~/domain/coach-settings.ts";
import { requireOrgStaff } from "~/utils/auth.server.ts";
import { db } from "~/utils/db.server.ts";
import { parseForm } from "~/domain/forms.ts";
import { saveCoachSettings } from "~/utils/staff-settings.server.ts";
import { redirectWithNotice, samePage } from "~/utils/notice.server.ts";

export const meta: MetaFunction = () => [{ title: "Inställningar – Brygga" }];

const SettingsSchema = z.object({
  employmentPercent: employmentPercentField(),
  phone: z
    .string()
    .trim()
    .max(40, "Telefonnumret är för långt.")
    .optional()
    .transform((v) => (v ? v : null)),
  // Left out (an older form): unchanged.
  notifyMessages: z
    .enum(["each", "digest", "off"], { error: "Välj hur du vill få veta om nya meddelanden." })
    .optional(),
});

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireOrgStaff(request);
  const me = await db.user.findUniqueOrThrow({
    where: { id: user.id },
    select: { employmentPercent: true, phone: true, notifyMessages: true, email: true },
  });
  return { ...me, perFullTime: CASELOAD_PER_FULL_TIME };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireOrgStaff(request);
  const form = parseForm(SettingsSchema, await request.formData());
  if (!form.ok) return data({ ok: false as const, errors: form.errors, values: form.values }, { status: 400 });
  await saveCoachSettings(user.id, form.data);
  throw await redirectWithNotice(
    samePage(request),
    `Sparat. Ditt mål är nu högst ${caseloadTarget(form.data.employmentPercent)} aktiva deltagare.`,
  );
}

export default function Settings() {
  const me = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result && !result.ok ? result.errors : undefined;
  const values = result && !result.ok ? result.values : undefined;
  return (
    <section className="panel" aria-labelledby="settings-title">
      <h1 id="settings-title">Inställningar</h1>
      <ErrorSummary message={errors ? "Det gick inte att spara. Rätta det som är markerat." : null} />
      <Form method="post" className="form" noValidate>
        <Field
          label="Tjänstgöringsgrad (procent av heltid)"
          name="employmentPercent"
          hint={`Målet för antal deltagare räknas som ${me.perFullTime} per heltid.`}
          errors={errors?.employmentPercent}
          inputProps={{
            inputMode: "numeric",
            defaultValue: kept(values, "employmentPercent", String(me.employmentPercent)),
          }}
        />
        <Field
          label="Telefon"
          name="phone"
          hint="Visas för dina deltagare och arbetsgivare."
          errors={errors?.phone}
          inputProps={{ type: "tel", defaultValue: kept(values, "phone", me.phone) }}
        />
        <ChoiceGroup
          type="radio"
          legend="Hur vill du få veta om nya meddelanden från arbetsgivare?"
          name="notifyMessages"
          hint={
            me.email
              ? `Mejlen går till ${me.email}. Du kan svara direkt på dem.`
              : "Du har ingen e-postadress registrerad."
          }
          options={notifyOptions.options}
          defaultValue={kept(values, "notifyMessages", me.notifyMessages)}
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
