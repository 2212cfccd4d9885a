// One proposal, for the coach: every step with its time, the participant's and the employer's
// answers and reasons, the score and reasons, a preview of exactly what the employer sees (only the
// items the participant disclosed), and the next steps the state machine allows: present after a
// yes, record what the participant or the employer said (for people who answer by phone or in
// person), record the start after a study visit, or withdraw. Data and steps:
// app/utils/coach-proposal.server.ts; parts: app/components/coach-proposal-parts.tsx.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { CoachProposalFacts, EmployerAnswerForms } from "~/components/coach-proposal-parts.tsx";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { ChoiceGroup, TextareaField } from "~/components/form-controls.tsx";
import { ActionError } from "~/components/forms.tsx";
import { PresentationView, ProposalStatusBadge, ProposalTimeline } from "~/components/proposal-parts.tsx";
import { participantAnswers, waitingOnLabels } from "~/domain/proposals.ts";
import { requireOrgStaff } from "~/utils/auth.server.ts";
import { formValues, type FieldErrors } from "~/domain/forms.ts";
import { coachProposalStep, loadCoachProposalPage } from "~/utils/coach-proposal.server.ts";
import { clientIp } from "~/utils/rate-limit.server.ts";
import { formatDate } from "~/domain/swedish-time.ts";
import { redirectWithNotice, samePage } from "~/utils/notice.server.ts";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Förslag: ${data?.proposal.opening.title ?? ""} – Brygga` },
];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireOrgStaff(request);
  return loadCoachProposalPage(user, params.proposalId, { ip: clientIp(context) });
}

type Failure = {
  ok: false;
  intent: string;
  errors: FieldErrors;
  message: string;
  values?: Record<string, string | string[]>;
};

/** The employer's steps: their failures are shown once, in the employer section. */
const EMPLOYER_STEPS = ["visit", "start", "decline"];

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireOrgStaff(request);
  const values = formValues(await request.formData());
  const intent = typeof values.intent === "string" ? values.intent : "";
  const result = await coachProposalStep(user, params.proposalId, intent, values, { ip: clientIp(context) });
  if (result.ok) throw await redirectWithNotice(samePage(request), result.message);
  if ("invalid" in result)
    return data<Failure>(
      {
        ok: false,
        intent,
        errors: result.errors,
        message: result.formError ?? "Det gick inte att spara. Rätta det som är markerat.",
        values,
      },
      { status: 400 },
    );
  return data<Failure>({ ok: false, intent, errors: {}, message: result.message }, { status: result.status });
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
      <p>
        <Link to={`/coach/forslag/${p.id}/lonestod`}>Lönestödsförslag till arbetsgivaren</Link>
      </p>
      <ActionError result={failed && !EMPLOYER_STEPS.includes(failed.intent) ? failed : null} />

      <div className="grid">
        <CoachProposalFacts p={p} />
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
        <EmployerAnswerForms
          p={p}
          can={can}
          busy={busy}
          nowInput={nowInput}
          today={today}
          failure={failed && EMPLOYER_STEPS.includes(failed.intent) ? failed.message : null}
          errorsFor={errorsFor}
          kept={kept}
        />
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
