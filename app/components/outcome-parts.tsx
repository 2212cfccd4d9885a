// Parts of the coach's outcome page (app/routes/coach/outcome.tsx): the milestones, the situation at
// enrolment, "räknas inte i resultaten", the exit form and the retention checks after employment.
// Data: loadOutcomePage in app/utils/outcomes.server.ts.
import { Form } from "@remix-run/react";
import { ChoiceGroup, kept, keptList, SelectField } from "./form-controls.tsx";
import { ErrorSummary, Field } from "./forms.tsx";
import { TableRegion } from "./table-region.tsx";
import type { FieldErrors } from "~/domain/forms.ts";
import { RETENTION_MONTHS } from "~/domain/reports/config.ts";
import { dayKey, daysBetween, formatDate } from "~/domain/swedish-time.ts";
import { employmentSupports } from "~/domain/vocab/openings.ts";
import { exitReasons, incomeSources, occupationStatuses } from "~/domain/vocab/outcomes.ts";
import type { OutcomePageData } from "~/utils/outcomes.server.ts";

type Participant = OutcomePageData["participant"];

/** A failed submit of one of the page's forms: the field errors and the values to show again. */
export type OutcomeFailure = { errors: FieldErrors; values: Record<string, string | string[]> };

function DateWithDays({ at, enrolledAt }: { at: Date | string | null; enrolledAt: Date | string }) {
  if (!at) return <span className="muted">Inte ännu</span>;
  return (
    <>
      {formatDate(at)} <span className="muted">(dag {Math.max(0, daysBetween(enrolledAt, at))})</span>
    </>
  );
}

export function MilestonesPanel({
  participant: p,
  milestones: m,
  employment,
}: {
  participant: Participant;
  milestones: OutcomePageData["milestones"];
  employment: OutcomePageData["employment"];
}) {
  return (
    <section className="panel" aria-labelledby="milestones-title">
      <h2 id="milestones-title">Milstolpar</h2>
      <p className="muted">Räknas fram ur arbetsgivarkontakter, presenterade förslag och placeringar.</p>
      <dl className="facts">
        <dt>Inskriven</dt>
        <dd>{formatDate(p.enrolledAt)}</dd>
        <dt>Första arbetsgivarkontakt</dt>
        <dd>
          <DateWithDays at={m.firstEmployerContactAt} enrolledAt={p.enrolledAt} />
        </dd>
        <dt>Första placering</dt>
        <dd>
          <DateWithDays at={m.firstPlacementAt} enrolledAt={p.enrolledAt} />
        </dd>
        <dt>Första anställning</dt>
        <dd>
          <DateWithDays at={m.firstEmploymentAt} enrolledAt={p.enrolledAt} />
          {m.firstEmploymentAt ? (
            <>
              <br />
              {employmentSupports.label(m.employmentForm ?? "none")}
              {m.competitive === false ? " – inte på den öppna arbetsmarknaden" : " – på den öppna arbetsmarknaden"}
              {employment?.title ? (
                <>
                  <br />
                  {employment.title}
                  {employment.employer ? `, ${employment.employer}` : ""}
                  {employment.hoursPerWeek ? `, ${employment.hoursPerWeek} timmar i veckan` : ""}
                </>
              ) : null}
            </>
          ) : null}
        </dd>
        <dt>Avslutad</dt>
        <dd>
          {p.exitedAt ? (
            <DateWithDays at={p.exitedAt} enrolledAt={p.enrolledAt} />
          ) : (
            <span className="muted">Pågår</span>
          )}
        </dd>
      </dl>
    </section>
  );
}

