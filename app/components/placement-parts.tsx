// Pieces of the placement pages (coach, employer, participant): the facts, the support plan with
// its flags, the meetings with notes and agreed actions, and the support thread with the
// "delas med deltagaren" choice.
import { Form, Link } from "@remix-run/react";
import { useId } from "react";
import { meetingKinds, type MeetingState } from "~/domain/support.ts";
import { placementEndReasons, placementStatuses, supportIntensities } from "~/domain/placements.ts";
import { MESSAGE_MAX, type Side } from "~/domain/threads.ts";
import { openingKinds } from "~/domain/vocab/openings.ts";
import { TextareaField } from "./form-controls.tsx";
import { ErrorSummary, FieldError } from "./forms.tsx";
import { LinkifiedText } from "./linkified-text.tsx";
import { ThreadMessages, type MessageForView } from "./thread-view.tsx";
import { formatDate, formatDateTime } from "~/domain/swedish-time.ts";
import { countSv, NOUNS } from "~/domain/swedish.ts";

type DateLike = Date | string;

export type PlacementForView = {
  id: string;
  kind: string;
  status: string;
  startDate: DateLike;
  endDate: DateLike | null;
  hoursPerWeek: number | null;
  supervisorName: string | null;
  purpose: string | null;
  supportIntensity: string;
  nextCheckInAt: DateLike | null;
  endedAt: DateLike | null;
  endReason: string | null;
  flags: {
    ended: boolean;
    checkInOverdue: boolean;
    decisionDueOn: string | null;
    decisionDue: boolean;
    pastEnd: boolean;
    daysToEnd: number | null;
    maxEndDate: string | null;
  };
  opening: { id: string; title: string; kind: string; employerName: string; workplace: string | null };
};

export function PlacementStatusBadge({ status }: { status: string }) {
  const tone = status === "ended" ? "badge--muted" : status === "introduction" ? "badge--info" : "badge--success";
  return <span className={`badge ${tone}`}>{placementStatuses.label(status)}</span>;
}

export function PlacementFacts({ placement, pseudonym }: { placement: PlacementForView; pseudonym: string }) {
  const practice = placement.kind === "practice" || placement.kind === "work_trial";
  return (
    <dl className="facts facts--compact">
      <dt>Deltagare</dt>
      <dd>{pseudonym}</dd>
      <dt>Arbetsgivare</dt>
      <dd>{placement.opening.employerName}</dd>
      {placement.opening.workplace ? (
        <>
          <dt>Arbetsplats</dt>
          <dd>{placement.opening.workplace}</dd>
        </>
      ) : null}
      <dt>Typ</dt>
      <dd>{openingKinds.label(placement.kind)}</dd>
      <dt>Start</dt>
      <dd>{formatDate(placement.startDate)}</dd>
      <dt>{practice ? "Planerat slut" : "Slut"}</dt>
      <dd>{placement.endDate ? formatDate(placement.endDate) : <span className="muted">Tillsvidare</span>}</dd>
      <dt>Timmar per vecka</dt>
      <dd>{placement.hoursPerWeek ?? <span className="muted">Inte angivet</span>}</dd>
      <dt>Handledare</dt>
      <dd>{placement.supervisorName ?? <span className="muted">Inte angivet</span>}</dd>
      <dt>Syfte</dt>
      <dd>{placement.purpose ?? <span className="muted">Inte angivet</span>}</dd>
      <dt>Status</dt>
      <dd>
        <PlacementStatusBadge status={placement.status} />
        {placement.status === "ended" && placement.endedAt ? (
          <>
            {" "}
            {formatDate(placement.endedAt)}
            {placement.endReason ? ` – ${placementEndReasons.label(placement.endReason)}` : ""}
          </>
        ) : null}
      </dd>
    </dl>
  );
}

