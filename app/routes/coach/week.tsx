// "Min vecka": this week's check-ins and meetings, overdue follow-ups, employers waiting for an
// answer (oldest first), and practice periods ending within two weeks — each with a link to act.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { NewEmployersNotice } from "~/components/new-employers-notice.tsx";
import { IntroductionProgressList } from "~/components/supervisor-guide.tsx";
import { MeetingStateBadge } from "~/components/placement-parts.tsx";
import { meetingKinds, supportPaths } from "~/domain/support.ts";
import { formatDuration } from "~/domain/threads.ts";
import { requireOrgStaff } from "~/utils/auth.server.ts";
import { waitingRegistrations } from "~/utils/registrations.server.ts";
import { introductionProgress } from "~/utils/supervisor-checklist.server.ts";
import { loadCoachWeek } from "~/utils/week.server.ts";
import { formatDate, formatDateTime } from "~/domain/swedish-time.ts";

export const meta: MetaFunction = () => [{ title: "Min vecka – Brygga" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireOrgStaff(request);
  const all = new URL(request.url).searchParams.get("visa") === "alla";
  const [week, registrations, introductions] = await Promise.all([
    loadCoachWeek(user, { all }),
    waitingRegistrations(user.organizationId),
    introductionProgress(user, { all }),
  ]);
  return {
    ...week,
    all,
    introductions,
    registrations: registrations.map((r) => ({
      id: r.id,
      companyName: r.companyName,
      municipalityName: r.municipalityName,
    })),
  };
}

type PlacementRef = { id: string; pseudonym: string; title: string; employerName: string; coachName: string | null };

function Who({ p, all }: { p: PlacementRef; all: boolean }) {
  return (
    <>
      <Link to={supportPaths.coachPlacement(p.id)}>{p.pseudonym}</Link> på {p.employerName}{" "}
      <span className="muted">
        ({p.title}
        {all && p.coachName ? `, ${p.coachName}` : ""})
      </span>
    </>
  );
}

export default function CoachWeek() {
  const w = useLoaderData<typeof loader>();
  const overdueCount = w.overdue.checkIns.length + w.overdue.meetings.length + w.overdue.actions.length;
  return (
    <>
      <h1>Min vecka</h1>
      <p className="lead">
        Vecka {w.week.number}, {formatDate(w.week.firstDay)} – {formatDate(w.week.lastDay)}
      </p>
      <p className="button-row">
        <Link
          to={w.all ? supportPaths.coachWeek : `${supportPaths.coachWeek}?visa=alla`}
          className="button button--secondary"
        >
          {w.all ? "Bara mina deltagare" : "Hela organisationen"}
        </Link>
        <Link to={supportPaths.coachPlacements} className="button button--secondary">
          Alla placeringar
        </Link>
      </p>

      <NewEmployersNotice registrations={w.registrations} />

      <section className="panel" aria-labelledby="overdue-title">
        <h2 id="overdue-title">
          Försenade uppföljningar{" "}
          {overdueCount > 0 ? <span className="badge badge--danger">{overdueCount}</span> : null}
        </h2>
        {overdueCount === 0 ? (
          <p>Inget är försenat.</p>
        ) : (
          <ul className="todo-list">
            {w.overdue.checkIns.map((p) => (
              <li key={`c-${p.id}`}>
                Uppföljning skulle ha skett {formatDate(p.nextCheckInAt)}: <Who p={p} all={w.all} />
              </li>
            ))}
            {w.overdue.meetings.map((m) => (
              <li key={`m-${m.id}`}>
                {meetingKinds.label(m.kind)} {formatDateTime(m.scheduledAt)} saknar anteckningar:{" "}
                <Link to={supportPaths.coachMeeting(m.placement.id, m.id)}>skriv anteckningar</Link> för{" "}
                <Who p={m.placement} all={w.all} />
              </li>
            ))}
            {w.overdue.actions.map((a) => (
              <li key={`a-${a.id}`}>
                Åtgärd ”{a.text}” ({a.owner}) skulle vara klar {formatDate(a.dueDate)}:{" "}
                <Link to={supportPaths.coachMeeting(a.placement.id, a.meetingId)}>till mötet</Link> om{" "}
                <Who p={a.placement} all={w.all} />
              </li>
            ))}
          </ul>
        )}
      </section>

      <div className="grid">
        <section className="panel" aria-labelledby="checkins-title">
          <h2 id="checkins-title">Uppföljningar i veckan</h2>
          {w.checkInsThisWeek.length === 0 ? (
            <p>Inga fler uppföljningar planerade den här veckan.</p>
          ) : (
            <ul className="todo-list">
              {w.checkInsThisWeek.map((p) => (
                <li key={p.id}>
                  {formatDate(p.nextCheckInAt)}: <Who p={p} all={w.all} />
                </li>
              ))}
            </ul>
          )}
        </section>
        <section className="panel" aria-labelledby="meetings-title">
          <h2 id="meetings-title">Möten i veckan</h2>
          {w.meetingsThisWeek.length === 0 ? (
            <p>Inga möten den här veckan.</p>
          ) : (
            <ul className="todo-list">
              {w.meetingsThisWeek.map((m) => (
                <li key={m.id}>
                  <Link to={supportPaths.coachMeeting(m.placement.id, m.id)}>
                    {meetingKinds.label(m.kind)} {formatDateTime(m.scheduledAt)}
                  </Link>{" "}
                  <MeetingStateBadge state={m.state} /> – <Who p={m.placement} all={w.all} />
                  {m.place ? <span className="muted">. {m.place}</span> : null}
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>

      <section className="panel" aria-labelledby="waiting-title">
        <h2 id="waiting-title">Arbetsgivare som väntar på svar</h2>
        {w.waiting.length === 0 ? (
          <p>Ingen arbetsgivare väntar på svar.</p>
        ) : (
          <ol className="todo-list">
            {w.waiting.map((t) => (
              <li key={t.id}>
                <Link to={t.url}>{t.subject}</Link> – {t.employerName}.{" "}
                <span className="badge badge--warning">Väntar sedan {formatDateTime(t.waitingSince)}</span>{" "}
                <span className="muted">
                  ({formatDuration(new Date(w.now).getTime() - new Date(t.waitingSince).getTime())})
                </span>
              </li>
            ))}
          </ol>
        )}
      </section>

      <IntroductionProgressList rows={w.introductions} placementPath={supportPaths.coachPlacement} />

      <section className="panel" aria-labelledby="ending-title">
        <h2 id="ending-title">Praktik som slutar inom två veckor</h2>
        {w.endingPractice.length === 0 ? (
          <p>Ingen praktik slutar inom två veckor.</p>
        ) : (
          <ul className="todo-list">
            {w.endingPractice.map((p) => (
              <li key={p.id}>
                {p.passed ? (
                  <span className="badge badge--danger">Slutdatum passerat</span>
                ) : (
                  <span className="badge badge--warning">Beslut behövs</span>
                )}{" "}
                {formatDate(p.endDate)}: <Who p={p} all={w.all} />. Förlänga, anställning eller avsluta?
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
