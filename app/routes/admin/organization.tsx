// "Organisationen": name, org number, phone, visiting address, the municipalities the organisation
// serves (employer registrations from them reach its coaches) and the funder shown on reports.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { kept, keptList, SelectField } from "~/components/form-controls.tsx";
import { ActionError, Field } from "~/components/forms.tsx";
import { municipalityGroups } from "~/components/workplace-form.tsx";
import { formValues, type FieldErrors } from "~/domain/forms.ts";
import { parseOrganizationDetails } from "~/domain/onboarding.ts";
import { requireOrgAdmin } from "~/utils/admin.server.ts";
import { municipalityOptions } from "~/utils/employers.server.ts";
import { loadOrganizationDetails, updateOrganizationDetails } from "~/utils/organizations.server.ts";
import { clientIp } from "~/utils/rate-limit.server.ts";
import { redirectWithNotice, samePage } from "~/utils/notice.server.ts";

export const meta: MetaFunction = () => [{ title: "Organisationen – Brygga" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const admin = await requireOrgAdmin(request);
  const [organization, municipalities] = await Promise.all([
    loadOrganizationDetails(admin.organizationId),
    municipalityOptions(),
  ]);
  return { organization, municipalities };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const admin = await requireOrgAdmin(request);
  const values = formValues(await request.formData());
  const form = parseOrganizationDetails(values);
  const failed = (errors: FieldErrors) =>
    data(
      { ok: false as const, errors, values, message: "Uppgifterna sparades inte. Rätta det som är markerat." },
      { status: 400 },
    );
  if (!form.ok) return failed(form.errors);
  const result = await updateOrganizationDetails(admin, form.data, clientIp(context));
  if (!result.ok) return failed(result.errors);
  throw await redirectWithNotice(samePage(request), result.message);
}

export default function OrganizationDetails() {
  const { organization: org, municipalities } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const errors: FieldErrors = result && !result.ok ? result.errors : {};
  const values = result && !result.ok ? result.values : undefined;
  return (
    <>
      <h1>Organisationen</h1>
      <p className="lead">Uppgifterna visas för arbetsgivare och på rapporterna till finansiären.</p>
      <ActionError result={result} />
      <Form method="post" className="form" noValidate>
        <Field
          label="Namn"
          name="name"
          errors={errors.name}
          inputProps={{ defaultValue: kept(values, "name", org.name) }}
        />
        <Field
          label="Organisationsnummer"
          name="orgNumber"
          hint="Tio siffror, till exempel 212000-0514."
          errors={errors.orgNumber}
          inputProps={{ defaultValue: kept(values, "orgNumber", org.orgNumber), inputMode: "numeric" }}
        />
        <Field
          label="Telefon"
          name="phone"
          errors={errors.phone}
          inputProps={{ type: "tel", defaultValue: kept(values, "phone", org.phone), autoComplete: "off" }}
        />
        <Field
          label="Besöksadress"
          name="visitingAddress"
          errors={errors.visitingAddress}
          inputProps={{ defaultValue: kept(values, "visitingAddress", org.visitingAddress) }}
        />
        <Field
          label="Finansiär (samordningsförbund)"
          name="funderName"
          hint="Visas på rapporterna."
          errors={errors.funderName}
          inputProps={{ defaultValue: kept(values, "funderName", org.funderName) }}
        />
        <SelectField
          label="Kommuner ni arbetar i"
          name="municipalityCodes"
          hint="Arbetsgivare i de här kommunerna som anmäler sig visas för era coacher. Håll ner Ctrl (eller Cmd) för att välja flera."
          groups={municipalityGroups(municipalities)}
          errors={errors.municipalityCodes}
          selectProps={{
            multiple: true,
            size: 10,
            defaultValue: values ? keptList(values, "municipalityCodes") : org.municipalityCodes,
          }}
        />
        <button type="submit" className="button" aria-disabled={busy || undefined}>
          Spara
        </button>
      </Form>
    </>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
