// The employer's openings (for the employer, or a coach on their behalf): status, what waits, and
// the way to post a new one.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { EmployerOpeningsTable } from "~/components/employer-openings-table.tsx";
import { EmployerScopeHeader } from "~/components/employer-scope.tsx";
import { openingStatuses } from "~/domain/vocab/openings.ts";
import { db } from "~/utils/db.server.ts";
import { requireEmployerScope, scopeForClient } from "~/utils/employer-access.server.ts";
import { listEmployerOpenings } from "~/utils/openings.server.ts";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Annonser${data?.scope.onBehalf ? ` – ${data.scope.employerName}` : ""} – Brygga` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const scope = await requireEmployerScope(request, params);
  const url = new URL(request.url);
  const statusFilter = url.searchParams.get("status");
  const all = await listEmployerOpenings(scope.employerId);
  const status = statusFilter && openingStatuses.codes.includes(statusFilter as never) ? statusFilter : null;
  const workplaces = await db.workplace.count({ where: { employerId: scope.employerId } });
  return {
    scope: scopeForClient(scope),
    openings: status ? all.filter((o) => o.status === status) : all,
    counts: Object.fromEntries(
      openingStatuses.codes.map((c) => [c, all.filter((o) => o.status === c).length]),
    ) as Record<string, number>,
    status,
    hasWorkplaces: workplaces > 0,
  };
}

export default function Openings() {
  const { scope, openings, counts, status, hasWorkplaces } = useLoaderData<typeof loader>();
  const base = `${scope.basePath}/annonser`;
  return (
    <>
      <EmployerScopeHeader scope={scope} />
      <h1>{scope.onBehalf ? `Annonser för ${scope.employerName}` : "Era annonser"}</h1>
      <p className="lead">
        Uppdrag, praktikplatser, arbetsträning, anställningar och studiebesök. Publicerade annonser syns för coacher i
        hela Brygga.
      </p>
      <p>
        <Link to={`${base}/ny`} className="button">
          Ny annons
        </Link>
      </p>
      {!hasWorkplaces ? (
        <div className="alert alert--warning">
          <p>
            Ni har ingen arbetsplats ännu.{" "}
            <Link to={`${scope.basePath}/arbetsplatser/ny`}>Lägg till en arbetsplats</Link> först – den behövs för att
            deltagarna ska veta var arbetet finns.
          </p>
        </div>
      ) : null}
      <nav aria-label="Visa annonser med status">
        <ul className="filter-list">
          <li>
            <Link to={base} aria-current={status === null ? "page" : undefined}>
              Alla ({Object.values(counts).reduce((a, b) => a + b, 0)})
            </Link>
          </li>
          {openingStatuses.options.map((s) => (
            <li key={s.value}>
              <Link to={`${base}?status=${s.value}`} aria-current={status === s.value ? "page" : undefined}>
                {s.label} ({counts[s.value] ?? 0})
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {openings.length === 0 ? (
        <p>{status ? "Inga annonser med den statusen." : "Ni har inga annonser ännu."}</p>
      ) : (
        <EmployerOpeningsTable openings={openings} caption="Annonser" openingsPath={base} placeColumn />
      )}
    </>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
