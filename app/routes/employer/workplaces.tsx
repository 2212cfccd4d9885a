// The employer's workplaces: where the work happens.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { EmployerScopeHeader } from "~/components/employer-scope.tsx";
import { formatPostalCode } from "~/domain/employers.ts";
import { requireEmployerScope, scopeForClient } from "~/utils/employer-access.server.ts";
import { listWorkplaces } from "~/utils/employers.server.ts";
import { countSv, NOUNS } from "~/domain/swedish.ts";

export const meta: MetaFunction = () => [{ title: "Arbetsplatser – Brygga" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const scope = await requireEmployerScope(request, params);
  return {
    scope: scopeForClient(scope),
    workplaces: await listWorkplaces(scope.employerId),
  };
}

export default function Workplaces() {
  const { scope, workplaces } = useLoaderData<typeof loader>();
  const base = `${scope.basePath}/arbetsplatser`;
  return (
    <>
      <EmployerScopeHeader scope={scope} />
      <h1>Arbetsplatser</h1>
      <p className="lead">
        Adresserna där arbetet finns. Deltagarna ser hur långt de har dit, och varje annons hör till en arbetsplats.
      </p>
      <p>
        <Link to={`${base}/ny`} className="button">
          Lägg till arbetsplats
        </Link>
      </p>
      {workplaces.length === 0 ? (
        <p>Ni har inga arbetsplatser ännu.</p>
      ) : (
        <ul className="card-list">
          {workplaces.map((w) => (
            <li key={w.id} className="panel">
              <h2 className="card-title">
                <Link to={`${base}/${w.id}`}>{w.name}</Link>
              </h2>
              <p>
                {w.street}, {formatPostalCode(w.postalCode)} {w.municipalityName}
              </p>
              <p className="muted">
                {w.openings === 0
                  ? "Inga annonser"
                  : `${countSv(w.openings, NOUNS.opening)}, ${w.publishedOpenings} publicerade`}
              </p>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