/** Intensity, next check-in (overdue?), and for practice the end and the decision due two weeks before. */
export function SupportPlanSummary({ placement }: { placement: PlacementForView }) {
  const f = placement.flags;
  return (
    <div className="stack">
      <dl className="facts facts--compact">
        <dt>Uppföljning</dt>
        <dd>{supportIntensities.label(placement.supportIntensity)}</dd>
        <dt>Nästa uppföljning</dt>
        <dd>
          {placement.nextCheckInAt ? (
            formatDate(placement.nextCheckInAt)
          ) : (
            <span className="muted">{f.ended ? "Stödet är avslutat" : "Ingen planerad"}</span>
          )}
          {f.checkInOverdue ? (
            <>
              {" "}
              <span className="badge badge--danger">Försenad</span>
            </>
          ) : null}
        </dd>
      </dl>
      {f.decisionDue && !f.ended ? (
        <p className="alert alert--warning" role="note">
          {f.pastEnd ? "Praktiken skulle ha slutat " : "Praktiken slutar "}
          {placement.endDate ? formatDate(placement.endDate) : ""}. Dags att bestämma: förlänga, anställning eller
          avsluta
          {f.decisionDueOn ? ` (beslut senast ${f.decisionDueOn})` : ""}.
        </p>
      ) : null}
    </div>
  );
}

export type MeetingForView = {
  id: string;
  kind: string;
  scheduledAt: DateLike;
  durationMin: number;
  place: string | null;
  videoLink: string | null;
  phone: string | null;
  agenda: string | null;
  status: string;
  state: MeetingState;
  attendeeNames: string[];
  notes: string | null;
  actions: Array<{
    id: string;
    text: string;
    owner: string;
    dueDate: DateLike | null;
    doneAt: DateLike | null;
    overdue: boolean;
  }>;
};

export function MeetingStateBadge({ state }: { state: MeetingState }) {
  const label = { planned: "Planerat", overdue: "Ej rapporterat", done: "Genomfört", cancelled: "Inställt" }[state];
  const tone = { planned: "badge--info", overdue: "badge--danger", done: "badge--success", cancelled: "badge--muted" }[
    state
  ];
  return <span className={`badge ${tone}`}>{label}</span>;
}

export function ActionList({ actions }: { actions: MeetingForView["actions"] }) {
  if (actions.length === 0) return null;
  return (
    <ul className="checklist">
      {actions.map((a) => (
        <li key={a.id}>
          {a.text} – <strong>{a.owner}</strong>
          {a.dueDate ? `, senast ${formatDate(a.dueDate)}` : ""}{" "}
          {a.doneAt ? (
            <span className="badge badge--success">Klar</span>
          ) : a.overdue ? (
            <span className="badge badge--danger">Försenad</span>
          ) : (
            <span className="badge badge--muted">Pågår</span>
          )}
        </li>
      ))}
    </ul>
  );
}

/** Meetings, newest first. `link` makes each heading a link (the coach's meeting page). */
export function MeetingList({
  meetings,
  link,
  headingLevel = 3,
}: {
  meetings: MeetingForView[];
  link?: (id: string) => string;
  headingLevel?: 3 | 4;
}) {
  const H = headingLevel === 3 ? "h3" : "h4";
  if (meetings.length === 0) return <p className="muted">Inga möten ännu.</p>;
  return (
    <ul className="entry-list">
      {meetings.map((m) => {
        const title = `${meetingKinds.label(m.kind)} ${formatDateTime(m.scheduledAt)}`;
        return (
          <li key={m.id} className="entry">
            <H>
              {link ? <Link to={link(m.id)}>{title}</Link> : title} <MeetingStateBadge state={m.state} />
            </H>
            <MeetingWhere meeting={m} />
            {m.attendeeNames.length > 0 ? <p className="muted">Inbjudna: {m.attendeeNames.join(", ")}</p> : null}
            {m.agenda ? (
              <p>
                <strong>Dagordning:</strong> {m.agenda}
              </p>
            ) : null}
            {m.notes ? (
              <div>
                <strong>Anteckningar:</strong>
                <p className="prose">{m.notes}</p>
              </div>
            ) : null}
            <ActionList actions={m.actions} />
          </li>
        );
      })}
    </ul>
  );
}

