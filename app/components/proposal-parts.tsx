// Pieces of the proposal pages: the status badge, the matcher's reasons, the timeline of a
// proposal's steps, and the presentation an employer sees (pseudonym + disclosed items only).
import { Form } from "@remix-run/react";
import type { ReactNode } from "react";
import type { Presentation } from "~/domain/proposals.ts";
import { PROPOSAL_NOTE_MAX, proposalStatuses } from "~/domain/proposals.ts";
import { TextareaField } from "./form-controls.tsx";
import { formatDateTime } from "~/domain/swedish-time.ts";

type ReasonView = { criterion: string; points: number; max: number; text: string };

export function ProposalStatusBadge({ status }: { status: string }) {
  const tone =
    status === "accepted_by_employer"
      ? "badge--success"
      : status === "accepted_by_participant" || status === "more_info"
        ? "badge--warning"
        : status === "proposed" || status === "presented"
          ? "badge--info"
          : "badge--muted";
  return <span className={`badge ${tone}`}>{proposalStatuses.label(status)}</span>;
}

/** The matcher's reasons as a list: points earned of the maximum, and the Swedish sentence. */
export function ReasonList({ reasons, label }: { reasons: ReasonView[]; label?: string }) {
  const shown = reasons.filter((r) => r.points > 0 || r.criterion === "distance");
  if (shown.length === 0) return <p className="muted">Inga särskilda skäl.</p>;
  return (
    <ul className="reason-list" aria-label={label}>
      {shown.map((r, i) => (
        <li key={`${r.criterion}-${i}`}>
          {r.text}{" "}
          <span className="muted">
            ({r.points} av {r.max})
          </span>
        </li>
      ))}
    </ul>
  );
}

export type TimelineStep = { label: string; at: string | Date | null; detail?: string | null };

/** Every step of a proposal with its time, in time order (steps not reached are left out). */
export function ProposalTimeline({ steps }: { steps: TimelineStep[] }) {
  return (
    <ol className="history">
      {steps
        .filter((s) => s.at)
        .sort((a, b) => new Date(a.at!).getTime() - new Date(b.at!).getTime())
        .map((s, i) => (
          <li key={i}>
            <time dateTime={new Date(s.at!).toISOString()}>{formatDateTime(s.at)}</time> – {s.label}
            {s.detail ? <>: ”{s.detail}”</> : null}
          </li>
        ))}
    </ol>
  );
}

/** The participant as an employer sees them. Only what the participant chose to show is in `presentation`. */
export function PresentationView({
  presentation,
  headingLevel = 2,
  empty,
}: {
  presentation: Presentation;
  headingLevel?: 2 | 3;
  empty?: string;
}) {
  const H = headingLevel === 2 ? "h2" : "h3";
  const Sub = headingLevel === 2 ? "h3" : "h4";
  return (
    <section className="panel presentation" aria-labelledby="presentation-title">
      <H id="presentation-title">Det här vill {presentation.pseudonym} att ni vet</H>
      {presentation.sections.length === 0 ? (
        <p>
          {empty ?? `${presentation.pseudonym} har valt att inte visa mer än namnet. Fråga coachen om ni undrar något.`}
        </p>
      ) : (
        presentation.sections.map((s) => (
          <div key={s.item} className="presentation__section">
            <Sub>{s.title}</Sub>
            <ul>
              {s.lines.map((line, i) => (
                <li key={i}>{line}</li>
              ))}
            </ul>
          </div>
        ))
      )}
    </section>
  );
}

/**
 * "Föreslå": the participant is emailed, so the coach confirms first. The button opens a small form
 * (a disclosure, works without JavaScript) that says what happens, takes an optional personal note
 * that goes into the participant's proposal and email, and sends the proposal.
 */
export function ProposeForm({
  hidden,
  label,
  forWhom,
  busy,
}: {
  /** The pair: participantId and/or openingId. */
  hidden: Record<string, string>;
  /** What the button is for, read after "Föreslå" by screen readers (the opening or the participant). */
  label: ReactNode;
  /** "Kim", "deltagaren": who gets the proposal. */
  forWhom: string;
  busy: boolean;
}) {
  return (
    <details className="propose">
      <summary className="button">
        Föreslå<span className="visually-hidden"> {label}</span>
      </summary>
      <Form method="post" className="form propose__form">
        {Object.entries(hidden).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        <p>
          {forWhom} får förslaget i Brygga och ett mejl om det finns en e-postadress. Arbetsgivaren får inget veta
          förrän deltagaren har sagt ja.
        </p>
        <TextareaField
          label="Personlig hälsning (valfritt)"
          name="note"
          hint="Kommer med i förslaget och mejlet. Skriv enkelt, och inga hälsouppgifter."
          textareaProps={{ rows: 3, maxLength: PROPOSAL_NOTE_MAX }}
        />
        <button type="submit" name="intent" value="propose" className="button" aria-disabled={busy || undefined}>
          Skicka förslaget<span className="visually-hidden"> {label}</span>
        </button>
      </Form>
    </details>
  );
}
