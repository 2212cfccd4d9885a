// Add a workplace.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { EmployerScopeHeader } from "~/components/employer-scope.tsx";
import { WorkplaceForm } from "~/components/workplace-form.tsx";
import { parseWorkplace } from "~/domain/employers.ts";
import { requireEmployerScope, scopeForClient } from "~/utils/employer-access.server.ts";
import { createWorkplace, municipalityOptions } from "~/utils/employers.server.ts";
import { formValues } from "~/domain/forms.ts";
import { redirectWithNotice } from "~/utils/notice.server.ts";

export const meta: MetaFunction = () => [{ title: "Ny arbetsplats – Brygga" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const scope = await requireEmployerScope(request, params);
  return { scope: scopeForClient(scope), municipalities: await municipalityOptions() };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const scope = await requireEmployerScope(request, params);
  const values = formValues(await request.formData());
  const form = parseWorkplace(values);
  if (!form.ok) return data({ errors: form.errors, values }, { status: 400 });
  const result = await createWorkplace(scope, form.data);
  if (!result.ok) return data({ errors: result.errors, values }, { status: 400 });
  throw await redirectWithNotice(`${scope.basePath}/arbetsplatser`, "Arbetsplatsen är sparad.");
}

export default function NewWorkplace() {
  const { scope, municipalities } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  return (
    <>
      <EmployerScopeHeader scope={scope} />
      <p className="breadcrumb">
        <Link to={`${scope.basePath}/arbetsplatser`}>← Alla arbetsplatser</Link>
      </p>
      <h1>Ny arbetsplats</h1>
      <WorkplaceForm
        values={actionData?.values ?? {}}
        errors={actionData?.errors}
        municipalities={municipalities}
        submitting={navigation.state === "submitting"}
        submitLabel="Spara arbetsplatsen"
        cancelTo={`${scope.basePath}/arbetsplatser`}
      />
    </>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
