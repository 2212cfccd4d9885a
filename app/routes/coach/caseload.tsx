// "Mina deltagare": the coach's caseload by phase — days in phase, last and next contact, the
// four-week first-employer-contact flag, unanswered comments — against the IPS target of 20 per
// full-time coach (scaled by the coach's employment percentage).
import { currentTime } from "~/utils/clock.server.ts";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { FirstContactBadge } from "~/components/first-contact-badge.tsx";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { CaseloadSummary } from "~/components/caseload-summary.tsx";
import { caseloadTarget } from "~/domain/caseload.ts";
import { firstContactStatus } from "~/domain/first-contact.ts";
import { phases } from "~/domain/vocab/participants.ts";
import { audit } from "~/utils/audit.server.ts";
import { requireOrgStaff } from "~/utils/auth.server.ts";
import { db } from "~/utils/db.server.ts";
import { caseloadRows } from "~/utils/participants.server.ts";
import { clientIp } from "~/utils/rate-limit.server.ts";
import { daysBetween, formatDate } from "~/domain/swedish-time.ts";
import { countSv, NOUNS } from "~/domain/swedish.ts";
import { TableRegion } from "~/components/table-region.tsx";

export const meta: MetaFunction = () => [{ title: "Mina deltagare – Brygga" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireOrgStaff(request);
  const includeExited = new URL(request.url).searchParams.get("visa") === "alla";
  const [coach, rows] = await Promise.all([
    db.user.findUniqueOrThrow({ where: { id: user.id }, select: { employmentPercent: true } }),
    caseloadRows({ organizationId: user.organizationId, coachId: user.id, includeExited }),
  ]);
  await audit(db, {
    actorId: user.id,
    participantId: null,
    action: "read",
    entity: "caseload",
    detail: `${rows.length} deltagare`,
    ip: clientIp(context),
  });
  const now = currentTime();
  const participants = rows.map((p) => ({
    id: p.id,
    pseudonym: p.pseudonym,
    phase: p.phase,
    daysInPhase: daysBetween(p.phaseChangedAt, now),
    lastContactAt: p.lastContactAt,
    nextContactAt: p.nextContactAt,
    nextContactOverdue: p.nextContactAt
      ? p.nextContactAt < now && formatDate(p.nextContactAt) !== formatDate(now)
      : false,
    firstContact: firstContactStatus({
      enrolledAt: p.enrolledAt,
      firstContactAt: p.firstEmployerContactAt,
      exited: p.phase === "exited",
      now,
    }),
    unansweredComments: p.unansweredComments,
  }));
  const active = participants.filter((p) => p.phase !== "exited").length;
  return {
    includeExited,
    employmentPercent: coach.employmentPercent,
    target: caseloadTarget(coach.employmentPercent),
    active,
    overdue: participants.filter((p) => p.firstContact.kind === "overdue").length,
    byPhase: phases.codes
      .map((phase) => ({ phase, participants: participants.filter((p) => p.phase === phase) }))
      .filter((g) => g.participants.length > 0),
  };
}

export default function Caseload() {
  const { byPhase, target, active, overdue, employmentPercent, includeExited } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Mina deltagare</h1>
      <div className="actions">
        <Link to="/coach/deltagare/ny" className="button">
          Skriv in deltagare
        </Link>
        <Link
          to={includeExited ? "/coach/deltagare" : "/coach/deltagare?visa=alla"}
          className="button button--secondary"
        >
          {includeExited ? "Dölj avslutade" : "Visa även avslutade"}
        </Link>
      </div>
      <CaseloadSummary
        active={active}
        target={target}
        employmentPercent={employmentPercent}
        settingsLink="/coach/installningar"
      />
      {overdue > 0 ? (
        <p className="alert alert--warning">
          {overdue === 1 ? "1 deltagare har" : `${overdue} deltagare har`} inte haft någon arbetsgivarkontakt inom 4
          veckor från inskrivningen.
        </p>
      ) : null}
      {byPhase.length === 0 ? <p>Du har inga deltagare än.</p> : null}
      {byPhase.map((group) => (
        <section key={group.phase} aria-labelledby={`phase-${group.phase}`}>
          <h2 id={`phase-${group.phase}`}>
            {phases.label(group.phase)} <span className="muted">({group.participants.length})</span>
          </h2>
          <TableRegion label={phases.label(group.phase)}>
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">Deltagare</th>
                  <th scope="col">Dagar i fasen</th>
                  <th scope="col">Senaste kontakt</th>
                  <th scope="col">Nästa kontakt</th>
                  <th scope="col">Första arbetsgivarkontakt</th>
                </tr>
              </thead>
              <tbody>
                {group.participants.map((p) => (
                  <tr key={p.id}>
                    <th scope="row">
                      <Link to={`/coach/deltagare/${p.id}`}>{p.pseudonym}</Link>
                      {p.unansweredComments > 0 ? (
                        <>
                          {" "}
                          <span className="badge badge--warning">
                            {countSv(p.unansweredComments, NOUNS.newComment)}
                          </span>
                        </>
                      ) : null}
                    </th>
                    <td>{p.daysInPhase}</td>
                    <td>{p.lastContactAt ? formatDate(p.lastContactAt) : <span className="muted">Ingen</span>}</td>
                    <td>
                      {p.nextContactAt ? formatDate(p.nextContactAt) : <span className="muted">Ej planerad</span>}
                      {p.nextContactOverdue ? (
                        <>
                          {" "}
                          <span className="badge badge--danger">Passerad</span>
                        </>
                      ) : null}
                    </td>
                    <td>
                      <FirstContactBadge status={p.firstContact} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableRegion>
        </section>
      ))}
    </>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
