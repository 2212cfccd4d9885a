// Parts of the coach's proposal page (app/routes/coach/proposal.tsx): the facts of the proposal and
// the forms that record what the employer said (a study visit, a start, a no).
import { Form, Link } from "@remix-run/react";
import { TextareaField } from "./form-controls.tsx";
import { ErrorSummary, Field } from "./forms.tsx";
import { ReasonList } from "./proposal-parts.tsx";
import type { FieldErrors } from "~/domain/forms.ts";
import { formatDate } from "~/domain/swedish-time.ts";
import { openingKinds } from "~/domain/vocab/openings.ts";
import type { loadCoachProposalPage } from "~/utils/coach-proposal.server.ts";

type Page = Awaited<ReturnType<typeof loadCoachProposalPage>>;
type Proposal = Page["proposal"];

export function CoachProposalFacts({ p }: { p: Proposal }) {
  return (
    <section className="panel" aria-labelledby="about-title">
      <h2 id="about-title">Förslaget</h2>
      <dl className="facts">
        <dt>Deltagare</dt>
        <dd>
          <Link to={`/coach/deltagare/${p.participant.id}`}>{p.participant.pseudonym}</Link>
          {!p.participant.hasEmail ? <span className="muted"> (ingen e-post – berätta om förslaget själv)</span> : null}
        </dd>
        <dt>Annons</dt>
        <dd>
          <Link to={`/uppdrag/${p.opening.id}`}>{p.opening.title}</Link> ({openingKinds.label(p.opening.kind)})
        </dd>
        <dt>Arbetsgivare</dt>
        <dd>
          {p.opening.employerName}, {p.opening.municipalityName}
        </dd>
        <dt>Avstånd</dt>
        <dd>{p.distanceKm === null ? "okänt" : `${String(p.distanceKm).replace(".", ",")} km`}</dd>
        <dt>Poäng</dt>
        <dd>{p.score} av 100</dd>
        {p.placement ? (
          <>
            <dt>Start</dt>
            <dd>
              {formatDate(p.placement.startDate)}
              {p.placement.hoursPerWeek ? `, ${p.placement.hoursPerWeek} tim/vecka` : ""}
            </dd>
          </>
        ) : null}
      </dl>
      <h3>Skäl</h3>
      <ReasonList reasons={p.reasons} />
    </section>
  );
}

/** The forms that record the employer's answer, for employers who answered the coach directly. */
export function EmployerAnswerForms({
  p,
  can,
  busy,
  nowInput,
  today,
  failure,
  errorsFor,
  kept,
}: {
  p: Proposal;
  can: Page["can"];
  busy: boolean;
  nowInput: string;
  today: string;
  /** The message of a failed employer step (shown once, here). */
  failure: string | null;
  errorsFor: (intent: string) => FieldErrors;
  kept: (intent: string, name: string) => string | undefined;
}) {
  return (
    <section className="panel" aria-labelledby="employer-answer-title">
      <h2 id="employer-answer-title">
        {p.status === "accepted_by_employer" ? "Efter studiebesöket" : "Registrera arbetsgivarens svar"}
      </h2>
      <p className="muted">Arbetsgivaren kan svara själv i Brygga. Registrera här om de svarade dig direkt.</p>
      <ErrorSummary message={failure} />
      <div className="grid">
        {can.visit ? (
          <Form method="post" className="stack" noValidate>
            <input type="hidden" name="intent" value="visit" />
            <Field
              label="Studiebesök, dag och tid"
              name="visitAt"
              errors={errorsFor("visit").visitAt}
              inputProps={{ type: "datetime-local", min: nowInput, defaultValue: kept("visit", "visitAt") }}
            />
            <button type="submit" className="button button--secondary" aria-disabled={busy || undefined}>
              Boka studiebesök
            </button>
          </Form>
        ) : null}
        {can.start ? (
          <Form method="post" className="stack" noValidate>
            <input type="hidden" name="intent" value="start" />
            <Field
              label="Startdatum"
              name="startDate"
              errors={errorsFor("start").startDate}
              inputProps={{ type: "date", defaultValue: kept("start", "startDate") ?? today }}
            />
            <Field
              label="Timmar per vecka (valfritt)"
              name="hoursPerWeek"
              errors={errorsFor("start").hoursPerWeek}
              inputProps={{ inputMode: "numeric", defaultValue: kept("start", "hoursPerWeek"), size: 4 }}
            />
            <button type="submit" className="button" aria-disabled={busy || undefined}>
              Registrera start
            </button>
          </Form>
        ) : null}
        {can.decline ? (
          <Form method="post" className="stack" noValidate>
            <input type="hidden" name="intent" value="decline" />
            <TextareaField
              label="Arbetsgivarens skäl till nej"
              name="reason"
              errors={errorsFor("decline").reason}
              textareaProps={{ rows: 2, defaultValue: kept("decline", "reason") }}
            />
            <button type="submit" className="button button--secondary" aria-disabled={busy || undefined}>
              Registrera nej
            </button>
          </Form>
        ) : null}
      </div>
    </section>
  );
}