export function StartPanel({ participant: p }: { participant: Participant }) {
  return (
    <section className="panel" aria-labelledby="start-title">
      <h2 id="start-title">Vid inskrivning</h2>
      <dl className="facts">
        <dt>Sysselsättning</dt>
        <dd>
          {p.startOccupation ? (
            occupationStatuses.label(p.startOccupation)
          ) : (
            <span className="muted">Uppgift saknas</span>
          )}
        </dd>
        <dt>Försörjning</dt>
        <dd>
          {p.startIncomeSources.length ? (
            p.startIncomeSources.map((s) => incomeSources.label(s)).join(", ")
          ) : (
            <span className="muted">Uppgift saknas</span>
          )}
        </dd>
      </dl>
      <p className="muted">Uppgifterna vid inskrivning ändras på deltagarens sida under Uppgifter.</p>
    </section>
  );
}

export function NotCountedPanel({ participant: p, failed }: { participant: Participant; failed?: OutcomeFailure }) {
  return (
    <section className="panel" aria-labelledby="not-counted-title">
      <h2 id="not-counted-title">Räknas i resultaten?</h2>
      {p.notCountedReason ? (
        <>
          <p>
            Deltagaren räknas som inskriven men <strong>räknas inte i resultaten</strong>. Orsak: {p.notCountedReason}
          </p>
          <Form method="post">
            <input type="hidden" name="intent" value="counted" />
            <button type="submit" className="button button--secondary">
              Räkna deltagaren i resultaten igen
            </button>
          </Form>
        </>
      ) : (
        <Form method="post" className="form form--wide" noValidate>
          <input type="hidden" name="intent" value="not-counted" />
          <Field
            label="Orsak till att deltagaren inte räknas i resultaten"
            name="reason"
            hint="Till exempel: började för sent i projektet. Deltagaren räknas fortfarande som inskriven."
            errors={failed?.errors.reason}
            inputProps={{ defaultValue: kept(failed?.values, "reason") ?? "", maxLength: 200 }}
          />
          <button type="submit" className="button button--secondary">
            Räkna inte i resultaten
          </button>
        </Form>
      )}
    </section>
  );
}

export function ExitPanel({
  participant: p,
  exit,
  today,
  failed,
  busy,
}: {
  participant: Participant;
  exit: OutcomePageData["exit"];
  today: string;
  failed?: OutcomeFailure;
  busy: boolean;
}) {
  const exited = p.phase === "exited";
  return (
    <section className="panel" aria-labelledby="exit-title">
      <h2 id="exit-title">{exited ? "Avslut" : "Avsluta deltagaren"}</h2>
      <p>
        {exited
          ? "Här kan du rätta avslutet. Uppgifterna används i rapporterna till finansiären."
          : "När deltagaren slutar: fyll i datum, orsak och hur det ser ut vid avslutet. Deltagaren flyttas då till fasen Avslutad."}
      </p>
      <ErrorSummary message={failed ? "Avslutet kunde inte sparas. Rätta det som är markerat." : null} />
      <Form method="post" className="form form--wide" noValidate>
        <input type="hidden" name="intent" value="exit" />
        <Field
          label="Avslutsdatum"
          name="exitDate"
          hint="I dag, eller ett tidigare datum om deltagaren slutade tidigare."
          errors={failed?.errors.exitDate}
          inputProps={{
            type: "date",
            max: today,
            defaultValue: kept(failed?.values, "exitDate", p.exitedAt ? dayKey(p.exitedAt) : today),
          }}
        />
        <ChoiceGroup
          type="radio"
          legend="Avslutsorsak"
          name="exitReason"
          options={exitReasons.options}
          errors={failed?.errors.exitReason}
          defaultValue={kept(failed?.values, "exitReason", exit.exitReason)}
        />
        <ChoiceGroup
          type="radio"
          legend="Sysselsättning vid avslut"
          name="exitOccupation"
          options={occupationStatuses.options}
          errors={failed?.errors.exitOccupation}
          defaultValue={kept(failed?.values, "exitOccupation", exit.exitOccupation)}
        />
        <ChoiceGroup
          type="checkbox"
          legend="Försörjning vid avslut"
          hint="Välj alla som gäller."
          name="exitIncomeSources"
          options={incomeSources.options}
          errors={failed?.errors.exitIncomeSources}
          defaultValue={failed ? keptList(failed.values, "exitIncomeSources") : exit.exitIncomeSources}
        />
        <button type="submit" className="button" aria-disabled={busy || undefined}>
          {exited ? "Spara ändringar i avslutet" : "Spara avslut"}
        </button>
      </Form>
    </section>
  );
}

