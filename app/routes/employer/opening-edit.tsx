// Edit an opening (draft or published). A published opening stays published and the search index
// follows the change in the same transaction.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { EmployerScopeHeader } from "~/components/employer-scope.tsx";
import { ErrorSummary } from "~/components/forms.tsx";
import { OpeningForm } from "~/components/opening-form.tsx";
import { canDo, openingFormDefaults, readSkillIds } from "~/domain/openings.ts";
import { requireEmployerScope, scopeForClient } from "~/utils/employer-access.server.ts";
import { submitOpeningForm } from "~/utils/opening-form.server.ts";
import { requireOpening, selectedConcepts, workplaceOptions } from "~/utils/openings.server.ts";
import { dayKey } from "~/domain/swedish-time.ts";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Ändra ${data?.title ?? "annons"} – Brygga` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const scope = await requireEmployerScope(request, params);
  const opening = await requireOpening(scope, params.openingId);
  const editable = canDo("edit", opening.status);
  return {
    scope: scopeForClient(scope),
    openingId: opening.id,
    title: opening.title,
    status: opening.status,
    editable,
    workplaces: await workplaceOptions(scope.employerId),
    defaults: openingFormDefaults(opening, dayKey),
    selected: await selectedConcepts(opening.occupationId, readSkillIds(opening.skillIds)),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const scope = await requireEmployerScope(request, params);
  const opening = await requireOpening(scope, params.openingId);
  return submitOpeningForm(scope, request, { openingId: opening.id });
}

export default function EditOpening() {
  const { scope, openingId, title, status, editable, workplaces, defaults, selected } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const back = `${scope.basePath}/annonser/${openingId}`;
  return (
    <>
      <EmployerScopeHeader scope={scope} />
      <p className="breadcrumb">
        <Link to={back}>← Tillbaka till annonsen</Link>
      </p>
      <h1>Ändra ”{title}”</h1>
      {!editable ? (
        <div className="alert alert--warning">
          <p>
            Annonsen är tillsatt eller stängd och kan inte ändras. Gå till <Link to={back}>annonsen</Link> och gör en
            kopia i stället.
          </p>
        </div>
      ) : (
        <>
          {status === "published" ? (
            <p className="muted">Annonsen är publicerad. Ändringarna syns i sökningen så fort du sparar.</p>
          ) : null}
          <ErrorSummary message={actionData?.formError} />
          <OpeningForm
            key={actionData ? "after-submit" : "fresh"}
            values={actionData?.values ?? defaults}
            errors={actionData?.errors}
            workplaces={workplaces}
            workplacesPath={`${scope.basePath}/arbetsplatser`}
            selected={actionData?.selected ?? selected}
            occupationSuggestions={actionData?.occupationSuggestions}
            skillSuggestions={actionData?.skillSuggestions}
            submitting={navigation.state === "submitting"}
            mode={status === "published" ? "published" : "draft"}
            cancelTo={back}
          />
        </>
      )}
    </>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
