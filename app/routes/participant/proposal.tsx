// One proposal, for the participant, in plain Swedish (docs/product-rules.md#proposal, #quality-bars): what you would do, where,
// when, how far, who the supervisor is, and what the employer will see if you say yes. Answer Ja,
// Nej or Vill veta mer, with an optional reason; no time limit on the page. Only the participant's
// own proposals (anything else is a 404). Never shows the score, the employer's reasons or notes.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { TextareaField } from "~/components/form-controls.tsx";
import { disclosureLabel } from "~/domain/profile.ts";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { ErrorSummary } from "~/components/forms.tsx";
import { readSchedule, readTasks } from "~/domain/openings.ts";
import {
  canTransition,
  kindForParticipant,
  ParticipantAnswerSchema,
  participantStatusText,
  PROPOSAL_LIMITS,
} from "~/domain/proposals.ts";
import { scheduleTimes } from "~/domain/vocab/schedule.ts";
import { audit } from "~/utils/audit.server.ts";
import { requireParticipantUser } from "~/utils/auth.server.ts";
import { db } from "~/utils/db.server.ts";
import { formValues, parseWith, type FieldErrors } from "~/domain/forms.ts";
import {
  answerProposal,
  loadPresentation,
  proposalDistanceKm,
  requireParticipantProposal,
} from "~/utils/proposals.server.ts";
import { clientIp } from "~/utils/rate-limit.server.ts";
import { formatDate, formatDateTime } from "~/domain/swedish-time.ts";
import { redirectWithNotice, samePage } from "~/utils/notice.server.ts";
import { countSv, joinSv, NOUNS } from "~/domain/swedish.ts";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Förslag: ${data?.title ?? ""} – Brygga` }];

function kmText(km: number | null): string | null {
  if (km === null) return null;
  if (km < 1) return "Det är mindre än 1 km hemifrån.";
  return `Det är ungefär ${Math.round(km)} km hemifrån.`;
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireParticipantUser(request);
  const p = await requireParticipantProposal(params.proposalId, user.participantId);
  const presentation = await loadPresentation(p.participant);
  await audit(db, {
    actorId: user.id,
    participantId: p.participantId,
    action: "read",
    entity: "own-proposal",
    detail: p.opening.title,
    ip: clientIp(context),
  });
  const hasPlacement = p.placement !== null;
  const o = p.opening;
  const schedule = readSchedule(o.schedule);
  const coach = p.coach ?? p.participant.coach;
  return {
    id: p.id,
    title: o.title,
    kindText: kindForParticipant(o.kind),
    tasks: readTasks(o.tasks),
    description: o.description,
    employerName: o.employer.name,
    place: `${o.workplace.street}, ${o.workplace.municipality.name}`,
    distance: kmText(proposalDistanceKm(p)),
    hours:
      o.kind === "visit"
        ? null
        : o.hoursMin === o.hoursMax
          ? `${o.hoursMin} timmar i veckan.`
          : `Mellan ${o.hoursMin} och ${o.hoursMax} timmar i veckan.`,
    times: schedule.times.length
      ? `Du jobbar: ${joinSv(schedule.times.map((t) => scheduleTimes.label(t).toLowerCase()))}.`
      : null,
    flexibleStart: schedule.startFlexible,
    length:
      o.lengthWeeks && (o.kind === "practice" || o.kind === "work_trial")
        ? `Det håller på i ${countSv(o.lengthWeeks, NOUNS.week)}.`
        : null,
    start: p.placement
      ? `Du börjar ${formatDate(p.placement.startDate)}.`
      : o.startDate
        ? `Det börjar tidigast ${formatDate(o.startDate)}.`
        : null,
    placementId: p.placement?.id ?? null,
    supervisorName: o.supervisorName,
    purpose: o.purpose,
    coach: coach ? { name: coach.name, phone: coach.phone } : null,
    statusText: participantStatusText(
      { status: p.status, hasPlacement, visitAt: p.visitAt, startDate: p.placement?.startDate ?? null },
      { date: formatDate, dateTime: formatDateTime },
    ),
    waitingForAnswer: canTransition({ status: p.status, hasPlacement }, "participant_yes"),
    canAskMore: canTransition({ status: p.status, hasPlacement }, "participant_more_info"),
    canChangeMind:
      !canTransition({ status: p.status, hasPlacement }, "participant_yes") &&
      canTransition({ status: p.status, hasPlacement }, "participant_no"),
    answerBy: p.status === "proposed" || p.status === "more_info" ? p.expiresAt : null,
    myReason: p.participantReason,
    // The participant's own page: the titles in their words ("Vad du vill jobba med").
    coachNote: p.coachNote,
    shown: presentation.sections.map((s) => ({ ...s, title: disclosureLabel(s.item, "participant") })),
    pseudonym: presentation.pseudonym,
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireParticipantUser(request);
  const proposal = await requireParticipantProposal(params.proposalId, user.participantId);
  const values = formValues(await request.formData());
  const parsed = parseWith(ParticipantAnswerSchema, values, values);
  if (!parsed.ok)
    return data(
      { ok: false as const, errors: parsed.errors as FieldErrors, message: "Välj Ja, Nej eller Vill veta mer." },
      { status: 400 },
    );
  const result = await answerProposal(user, proposal, parsed.data, { onBehalf: false, ip: clientIp(context) });
  if (!result.ok)
    return data({ ok: false as const, errors: {} as FieldErrors, message: result.message }, { status: result.status });
  throw await redirectWithNotice(samePage(request), result.message);
}

export default function ParticipantProposal() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const busy = navigation.state !== "idle";

  return (
    <div className="plain">
      <p className="breadcrumb">
        <Link to="/deltagare/forslag">← Alla dina förslag</Link>
      </p>
      <h1>{d.title}</h1>
      <p className="lead">
        {d.coach ? `${d.coach.name} tror att det här kan passa dig.` : "Din coach tror att det här kan passa dig."}
      </p>

      {d.coachNote ? (
        <figure className="coach-note-figure">
          <figcaption>{d.coach ? `${d.coach.name} skriver:` : "Din coach skriver:"}</figcaption>
          <blockquote className="coach-note">{d.coachNote}</blockquote>
        </figure>
      ) : null}
      <p className="alert proposal-status">{d.statusText}</p>
      {d.myReason ? <p>Du skrev: ”{d.myReason}”</p> : null}
      {d.placementId ? (
        <p>
          <Link to={`/deltagare/placering/${d.placementId}`} className="button button--large">
            Läs om din start
          </Link>
        </p>
      ) : null}

      <section className="panel" aria-labelledby="what-title">
        <h2 id="what-title">Vad är det?</h2>
        <p>{d.kindText}</p>
        {d.purpose ? <p>Målet: {d.purpose}</p> : null}
        <h3>Det här gör du</h3>
        {d.tasks.length ? (
          <ul>
            {d.tasks.map((t, i) => (
              <li key={i}>{t}</li>
            ))}
          </ul>
        ) : (
          <p>{d.description}</p>
        )}
      </section>

      <section className="panel" aria-labelledby="where-title">
        <h2 id="where-title">Var?</h2>
        <p>
          Hos <strong>{d.employerName}</strong>.
        </p>
        <p>Adress: {d.place}.</p>
        {d.distance ? <p>{d.distance}</p> : null}
      </section>

      <section className="panel" aria-labelledby="when-title">
        <h2 id="when-title">När?</h2>
        {d.hours ? <p>{d.hours}</p> : null}
        {d.times ? <p>{d.times}</p> : null}
        {d.flexibleStart ? <p>Du kan börja olika tider på dagen.</p> : null}
        {d.length ? <p>{d.length}</p> : null}
        {d.start ? <p>{d.start}</p> : null}
      </section>

      <section className="panel" aria-labelledby="supervisor-title">
        <h2 id="supervisor-title">Vem hjälper dig där?</h2>
        <p>
          {d.supervisorName
            ? `Din handledare heter ${d.supervisorName}.`
            : "Arbetsgivaren har inte bestämt vem som blir din handledare än. Fråga din coach."}
        </p>
        {d.coach ? (
          <p>
            Din coach {d.coach.name} finns med hela tiden.
            {d.coach.phone ? (
              <>
                {" "}
                Ring: <a href={`tel:${d.coach.phone.replace(/[^+\d]/g, "")}`}>{d.coach.phone}</a>
              </>
            ) : null}
          </p>
        ) : null}
      </section>

      <section className="panel" aria-labelledby="shown-title">
        <h2 id="shown-title">Det här får arbetsgivaren veta om du säger ja</h2>
        <p>Arbetsgivaren ser namnet {d.pseudonym}. De ser inte ditt riktiga namn.</p>
        {d.shown.length ? (
          <>
            <p>De får också se:</p>
            <ul>
              {d.shown.map((s) => (
                <li key={s.item}>{s.title}</li>
              ))}
            </ul>
            <details>
              <summary>Se precis vad arbetsgivaren ser</summary>
              {d.shown.map((s) => (
                <div key={s.item}>
                  <h3>{s.title}</h3>
                  <ul>
                    {s.lines.map((line, i) => (
                      <li key={i}>{line}</li>
                    ))}
                  </ul>
                </div>
              ))}
            </details>
          </>
        ) : (
          <p>De får inte se något mer om dig.</p>
        )}
        <p>
          Vill du ändra vad arbetsgivaren får se? <Link to="/deltagare/profil">Titta på din profil</Link> och prata med
          din coach.
        </p>
      </section>

      {d.waitingForAnswer ? (
        <section className="panel" aria-labelledby="answer-title">
          <h2 id="answer-title">Vad vill du?</h2>
          {d.answerBy ? <p>Svara gärna senast {formatDate(d.answerBy)}. Du kan också ringa din coach.</p> : null}
          {actionData && !actionData.ok ? <ErrorSummary message={actionData.message} /> : null}
          <Form method="post" className="stack" noValidate>
            <TextareaField
              label="Vill du säga något mer? Du behöver inte skriva något."
              name="reason"
              errors={actionData && !actionData.ok ? actionData.errors.reason : undefined}
              textareaProps={{ rows: 3, maxLength: PROPOSAL_LIMITS.reason }}
            />
            <div className="answer-buttons">
              <button
                type="submit"
                name="answer"
                value="yes"
                className="button button--large"
                aria-disabled={busy || undefined}
              >
                Ja, det vill jag
              </button>
              <button
                type="submit"
                name="answer"
                value="no"
                className="button button--large button--secondary"
                aria-disabled={busy || undefined}
              >
                Nej tack
              </button>
              {d.canAskMore ? (
                <button
                  type="submit"
                  name="answer"
                  value="more_info"
                  className="button button--large button--secondary"
                  aria-disabled={busy || undefined}
                >
                  Jag vill veta mer
                </button>
              ) : null}
            </div>
          </Form>
        </section>
      ) : null}

      {d.canChangeMind ? (
        <section className="panel" aria-labelledby="change-title">
          <h2 id="change-title">Har du ändrat dig?</h2>
          <p>Du bestämmer. Du kan säga nej fram till att du börjar.</p>
          {actionData && !actionData.ok ? <ErrorSummary message={actionData.message} /> : null}
          <Form method="post" className="stack" noValidate>
            <TextareaField
              label="Vill du säga varför? Du behöver inte skriva något."
              name="reason"
              textareaProps={{ rows: 2, maxLength: PROPOSAL_LIMITS.reason }}
            />
            <button
              type="submit"
              name="answer"
              value="no"
              className="button button--large button--secondary"
              aria-disabled={busy || undefined}
            >
              Nej, jag vill inte längre
            </button>
          </Form>
        </section>
      ) : null}
    </div>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
