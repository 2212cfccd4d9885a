// "Utfall": a participant's outcome record for the coach (issue 7, docs/product-rules.md#outcomes) — the milestones
// derived from contacts, proposals and placements, occupation and income sources at start, the
// exit (date, reason, occupation and income sources at exit), and retention checks 3, 6 and 12
// months after the first employment. Every view and change is audited.
import { currentTime } from "~/utils/clock.server.ts";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { ChoiceGroup, kept, keptList, SelectField } from "~/components/form-controls.tsx";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { ErrorSummary, Field } from "~/components/forms.tsx";
import { ExitSchema, isBeforeDay, NotCountedSchema, RetentionSchema } from "~/domain/outcomes.ts";
import { RETENTION_MONTHS } from "~/domain/reports/config.ts";
import { employmentSupports } from "~/domain/vocab/openings.ts";
import { exitReasons, incomeSources, occupationStatuses } from "~/domain/vocab/outcomes.ts";
import { phases } from "~/domain/vocab/participants.ts";
import { audit } from "~/utils/audit.server.ts";
import { requireOrgStaff } from "~/utils/auth.server.ts";
import { db, parseJson } from "~/utils/db.server.ts";
import { formValues, parseWith, type FieldErrors } from "~/domain/forms.ts";
import { loadOutcome, retentionPlan, saveExit, saveRetention, setNotCounted } from "~/utils/outcomes.server.ts";
import { requireOrgParticipant } from "~/utils/participants.server.ts";
import { clientIp } from "~/utils/rate-limit.server.ts";
import { dayKey, daysBetween, formatDate } from "~/domain/swedish-time.ts";
import { redirectWithNotice, samePage } from "~/utils/notice.server.ts";
import { TableRegion } from "~/components/table-region.tsx";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Utfall för ${data?.participant.pseudonym ?? "deltagare"} – Brygga` },
];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireOrgStaff(request);
  const found = await requireOrgParticipant(params.participantId, user.organizationId);
  const { participant: p, milestones, retention } = await loadOutcome(found.id);
  await audit(db, { actorId: user.id, participantId: p.id, action: "read", entity: "outcome", ip: clientIp(context) });
  const employmentPlacement = milestones.firstEmploymentAt
    ? p.placements.find((x) => (x.opening?.kind ?? x.kind) === "job")
    : undefined;
  return {
    today: dayKey(currentTime()),
    participant: {
      id: p.id,
      pseudonym: p.pseudonym,
      phase: p.phase,
      enrolledAt: p.enrolledAt,
      exitedAt: p.exitedAt,
      notCountedReason: p.notCountedReason,
      startOccupation: p.startOccupation,
      startIncomeSources: parseJson<string[]>(p.startIncomeSources, []),
    },
    milestones,
    employment: employmentPlacement
      ? {
          title: employmentPlacement.opening?.title ?? null,
          employer: employmentPlacement.opening?.employer.name ?? null,
          hoursPerWeek: employmentPlacement.hoursPerWeek,
        }
      : null,
    exit: {
      exitReason: p.outcome?.exitReason ?? null,
      exitOccupation: p.outcome?.exitOccupation ?? null,
      exitIncomeSources: parseJson<string[]>(p.outcome?.exitIncomeSources, []),
    },
    retention: retentionPlan(milestones.firstEmploymentAt, retention),
  };
}

const bad = (intent: string, errors: FieldErrors, values: Record<string, string | string[]>) =>
  data({ ok: false as const, intent, errors, values }, { status: 400 });

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireOrgStaff(request);
  const participant = await requireOrgParticipant(params.participantId, user.organizationId);
  const values = formValues(await request.formData());
  const here = samePage(request);
  const ip = clientIp(context);
  switch (values.intent) {
    case "not-counted": {
      const parsed = parseWith(NotCountedSchema, values, values);
      if (!parsed.ok) return bad("not-counted", parsed.errors, values);
      await setNotCounted(user, participant.id, parsed.data.reason, ip);
      throw await redirectWithNotice(here, "Sparat: deltagaren räknas inte i resultaten.");
    }
    case "counted": {
      await setNotCounted(user, participant.id, null, ip);
      throw await redirectWithNotice(here, "Sparat: deltagaren räknas i resultaten igen.");
    }
    case "exit": {
      const parsed = parseWith(ExitSchema, values, values);
      if (!parsed.ok) return bad("exit", parsed.errors, values);
      const saved = await saveExit(user, participant, parsed.data, ip);
      if (!saved.ok) return bad("exit", saved.errors, values);
      throw await redirectWithNotice(here, "Avslutet är sparat. Deltagaren är nu avslutad.");
    }
    case "retention": {
      const parsed = parseWith(RetentionSchema, values, values);
      if (!parsed.ok) return bad("retention", parsed.errors, values);
      const { milestones } = await loadOutcome(participant.id);
      if (!milestones.firstEmploymentAt) {
        return bad(
          "retention",
          { months: ["Uppföljning efter anställning kan registreras först när deltagaren har fått en anställning."] },
          values,
        );
      }
      if (isBeforeDay(parsed.data.checkedAt, milestones.firstEmploymentAt)) {
        return bad(
          "retention",
          {
            checkedAt: [
              `Uppföljningen kan inte ligga före anställningens start (${dayKey(milestones.firstEmploymentAt)}).`,
            ],
          },
          values,
        );
      }
      await saveRetention(user, participant.id, parsed.data, ip);
      throw await redirectWithNotice(here, `Uppföljningen efter ${parsed.data.months} månader är sparad.`);
    }
    default:
      return bad("unknown", {}, values);
  }
}

function DateWithDays({ at, enrolledAt }: { at: Date | string | null; enrolledAt: Date | string }) {
  if (!at) return <span className="muted">Inte ännu</span>;
  return (
    <>
      {formatDate(at)} <span className="muted">(dag {Math.max(0, daysBetween(enrolledAt, at))})</span>
    </>
  );
}

export default function OutcomePage() {
  const { participant: p, milestones: m, employment, exit, retention, today } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const failed = (intent: string) => (result && !result.ok && result.intent === intent ? result : undefined);
  const exitFailed = failed("exit");
  const retentionFailed = failed("retention");
  const notCountedFailed = failed("not-counted");
  const busy = navigation.state === "submitting";
  const exited = p.phase === "exited";
  const dueNext = retention.find((r) => !r.check);

  return (
    <>
      <p className="breadcrumb">
        <Link to={`/coach/deltagare/${p.id}`}>← Till {p.pseudonym}</Link>
      </p>
      <h1>Utfall för {p.pseudonym}</h1>
      <p className="muted">
        {phases.label(p.phase)} · Inskriven {formatDate(p.enrolledAt)}
        {p.exitedAt ? ` · Avslutad ${formatDate(p.exitedAt)}` : ""}
      </p>

      <div className="two-columns">
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
      </div>

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
              errors={notCountedFailed?.errors.reason}
              inputProps={{ defaultValue: kept(notCountedFailed?.values, "reason") ?? "", maxLength: 200 }}
            />
            <button type="submit" className="button button--secondary">
              Räkna inte i resultaten
            </button>
          </Form>
        )}
      </section>
      <section className="panel" aria-labelledby="exit-title">
        <h2 id="exit-title">{exited ? "Avslut" : "Avsluta deltagaren"}</h2>
        <p>
          {exited
            ? "Här kan du rätta avslutet. Uppgifterna används i rapporterna till finansiären."
            : "När deltagaren slutar: fyll i datum, orsak och hur det ser ut vid avslutet. Deltagaren flyttas då till fasen Avslutad."}
        </p>
        <ErrorSummary message={exitFailed ? "Avslutet kunde inte sparas. Rätta det som är markerat." : null} />
        <Form method="post" className="form form--wide" noValidate>
          <input type="hidden" name="intent" value="exit" />
          <Field
            label="Avslutsdatum"
            name="exitDate"
            errors={exitFailed?.errors.exitDate}
            inputProps={{
              type: "date",
              max: today,
              defaultValue: kept(exitFailed?.values, "exitDate", p.exitedAt ? dayKey(p.exitedAt) : today),
            }}
          />
          <ChoiceGroup
            type="radio"
            legend="Avslutsorsak"
            name="exitReason"
            options={exitReasons.options}
            errors={exitFailed?.errors.exitReason}
            defaultValue={kept(exitFailed?.values, "exitReason", exit.exitReason)}
          />
          <ChoiceGroup
            type="radio"
            legend="Sysselsättning vid avslut"
            name="exitOccupation"
            options={occupationStatuses.options}
            errors={exitFailed?.errors.exitOccupation}
            defaultValue={kept(exitFailed?.values, "exitOccupation", exit.exitOccupation)}
          />
          <ChoiceGroup
            type="checkbox"
            legend="Försörjning vid avslut"
            hint="Välj alla som gäller."
            name="exitIncomeSources"
            options={incomeSources.options}
            errors={exitFailed?.errors.exitIncomeSources}
            defaultValue={exitFailed ? keptList(exitFailed.values, "exitIncomeSources") : exit.exitIncomeSources}
          />
          <button type="submit" className="button" aria-disabled={busy || undefined}>
            {exited ? "Spara ändringar i avslutet" : "Spara avslut"}
          </button>
        </Form>
      </section>

      <section className="panel" aria-labelledby="retention-title">
        <h2 id="retention-title">Uppföljning efter anställning</h2>
        {!m.firstEmploymentAt ? (
          <p>
            Uppföljningar görs {RETENTION_MONTHS.join(", ").replace(/, (\d+)$/, " och $1")} månader efter första
            anställningen. {p.pseudonym} har ingen anställning ännu.
          </p>
        ) : (
          <>
            <TableRegion label="Uppföljningar efter anställningen">
              <table className="table">
                <caption>Uppföljningar efter anställningen {formatDate(m.firstEmploymentAt)}</caption>
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
            <ErrorSummary
              message={retentionFailed ? "Uppföljningen kunde inte sparas. Rätta det som är markerat." : null}
            />
            <Form method="post" className="form" noValidate>
              <input type="hidden" name="intent" value="retention" />
              <SelectField
                label="Uppföljning"
                name="months"
                options={RETENTION_MONTHS.map((mo) => ({ value: String(mo), label: `Efter ${mo} månader` }))}
                errors={retentionFailed?.errors.months}
                selectProps={{ defaultValue: kept(retentionFailed?.values, "months", String(dueNext?.months ?? 3)) }}
              />
              <Field
                label="Datum för uppföljningen"
                name="checkedAt"
                errors={retentionFailed?.errors.checkedAt}
                inputProps={{
                  type: "date",
                  max: today,
                  defaultValue: kept(retentionFailed?.values, "checkedAt", today),
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
                errors={retentionFailed?.errors.employed}
                defaultValue={kept(retentionFailed?.values, "employed")}
                className="choices--inline"
              />
              <Field
                label="Timmar per vecka"
                name="hours"
                hint="Fyll i om deltagaren fortfarande är anställd."
                errors={retentionFailed?.errors.hours}
                inputProps={{
                  inputMode: "numeric",
                  className: "input--short",
                  defaultValue: kept(
                    retentionFailed?.values,
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
    </>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
