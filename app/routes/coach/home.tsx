import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { NewEmployersNotice } from "~/components/new-employers-notice.tsx";
import { caseloadTarget } from "~/domain/caseload.ts";
import { phases } from "~/domain/vocab/participants.ts";
import { requireOrgStaff } from "~/utils/auth.server.ts";
import { db } from "~/utils/db.server.ts";
import { daysBetween, formatDate } from "~/domain/swedish-time.ts";
import { waitingRegistrations } from "~/utils/registrations.server.ts";
import { TableRegion } from "~/components/table-region.tsx";

export const meta: MetaFunction = () => [{ title: "Översikt – Brygga" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireOrgStaff(request);
  const [coach, participants, openQuestions, registrations] = await Promise.all([
    db.user.findUniqueOrThrow({
      where: { id: user.id },
      select: { employmentPercent: true, organization: { select: { name: true } } },
    }),
    db.participant.findMany({
      where: { coachId: user.id, organizationId: user.organizationId, erasedAt: null, phase: { not: "exited" } },
      orderBy: { pseudonym: "asc" },
      select: {
        id: true,
        pseudonym: true,
        phase: true,
        phaseChangedAt: true,
        nextContactAt: true,
        email: true,
        user: { select: { email: true } },
      },
    }),
    db.thread.count({ where: { organizationId: user.organizationId, kind: "question", status: "open" } }),
    waitingRegistrations(user.organizationId),
  ]);
  return {
    organizationName: coach.organization?.name ?? "",
    target: caseloadTarget(coach.employmentPercent),
    openQuestions,
    registrations: registrations.map((r) => ({
      id: r.id,
      companyName: r.companyName,
      municipalityName: r.municipalityName,
    })),
    participants: participants.map((p) => ({
      id: p.id,
      pseudonym: p.pseudonym,
      phase: p.phase,
      daysInPhase: daysBetween(p.phaseChangedAt),
      nextContactAt: p.nextContactAt,
      needsCode: !p.user?.email,
    })),
  };
}

export default function CoachHome() {
  const { organizationName, target, participants, openQuestions, registrations } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Min översikt</h1>
      <p className="muted">{organizationName}</p>
      <NewEmployersNotice registrations={registrations} />
      <div className="grid">
        <div className="panel">
          <h2>Mina deltagare</h2>
          <p className="lead">
            {participants.length} av {target} <span className="muted">(mål för din tjänstgöringsgrad)</span>
          </p>
          {participants.length > target ? <p className="badge badge--warning">Fler ärenden än målet</p> : null}
        </div>
        <div className="panel">
          <h2>Öppna frågor från arbetsgivare</h2>
          <p className="lead">{openQuestions}</p>
          <p>
            <Link to="/coach/fragor">Till frågorna</Link>
          </p>
        </div>
        <div className="panel">
          <h2>Uppföljning</h2>
          <p>Veckans uppföljningar och möten, det som är försenat och praktik som snart slutar.</p>
          <p>
            <Link to="/coach/vecka">Min vecka</Link>
          </p>
        </div>
      </div>
      <h2>Deltagare</h2>
      <p className="actions">
        <Link to="/coach/deltagare/ny" className="button">
          Skriv in deltagare
        </Link>
        <Link to="/coach/deltagare" className="button button--secondary">
          Alla mina deltagare efter fas
        </Link>
      </p>
      {participants.length === 0 ? (
        <p>Du har inga aktiva deltagare.</p>
      ) : (
        <TableRegion label="Mina aktiva deltagare">
          <table className="table">
            <caption className="visually-hidden">Mina aktiva deltagare</caption>
            <thead>
              <tr>
                <th scope="col">Deltagare</th>
                <th scope="col">Fas</th>
                <th scope="col">Dagar i fasen</th>
                <th scope="col">Nästa kontakt</th>
                <th scope="col">Inloggning</th>
              </tr>
            </thead>
            <tbody>
              {participants.map((p) => (
                <tr key={p.id}>
                  <td>
                    <Link to={`/coach/deltagare/${p.id}`}>{p.pseudonym}</Link>
                  </td>
                  <td>{phases.label(p.phase)}</td>
                  <td>{p.daysInPhase}</td>
                  <td>{p.nextContactAt ? formatDate(p.nextContactAt) : <span className="muted">Ej planerad</span>}</td>
                  <td>
                    {p.needsCode ? (
                      <Link to={`/coach/deltagare/${p.id}/inloggningskod`}>Skapa kod för {p.pseudonym}</Link>
                    ) : (
                      <span className="muted">Via e-post</span>
                    )}
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
