// The coach's placements: status, next check-in (overdue?), practice ends, and unread or
// unanswered messages from the employer. Own participants by default, the whole organisation on request.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { PlacementStatusBadge } from "~/components/placement-parts.tsx";
import { supportPaths } from "~/domain/support.ts";
import { openingKinds } from "~/domain/vocab/openings.ts";
import { requireOrgStaff } from "~/utils/auth.server.ts";
import { listPlacements } from "~/utils/support.server.ts";
import { formatDate } from "~/domain/swedish-time.ts";
import { TableRegion } from "~/components/table-region.tsx";

export const meta: MetaFunction = () => [{ title: "Placeringar – Brygga" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireOrgStaff(request);
  const url = new URL(request.url);
  const all = url.searchParams.get("visa") === "alla";
  const includeEnded = url.searchParams.get("avslutade") === "ja";
  const placements = await listPlacements(
    { organizationId: user.organizationId, ...(all ? {} : { coachId: user.id }) },
    user.id,
    { includeEnded },
  );
  return { placements, all, includeEnded };
}

export default function CoachPlacements() {
  const { placements, all, includeEnded } = useLoaderData<typeof loader>();
  const query = (next: { all?: boolean; ended?: boolean }) => {
    const p = new URLSearchParams();
    if (next.all ?? all) p.set("visa", "alla");
    if (next.ended ?? includeEnded) p.set("avslutade", "ja");
    const s = p.toString();
    return s ? `?${s}` : "";
  };
  return (
    <>
      <h1>Placeringar</h1>
      <p className="button-row">
        <Link to={supportPaths.coachWeek} className="button">
          Min vecka
        </Link>
        <Link to={query({ all: !all })} className="button button--secondary">
          {all ? "Bara mina deltagare" : "Hela organisationen"}
        </Link>
        <Link to={query({ ended: !includeEnded })} className="button button--secondary">
          {includeEnded ? "Dölj avslutade" : "Visa även avslutade"}
        </Link>
        <Link to={supportPaths.coachSettings} className="button button--secondary">
          E-postinställningar
        </Link>
      </p>
      {placements.length === 0 ? (
        <p>
          Inga {includeEnded ? "" : "pågående "}placeringar{all ? " i organisationen" : " för dina deltagare"}.
        </p>
      ) : (
        <TableRegion label={all ? "Organisationens placeringar" : "Mina deltagares placeringar"}>
          <table className="table">
            <caption className="visually-hidden">
              {all ? "Organisationens placeringar" : "Mina deltagares placeringar"}
            </caption>
            <thead>
              <tr>
                <th scope="col">Deltagare</th>
                <th scope="col">Arbetsgivare och uppdrag</th>
                <th scope="col">Status</th>
                <th scope="col">Nästa uppföljning</th>
                <th scope="col">Slut</th>
                <th scope="col">Meddelanden</th>
              </tr>
            </thead>
            <tbody>
              {placements.map((p) => (
                <tr key={p.id}>
                  <td>
                    <Link to={supportPaths.coachPlacement(p.id)}>{p.pseudonym}</Link>
                    {all && p.coachName ? <span className="muted"> ({p.coachName})</span> : null}
                  </td>
                  <td>
                    {p.opening.employerName}
                    <br />
                    <span className="muted">
                      {openingKinds.label(p.kind)}: {p.opening.title}
                    </span>
                  </td>
                  <td>
                    <PlacementStatusBadge status={p.status} />
                  </td>
                  <td>
                    {p.nextCheckInAt ? formatDate(p.nextCheckInAt) : <span className="muted">Vid behov</span>}
                    {p.flags.checkInOverdue ? (
                      <>
                        {" "}
                        <span className="badge badge--danger">Försenad</span>
                      </>
                    ) : null}
                  </td>
                  <td>
                    {p.endDate ? formatDate(p.endDate) : <span className="muted">Tillsvidare</span>}
                    {p.flags.decisionDue ? (
                      <>
                        {" "}
                        <span className="badge badge--warning">Beslut behövs</span>
                      </>
                    ) : null}
                  </td>
                  <td>
                    {p.unread > 0 ? <span className="badge badge--info">{p.unread} nya</span> : null}
                    {p.waitingSince ? <span className="badge badge--warning">Väntar på svar</span> : null}
                    {p.unread === 0 && !p.waitingSince ? <span className="muted">–</span> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
    </>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