export function RetentionPanel({
  pseudonym,
  firstEmploymentAt,
  retention,
  employment,
  today,
  failed,
  busy,
}: {
  pseudonym: string;
  firstEmploymentAt: Date | null;
  retention: OutcomePageData["retention"];
  employment: OutcomePageData["employment"];
  today: string;
  failed?: OutcomeFailure;
  busy: boolean;
}) {
  const dueNext = retention.find((r) => !r.check);
  return (
    <section className="panel" aria-labelledby="retention-title">
      <h2 id="retention-title">Uppföljning efter anställning</h2>
      {!firstEmploymentAt ? (
        <p>
          Uppföljningar görs {RETENTION_MONTHS.join(", ").replace(/, (\d+)$/, " och $1")} månader efter första
          anställningen. {pseudonym} har ingen anställning ännu.
        </p>
      ) : (
        <>
          <TableRegion label="Uppföljningar efter anställningen">
            <table className="table">
              <caption>Uppföljningar efter anställningen {formatDate(firstEmploymentAt)}</caption>
              <thead>
                <tr>
                  <th scope="col">Uppföljning</th>
                  <th scope="col">Ska göras</th>
                  <th scope="col">Resultat</th>
                </tr>
              </thead>
              <tbody>
                {retention.map((r) => (
                  <tr key={r.months}>
                    <th scope="row">Efter {r.months} månader</th>
                    <td>{formatDate(r.dueDate)}</td>
                    <td>
                      {r.check ? (
                        r.check.employed ? (
                          `Anställd, ${r.check.hours} timmar i veckan (${formatDate(r.check.checkedAt)})`
                        ) : (
                          `Inte anställd (${formatDate(r.check.checkedAt)})`
                        )
                      ) : r.dueDate <= today ? (
                        <span className="badge badge--warning">Ej gjord</span>
                      ) : (
                        <span className="muted">Inte dags än</span>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableRegion>
          <h3>Registrera en uppföljning</h3>
          <ErrorSummary message={failed ? "Uppföljningen kunde inte sparas. Rätta det som är markerat." : null} />
          <Form method="post" className="form" noValidate>
            <input type="hidden" name="intent" value="retention" />
            <SelectField
              label="Uppföljning"
              name="months"
              options={RETENTION_MONTHS.map((mo) => ({ value: String(mo), label: `Efter ${mo} månader` }))}
              errors={failed?.errors.months}
              selectProps={{ defaultValue: kept(failed?.values, "months", String(dueNext?.months ?? 3)) }}
            />
            <Field
              label="Datum för uppföljningen"
              name="checkedAt"
              hint="I dag, eller ett tidigare datum om du registrerar i efterhand."
              errors={failed?.errors.checkedAt}
              inputProps={{
                type: "date",
                max: today,
                defaultValue: kept(failed?.values, "checkedAt", today),
              }}
            />
            <ChoiceGroup
              type="radio"
              legend="Är deltagaren fortfarande anställd?"
              name="employed"
              options={[
                { value: "yes", label: "Ja" },
                { value: "no", label: "Nej" },
              ]}
              errors={failed?.errors.employed}
              defaultValue={kept(failed?.values, "employed")}
              className="choices--inline"
            />
            <Field
              label="Timmar per vecka"
              name="hours"
              hint="Fyll i om deltagaren fortfarande är anställd."
              errors={failed?.errors.hours}
              inputProps={{
                inputMode: "numeric",
                className: "input--short",
                defaultValue: kept(
                  failed?.values,
                  "hours",
                  employment?.hoursPerWeek ? String(employment.hoursPerWeek) : "",
                ),
              }}
            />
            <button type="submit" className="button" aria-disabled={busy || undefined}>
              Spara uppföljning
            </button>
          </Form>
        </>
      )}
    </section>
  );
}
