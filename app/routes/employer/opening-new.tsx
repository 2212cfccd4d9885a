// Post a new opening (employer, or a coach on the employer's behalf).
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { EmployerScopeHeader } from "~/components/employer-scope.tsx";
import { ErrorSummary } from "~/components/forms.tsx";
import { OpeningForm } from "~/components/opening-form.tsx";
import { openingKinds } from "~/domain/vocab/openings.ts";
import { requireEmployerScope, scopeForClient } from "~/utils/employer-access.server.ts";
import { submitOpeningForm } from "~/utils/opening-form.server.ts";
import { workplaceOptions } from "~/utils/openings.server.ts";

export const meta: MetaFunction = () => [{ title: "Ny annons – Brygga" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const scope = await requireEmployerScope(request, params);
  const kind = new URL(request.url).searchParams.get("typ");
  return {
    scope: scopeForClient(scope),
    workplaces: await workplaceOptions(scope.employerId),
    defaults: {
      kind: kind && openingKinds.codes.includes(kind as never) ? kind : "practice",
      hoursMin: "10",
      hoursMax: "20",
      places: "1",
      scheduleTimes: ["day"],
      startFlexible: "fixed",
      leadsToEmployment: "maybe",
    } as Record<string, string | string[]>,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const scope = await requireEmployerScope(request, params);
  return submitOpeningForm(scope, request);
}

export default function NewOpening() {
  const { scope, workplaces, defaults } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  return (
    <>
      <EmployerScopeHeader scope={scope} />
      <h1>Ny annons</h1>
      <p className="lead">
        Beskriv riktiga arbetsuppgifter som behöver göras. Ju tydligare ni beskriver arbetet och arbetsplatsen, desto
        bättre blir förslagen från coacherna.
      </p>
      <ErrorSummary message={actionData?.formError} />
      <OpeningForm
        key={actionData ? "after-submit" : "fresh"}
        values={actionData?.values ?? defaults}
        errors={actionData?.errors}
        workplaces={workplaces}
        workplacesPath={`${scope.basePath}/arbetsplatser`}
        selected={actionData?.selected ?? { occupation: null, skills: [] }}
        occupationSuggestions={actionData?.occupationSuggestions}
        skillSuggestions={actionData?.skillSuggestions}
        submitting={navigation.state === "submitting"}
        mode="new"
        cancelTo={`${scope.basePath}/annonser`}
      />
    </>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