export function MeetingWhere({
  meeting,
}: {
  meeting: Pick<MeetingForView, "place" | "videoLink" | "phone" | "durationMin">;
}) {
  return (
    <p>
      {meeting.durationMin} minuter
      {meeting.place ? <>. Plats: {meeting.place}</> : null}
      {meeting.phone ? (
        <>
          . Telefon: <a href={`tel:${meeting.phone.replace(/[^+\d]/g, "")}`}>{meeting.phone}</a>
        </>
      ) : null}
      {meeting.videoLink ? (
        <>
          . Video: <LinkifiedText text={meeting.videoLink} />
        </>
      ) : null}
    </p>
  );
}

/**
 * The support thread: messages (links clickable, never HTML), the unread count, and the form —
 * with "Dela med deltagaren" for employer users and coaches. A closed thread shows why instead.
 */
export function PlacementThread({
  messages,
  viewerSide,
  sideLabels,
  unreadCount,
  status,
  errors,
  formError,
  defaults,
  busy,
  closedText,
  hint,
  formKey,
}: {
  /** A fresh key per page load (app/utils/form-key.server.ts): one message per form, however often it is sent. */
  formKey: string;
  messages: Array<MessageForView & { visibility: string; unread: boolean }>;
  viewerSide: Side;
  sideLabels: Record<Side, string>;
  unreadCount: number;
  status: string;
  errors?: Record<string, string[] | undefined>;
  formError?: string | null;
  defaults?: { body?: string; shared?: boolean };
  busy: boolean;
  closedText: string;
  hint: string;
}) {
  const sharedId = useId();
  return (
    <section aria-labelledby="thread-title" className="stack">
      <h2 id="thread-title">
        Meddelanden{" "}
        {unreadCount > 0 ? <span className="badge badge--info">{countSv(unreadCount, NOUNS.new)}</span> : null}
      </h2>
      {messages.length === 0 ? (
        <p className="muted">Inga meddelanden ännu.</p>
      ) : (
        <ThreadMessages messages={messages} viewerSide={viewerSide} sideLabels={sideLabels} showShared />
      )}
      {status === "closed" ? (
        <p className="alert alert--warning">{closedText}</p>
      ) : (
        <Form method="post" className="form reply-form" noValidate key={formKey}>
          <input type="hidden" name="intent" value="message" />
          <input type="hidden" name="formKey" value={formKey} />
          <ErrorSummary
            message={
              formError ??
              errors?.formKey?.[0] ??
              (errors && Object.values(errors).some((e) => e?.length)
                ? "Meddelandet skickades inte. Rätta det som är markerat."
                : null)
            }
          />
          <TextareaField
            label="Nytt meddelande"
            name="body"
            hint={hint}
            errors={errors?.body}
            textareaProps={{ rows: 5, defaultValue: defaults?.body, maxLength: MESSAGE_MAX + 500, required: true }}
          />
          <div className="choice">
            <input
              type="checkbox"
              className="checkbox"
              id={sharedId}
              name="shared"
              value="on"
              defaultChecked={defaults?.shared ?? false}
              aria-describedby={`${sharedId}-hint`}
            />
            <div className="choice__text">
              <label htmlFor={sharedId}>Dela med deltagaren</label>
              <span className="choice__description" id={`${sharedId}-hint`}>
                Deltagaren ser då meddelandet på sin sida. Skriv enkelt och tydligt.
              </span>
            </div>
          </div>
          <FieldError errors={errors?.shared} />
          <button type="submit" className="button" aria-disabled={busy || undefined}>
            {busy ? "Skickar …" : "Skicka"}
          </button>
        </Form>
      )}
    </section>
  );
}
