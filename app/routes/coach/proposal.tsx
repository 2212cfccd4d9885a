// One proposal, for the coach: every step with its time, the participant's and the employer's
// answers and reasons, the score and reasons, a preview of exactly what the employer sees (only the
// items the participant disclosed), and the next steps the state machine allows: present after a
// yes, record what the participant or the employer said (for people who answer by phone or in
// person), record the start after a study visit, or withdraw.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { ChoiceGroup, TextareaField } from "~/components/form-controls.tsx";
import { ActionError, ErrorSummary, Field } from "~/components/forms.tsx";
import { PresentationView, ProposalStatusBadge, ProposalTimeline, ReasonList } from "~/components/proposal-parts.tsx";
import {
  canTransition,
  daysLeft,
  DeclineSchema,
  ParticipantAnswerSchema,
  participantAnswers,
  startSchema,
  visitSchema,
  waitingOn,
  waitingOnLabels,
} from "~/domain/proposals.ts";
import { openingKinds } from "~/domain/vocab/openings.ts";
import { audit } from "~/utils/audit.server.ts";
import { requireOrgStaff } from "~/utils/auth.server.ts";
import { db } from "~/utils/db.server.ts";
import { formValues, parseWith, type FieldErrors } from "~/domain/forms.ts";
import {
  answerProposal,
  decideProposal,
  loadPresentation,
  presentProposal,
  proposalDistanceKm,
  readReasons,
  requireStaffProposal,
  withdrawnAt,
  withdrawProposal,
  type StepResult,
} from "~/utils/proposals.server.ts";
import { clientIp } from "~/utils/rate-limit.server.ts";
import { formatDate, dayKey, toSwedishDateTimeInput } from "~/domain/swedish-time.ts";
import { redirectWithNotice, samePage } from "~/utils/notice.server.ts";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Förslag: ${data?.proposal.opening.title ?? ""} – Brygga` },
];

/** A coach may record a start that already happened, up to this many days back. */
const START_PAST_DAYS = 90;

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireOrgStaff(request);
  const now = new Date();
  const p = await requireStaffProposal(params.proposalId, user.organizationId, now);
  const [presentation, withdrawn] = await Promise.all([loadPresentation(p.participant), withdrawnAt(p)]);
  await audit(db, {
    actorId: user.id,
    participantId: p.participantId,
    action: "read",
    entity: "proposal",
    detail: p.opening.title,
    ip: clientIp(context),
  });
  const hasPlacement = p.placement !== null;
  const can = (event: Parameters<typeof canTransition>[1]) => canTransition({ status: p.status, hasPlacement }, event);
  return {
    today: dayKey(now),
    nowInput: toSwedishDateTimeInput(now),
    proposal: {
      id: p.id,
      status: p.status,
      waitingOn: waitingOn({ status: p.status, hasPlacement }),
      score: p.score,
      reasons: readReasons(p.reasons),
      distanceKm: proposalDistanceKm(p),
      proposedAt: p.proposedAt,
      expiresAt: p.expiresAt,
      daysLeft: daysLeft(p, now),
      participantAnswer: p.participantAnswer,
      participantReason: p.participantReason,
      participantAnsweredAt: p.participantAnsweredAt,
      presentedAt: p.presentedAt,
      employerDecision: p.employerDecision,
      employerReason: p.employerReason,
      employerAnsweredAt: p.employerAnsweredAt,
      visitAt: p.visitAt,
      proposedStartDate: p.proposedStartDate,
      withdrawnAt: withdrawn,
      placement: p.placement,
      coachName: p.coach?.name ?? null,
      participant: {
        id: p.participant.id,
        pseudonym: p.participant.pseudonym,
        hasAccount: p.participant.user !== null,
        hasEmail: Boolean(p.participant.email ?? p.participant.user?.email),
      },
      opening: {
        id: p.opening.id,
        title: p.opening.title,
        kind: p.opening.kind,
        status: p.opening.status,
        employerName: p.opening.employer.name,
        municipalityName: p.opening.workplace.municipality.name,
      },
    },
    can: {
      answer: can("participant_yes") || can("participant_no"),
      moreInfo: can("participant_more_info"),
      present: can("present"),
      visit: can("employer_visit"),
      start: can("employer_start"),
      decline: can("employer_decline"),
      withdraw: can("withdraw"),
    },
    presentation,
  };
}

type Failure = {
  ok: false;
  intent: string;
  errors: FieldErrors;
  message: string;
  values?: Record<string, string | string[]>;
};

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireOrgStaff(request);
  const now = new Date();
  const proposal = await requireStaffProposal(params.proposalId, user.organizationId, now);
  const values = formValues(await request.formData());
  const intent = typeof values.intent === "string" ? values.intent : "";
  const ip = clientIp(context);
  const invalid = (errors: FieldErrors, formError?: string) =>
    data<Failure>(
      {
        ok: false,
        intent,
        errors,
        message: formError ?? "Det gick inte att spara. Rätta det som är markerat.",
        values,
      },
      { status: 400 },
    );
  const done = async (result: StepResult) => {
    if (result.ok) throw await redirectWithNotice(samePage(request), result.message);
    return data<Failure>({ ok: false, intent, errors: {}, message: result.message }, { status: result.status });
  };

  switch (intent) {
    case "answer": {
      const parsed = parseWith(ParticipantAnswerSchema, values, values);
      if (!parsed.ok) return invalid(parsed.errors, parsed.formError);
      return done(await answerProposal(user, proposal, parsed.data, { onBehalf: true, ip, now }));
    }
    case "present":
      return done(await presentProposal(user, proposal, { ip, now }));
    case "visit": {
      const parsed = parseWith(visitSchema(now), values, values);
      if (!parsed.ok) return invalid(parsed.errors);
      return done(
        await decideProposal(
          user,
          proposal,
          { kind: "visit", visitAt: parsed.data.visitAt },
          { onBehalf: true, ip, now },
        ),
      );
    }
    case "start": {
      const parsed = parseWith(startSchema(now, { pastDays: START_PAST_DAYS }), values, values);
      if (!parsed.ok) return invalid(parsed.errors);
      return done(await decideProposal(user, proposal, { kind: "start", ...parsed.data }, { onBehalf: true, ip, now }));
    }
    case "decline": {
      const parsed = parseWith(DeclineSchema, values, values);
      if (!parsed.ok) return invalid(parsed.errors);
      return done(
        await decideProposal(
          user,
          proposal,
          { kind: "decline", reason: parsed.data.reason },
          { onBehalf: true, ip, now },
        ),
      );
    }
    case "withdraw":
      return done(await withdrawProposal(user, proposal, { ip }));
    default:
      return invalid({}, "Okänd åtgärd.");
  }
}

export default function CoachProposal() {
  const { proposal: p, can, presentation, today, nowInput } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const busy = navigation.state !== "idle";
  const failed = actionData && !actionData.ok ? actionData : null;
  const errorsFor = (intent: string) => (failed?.intent === intent ? failed.errors : {}) as FieldErrors;
  const kept = (intent: string, name: string) => {
    const v = failed?.intent === intent ? failed.values?.[name] : undefined;
    return Array.isArray(v) ? v[0] : v;
  };
  const employerCanDecide = can.visit || can.start || can.decline;

  return (
    <>
      <p className="breadcrumb">
        <Link to="/coach/forslag">← Alla förslag</Link>
      </p>
      <h1>
        {p.participant.pseudonym} – {p.opening.title}
      </h1>
      <p>
        <ProposalStatusBadge status={p.status} />{" "}
        {p.waitingOn ? <span className="muted">Väntar på: {waitingOnLabels[p.waitingOn].toLowerCase()}</span> : null}
        {p.daysLeft !== null ? <span className="muted"> · Svar senast {formatDate(p.expiresAt)}</span> : null}
      </p>
      <ActionError result={actionData} />

      <div className="grid">
        <section className="panel" aria-labelledby="about-title">
          <h2 id="about-title">Förslaget</h2>
          <dl className="facts">
            <dt>Deltagare</dt>
            <dd>
              <Link to={`/coach/deltagare/${p.participant.id}`}>{p.participant.pseudonym}</Link>
              {!p.participant.hasEmail ? (
                <span className="muted"> (ingen e-post – berätta om förslaget själv)</span>
              ) : null}
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
        <section className="panel" aria-labelledby="timeline-title">
          <h2 id="timeline-title">Steg för steg</h2>
          <ProposalTimeline
            steps={[
              { label: `Föreslaget${p.coachName ? ` av ${p.coachName}` : ""}`, at: p.proposedAt },
              {
                label: `Deltagaren svarade: ${participantAnswers.label(p.participantAnswer)}`,
                at: p.participantAnsweredAt,
                detail: p.participantReason,
              },
              { label: `Presenterat för ${p.opening.employerName}`, at: p.presentedAt },
              {
                label: `Arbetsgivaren svarade: ${p.employerDecision === "decline" ? "nej" : p.visitAt ? "studiebesök" : "ja"}`,
                at: p.employerAnsweredAt,
                detail: p.employerReason,
              },
              { label: "Studiebesök", at: p.visitAt },
              { label: "Placeringen börjar", at: p.placement?.startDate ?? null },
              { label: "Tillbakadraget av coachen", at: p.withdrawnAt },
            ]}
          />
          {p.status === "expired" ? <p>Gick ut {formatDate(p.expiresAt)} utan svar.</p> : null}
        </section>
      </div>

      {can.present ? (
        <section className="panel" aria-labelledby="present-title">
          <h2 id="present-title">Presentera för arbetsgivaren</h2>
          <p>
            {p.participant.pseudonym} har sagt ja. {p.opening.employerName} får se det här – bara det deltagaren har
            valt att visa, och aldrig det riktiga namnet. Arbetsgivarens användare får ett mejl.
          </p>
          <Form method="post">
            <button type="submit" name="intent" value="present" className="button" aria-disabled={busy || undefined}>
              Presentera för arbetsgivaren
            </button>
          </Form>
        </section>
      ) : null}

      <PresentationView
        presentation={presentation}
        empty={`${p.participant.pseudonym} visar inget mer än namnet. Ändra under Yrkesprofil → Vad arbetsgivaren får se, tillsammans med deltagaren.`}
      />

      {can.answer ? (
        <section className="panel" aria-labelledby="answer-title">
          <h2 id="answer-title">Registrera deltagarens svar</h2>
          <p className="muted">
            Om deltagaren har svarat dig i telefon eller på ett möte. Skriv det deltagaren själv har sagt.
          </p>
          <Form method="post" className="stack" noValidate>
            <input type="hidden" name="intent" value="answer" />
            <ChoiceGroup
              type="radio"
              legend="Deltagarens svar"
              name="answer"
              options={participantAnswers.options.filter((o) => o.value !== "more_info" || can.moreInfo)}
              defaultValue={kept("answer", "answer")}
              errors={errorsFor("answer").answer}
            />
            <TextareaField
              label="Deltagarens skäl (valfritt)"
              name="reason"
              errors={errorsFor("answer").reason}
              textareaProps={{ rows: 2, defaultValue: kept("answer", "reason") }}
            />
            <button type="submit" className="button button--secondary" aria-disabled={busy || undefined}>
              Spara svaret
            </button>
          </Form>
        </section>
      ) : null}

      {employerCanDecide ? (
        <section className="panel" aria-labelledby="employer-answer-title">
          <h2 id="employer-answer-title">
            {p.status === "accepted_by_employer" ? "Efter studiebesöket" : "Registrera arbetsgivarens svar"}
          </h2>
          <p className="muted">Arbetsgivaren kan svara själv i Brygga. Registrera här om de svarade dig direkt.</p>
          <ErrorSummary
            message={failed && ["visit", "start", "decline"].includes(failed.intent) ? failed.message : null}
          />
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
      ) : null}

      {can.withdraw ? (
        <details className="panel">
          <summary>Dra tillbaka förslaget</summary>
          <p>
            Deltagaren ser att förslaget är borttaget.{" "}
            {p.presentedAt ? "Arbetsgivaren ser inte längre presentationen." : ""}
          </p>
          <Form method="post">
            <button
              type="submit"
              name="intent"
              value="withdraw"
              className="button button--danger"
              aria-disabled={busy || undefined}
            >
              Dra tillbaka
            </button>
          </Form>
        </details>
      ) : null}
      {p.placement ? (
        <p>
          Placeringen börjar {formatDate(p.placement.startDate)}.{" "}
          <Link to={`/coach/placeringar/${p.placement.id}`}>Till placeringen och stödtråden</Link>
        </p>
      ) : null}
    </>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
