// The employer's profile ("Företaget"): name, organisation number, sector, contact details.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { EmployerProfileFields } from "~/components/employer-profile-form.tsx";
import { EmployerScopeHeader } from "~/components/employer-scope.tsx";
import { parseEmployerProfile } from "~/domain/employers.ts";
import { requireEmployerScope, scopeForClient } from "~/utils/employer-access.server.ts";
import { loadEmployerProfile, updateEmployerProfile } from "~/utils/employers.server.ts";
import { formValues } from "~/domain/forms.ts";
import { redirectWithNotice } from "~/utils/notice.server.ts";

export const meta: MetaFunction = () => [{ title: "Företaget – Brygga" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const scope = await requireEmployerScope(request, params);
  const employer = await loadEmployerProfile(scope.employerId);
  return {
    scope: scopeForClient(scope),
    organization: employer.organization?.name ?? null,
    contactCoach: employer.contactCoach,
    defaults: {
      name: employer.name,
      orgNumber: employer.orgNumber ?? "",
      sector: employer.sector,
      phone: employer.phone ?? "",
      website: employer.website ?? "",
      description: employer.description ?? "",
    } as Record<string, string | string[]>,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const scope = await requireEmployerScope(request, params);
  const values = formValues(await request.formData());
  const form = parseEmployerProfile(values);
  if (!form.ok) return data({ errors: form.errors, values }, { status: 400 });
  const result = await updateEmployerProfile(scope, form.data);
  if (!result.ok) return data({ errors: result.errors, values }, { status: 400 });
  throw await redirectWithNotice(`${scope.basePath}/foretaget`, "Uppgifterna är sparade.");
}

export default function Profile() {
  const { scope, organization, contactCoach, defaults } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const errorCount = Object.keys(actionData?.errors ?? {}).length;
  return (
    <>
      <EmployerScopeHeader scope={scope} />
      <h1>{scope.onBehalf ? `Uppgifter om ${scope.employerName}` : "Företaget"}</h1>
      {organization ? (
        <p className="muted">
          Kopplad till {organization}
          {contactCoach ? `, kontaktperson ${contactCoach.name}` : ""}.
          {!scope.onBehalf ? (
            <>
              {" "}
              <Link to="/arbetsgivare/kollegor">Bjud in kollegor</Link>
            </>
          ) : null}
        </p>
      ) : null}
      <Form method="post" className="form" noValidate>
        {errorCount > 0 ? (
          <div className="alert alert--error" role="alert">
            <p>
              <strong>Uppgifterna är inte sparade.</strong> Rätta{" "}
              {errorCount === 1 ? "det markerade fältet" : `de ${errorCount} markerade fälten`}.
            </p>
          </div>
        ) : null}
        <EmployerProfileFields values={actionData?.values ?? defaults} errors={actionData?.errors} />
        <button type="submit" className="button" aria-disabled={navigation.state === "submitting" || undefined}>
          {navigation.state === "submitting" ? "Sparar …" : "Spara"}
        </button>
      </Form>
    </>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
