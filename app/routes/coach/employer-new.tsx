// A coach adds an employer to the organisation (docs/product-rules.md#employer-onboarding), and may invite its first user by
// email (a sign-in link). Everything is saved together or not at all.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { EmployerProfileFields } from "~/components/employer-profile-form.tsx";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { kept, SelectField } from "~/components/form-controls.tsx";
import { Field } from "~/components/forms.tsx";
import { employerProfileShape, INVITATION_LIFETIME_DAYS } from "~/domain/employers.ts";
import { requireOrgStaff } from "~/utils/auth.server.ts";
import { createEmployerForOrganization, organizationCoaches } from "~/utils/employers.server.ts";
import { optionalText, parseFields } from "~/domain/form-rules.ts";
import { fields, formValues } from "~/domain/forms.ts";

export const meta: MetaFunction = () => [{ title: "Ny arbetsgivare – Brygga" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireOrgStaff(request);
  return { coaches: await organizationCoaches(user.organizationId), me: user.id };
}

const newEmployerShape = {
  ...employerProfileShape,
  contactCoachId: z
    .string()
    .trim()
    .max(64)
    .optional()
    .transform((v) => v || null),
  inviteName: optionalText("namnet", 100),
  inviteEmail: z
    .string()
    .optional()
    .transform((v) => (v ?? "").trim())
    .pipe(z.union([z.literal(""), fields.email()]))
    .transform((v) => v || null),
};

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireOrgStaff(request);
  const values = formValues(await request.formData());
  const form = parseFields(newEmployerShape, values, ({ data, add }) => {
    if (data.inviteEmail && !data.inviteName && "inviteName" in data)
      add("inviteName", "Skriv namnet på personen du bjuder in.");
    if (data.inviteName && !data.inviteEmail && "inviteEmail" in data)
      add("inviteEmail", "Skriv e-postadressen till personen du bjuder in.");
  });
  if (!form.ok) return data({ errors: form.errors, values }, { status: 400 });
  const { inviteName, inviteEmail, ...profile } = form.data;
  const invite = inviteName && inviteEmail ? { name: inviteName, email: inviteEmail } : null;
  const result = await createEmployerForOrganization(user, profile, invite);
  if (!result.ok) return data({ errors: result.errors, values }, { status: 400 });
  throw redirect(`/coach/arbetsgivare/${result.employerId}/annonser`);
}

export default function NewEmployer() {
  const { coaches, me } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const values = actionData?.values ?? {};
  const errors = actionData?.errors ?? {};
  const errorCount = Object.keys(errors).length;
  return (
    <>
      <p className="breadcrumb">
        <Link to="/coach/arbetsgivare">← Alla arbetsgivare</Link>
      </p>
      <h1>Ny arbetsgivare</h1>
      <Form method="post" className="form" noValidate>
        {errorCount > 0 ? (
          <div className="alert alert--error" role="alert">
            <p>
              <strong>Arbetsgivaren är inte sparad.</strong> Rätta{" "}
              {errorCount === 1 ? "det markerade fältet" : `de ${errorCount} markerade fälten`}.
            </p>
          </div>
        ) : null}
        <EmployerProfileFields values={values} errors={errors} />
        <SelectField
          label="Kontaktperson"
          name="contactCoachId"
          hint="Den coach som arbetsgivaren alltid kan ringa. Frågor från arbetsgivaren går hit."
          options={coaches.map((c) => ({ value: c.id, label: c.id === me ? `${c.name} (du)` : c.name }))}
          errors={errors.contactCoachId}
          selectProps={{ defaultValue: kept(values, "contactCoachId", me) }}
        />
        <fieldset className="field">
          <legend>Bjud in en person hos arbetsgivaren (valfritt)</legend>
          <span className="hint">
            Personen får ett mejl med en inloggningslänk som gäller i {INVITATION_LIFETIME_DAYS} dagar.
          </span>
          <Field
            label="Namn"
            name="inviteName"
            errors={errors.inviteName}
            inputProps={{ defaultValue: kept(values, "inviteName"), autoComplete: "off" }}
          />
          <Field
            label="E-postadress"
            name="inviteEmail"
            errors={errors.inviteEmail}
            inputProps={{ type: "email", defaultValue: kept(values, "inviteEmail"), autoComplete: "off" }}
          />
        </fieldset>
        <button type="submit" className="button" aria-disabled={navigation.state === "submitting" || undefined}>
          Spara arbetsgivaren
        </button>
      </Form>
    </>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
