// The participant's own placement, in plain Swedish: where and when, the supervisor, the next
// meetings, and the messages the employer or coach chose to share with them. Nothing else from
// the conversation between employer and coach is shown here.
import { currentTime } from "~/utils/clock.server.ts";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { LinkifiedText } from "~/components/linkified-text.tsx";
import { MeetingWhere } from "~/components/placement-parts.tsx";
import { kindShort } from "~/domain/proposals.ts";
import { capitalizeSv } from "~/domain/swedish.ts";
import { requireParticipantUser } from "~/utils/auth.server.ts";
import { clientIp } from "~/utils/rate-limit.server.ts";
import { loadPlacementPage } from "~/utils/support.server.ts";
import { formatDate, formatDateTime } from "~/domain/swedish-time.ts";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.placement.opening.title ?? "Ditt jobb"} – Brygga` },
];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireParticipantUser(request);
  const page = await loadPlacementPage(user, params.placementId, "participant", clientIp(context));
  const now = currentTime();
  return {
    placement: page.placement,
    coach: page.coach,
    messages: page.messages.map((m) => ({
      id: m.id,
      body: m.body,
      createdAt: m.createdAt,
      authorName: m.authorName,
      unread: m.unread,
    })),
    upcoming: page.meetings.filter((m) => m.status === "planned" && new Date(m.scheduledAt) >= now).reverse(),
  };
}

export default function ParticipantPlacement() {
  const { placement, coach, messages, upcoming } = useLoaderData<typeof loader>();
  const ended = placement.status === "ended";
  return (
    <>
      <p className="breadcrumb">
        <Link to="/deltagare">← Min sida</Link>
      </p>
      <h1>{placement.opening.title}</h1>
      <section className="panel" aria-labelledby="where-title">
        <h2 id="where-title">Här är du</h2>
        <div className="stack">
          <p>
            {capitalizeSv(kindShort(placement.kind))} hos <strong>{placement.opening.employerName}</strong>.
          </p>
          {placement.opening.workplace ? <p>Adress: {placement.opening.workplace}.</p> : null}
          <p>
            Du började {formatDate(placement.startDate)}.
            {placement.endDate ? ` Det slutar ${formatDate(placement.endDate)}.` : ""}
          </p>
          {placement.hoursPerWeek ? <p>Du jobbar {placement.hoursPerWeek} timmar i veckan.</p> : null}
          {placement.supervisorName ? <p>Din handledare heter {placement.supervisorName}.</p> : null}
          {placement.purpose ? <p>Målet: {placement.purpose}</p> : null}
          {ended ? <p>Det här är slut nu.</p> : null}
        </div>
      </section>

      <section className="panel" aria-labelledby="meetings-title">
        <h2 id="meetings-title">Dina möten</h2>
        {upcoming.length === 0 ? (
          <p>Du har inga möten inbokade just nu.</p>
        ) : (
          <ul className="entry-list">
            {upcoming.map((m) => (
              <li key={m.id} className="entry">
                <h3>{formatDateTime(m.scheduledAt)}</h3>
                <p>
                  {m.kind === "three_party"
                    ? "Du, din handledare och din coach pratar om hur det går."
                    : "Din coach följer upp hur det går."}
                </p>
                <MeetingWhere meeting={m} />
                {m.agenda ? <p>Ni ska prata om: {m.agenda}</p> : null}
              </li>
            ))}
          </ul>
        )}
        {coach ? (
          <p>
            Kan du inte komma? Ring eller mejla {coach.name}
            {coach.phone ? (
              <>
                {" "}
                på <a href={`tel:${coach.phone.replace(/[^+\d]/g, "")}`}>{coach.phone}</a>
              </>
            ) : null}
            .
          </p>
        ) : null}
      </section>

      <section className="panel" aria-labelledby="messages-title">
        <h2 id="messages-title">Meddelanden till dig</h2>
        {messages.length === 0 ? (
          <p>Du har inga meddelanden här.</p>
        ) : (
          <ol className="messages" aria-label="Meddelanden till dig">
            {messages.map((m) => (
              <li key={m.id} className="message message--theirs">
                <article aria-label={`Från ${m.authorName}`}>
                  <header className="message__header">
                    <strong>{m.authorName}</strong> <span className="muted">{formatDateTime(m.createdAt)}</span>
                    {m.unread ? (
                      <>
                        {" "}
                        <span className="badge badge--info">Ny</span>
                      </>
                    ) : null}
                  </header>
                  <div className="message__body">
                    <LinkifiedText text={m.body} />
                  </div>
                </article>
              </li>
            ))}
          </ol>
        )}
      </section>
    </>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
