// A participant presented to the employer (docs/product-rules.md#proposal): only after the participant said yes and
// the coach presented them, and only for the employer's own openings (anything else is a 404). The
// employer sees the pseudonym and the profile items the participant chose to show — never the real
// name, contact details, home, the match score or anyone's notes. They answer: book a study visit,
// choose a start date (the placement and its support thread are created), or say no with a reason.
import { currentTime } from "~/utils/clock.server.ts";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { telHref } from "~/components/contact-card.tsx";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { TextareaField } from "~/components/form-controls.tsx";
import { ActionError, ErrorSummary, Field } from "~/components/forms.tsx";
import { PresentationView } from "~/components/proposal-parts.tsx";
import { formatHours } from "~/domain/openings.ts";
import {
  canTransition,
  DeclineSchema,
  EMPLOYER_PRESENTATION_STATUSES,
  employerStatusText,
  startSchema,
  visitSchema,
} from "~/domain/proposals.ts";
import { openingKinds } from "~/domain/vocab/openings.ts";
import { audit } from "~/utils/audit.server.ts";
import { requireEmployerUser } from "~/utils/auth.server.ts";
import { db } from "~/utils/db.server.ts";
import { formValues, parseWith, type FieldErrors } from "~/domain/forms.ts";
import {
  decideProposal,
  loadPresentation,
  requireEmployerProposal,
  type StepResult,
} from "~/utils/proposals.server.ts";
import { clientIp } from "~/utils/rate-limit.server.ts";
import { hasWageSubsidyPlan } from "~/utils/wage-subsidy.server.ts";
import { formatDate, formatDateTime, dayKey, toSwedishDateTimeInput } from "~/domain/swedish-time.ts";
import { redirectWithNotice, samePage } from "~/utils/notice.server.ts";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.pseudonym ?? "Deltagare"} – ${data?.opening.title ?? "förslag"} – Brygga` },
];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireEmployerUser(request);
  const p = await requireEmployerProposal(params.proposalId, user.employerId);
  const showProfile = (EMPLOYER_PRESENTATION_STATUSES as readonly string[]).includes(p.status);
  const presentation = showProfile ? await loadPresentation(p.participant) : null;
  await audit(db, {
    actorId: user.id,
    participantId: p.participantId,
    action: "read",
    entity: "presentation",
    detail: presentation
      ? `Arbetsgivaren såg: ${presentation.sections.map((s) => s.title).join(", ") || "bara pseudonymen"}`
      : "Arbetsgivaren såg sitt svar (ingen profil)",
    ip: clientIp(context),
  });
  const hasPlacement = p.placement !== null;
  const hasWageSubsidy = await hasWageSubsidyPlan({ kind: "proposal", id: p.id });
  const presenter = p.coach ?? p.participant.coach;
  const now = currentTime();
  // Only what the employer may see: no participant id, real name, contact details, home, score or reasons.
  return {
    id: p.id,
    pseudonym: p.participant.pseudonym,
    statusText: employerStatusText(
      { status: p.status, visitAt: p.visitAt, placementStart: p.placement?.startDate ?? null },
      { date: formatDate, dateTime: formatDateTime },
    ),
    presentedAt: p.presentedAt,
    employerAnsweredAt: p.employerAnsweredAt,
    employerReason: p.employerReason,
    visitAt: p.visitAt,
    placement: p.placement
      ? { id: p.placement.id, startDate: p.placement.startDate, hoursPerWeek: p.placement.hoursPerWeek }
      : null,
    opening: {
      id: p.opening.id,
      title: p.opening.title,
      kind: p.opening.kind,
      hours: formatHours(p.opening.hoursMin, p.opening.hoursMax),
    },
    coach: presenter ? { name: presenter.name, phone: presenter.phone, email: presenter.email } : null,
    presentation,
    hasWageSubsidy,
    can: {
      visit: canTransition({ status: p.status, hasPlacement }, "employer_visit"),
      start: canTransition({ status: p.status, hasPlacement }, "employer_start"),
      decline: canTransition({ status: p.status, hasPlacement }, "employer_decline"),
    },
    today: dayKey(now),
    nowInput: toSwedishDateTimeInput(now),
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
  const user = await requireEmployerUser(request);
  const proposal = await requireEmployerProposal(params.proposalId, user.employerId);
  const values = formValues(await request.formData());
  const intent = typeof values.intent === "string" ? values.intent : "";
  const now = currentTime();
  const options = { onBehalf: false, ip: clientIp(context), now };
  const invalid = (errors: FieldErrors) =>
    data<Failure>(
      { ok: false, intent, errors, message: "Det gick inte att skicka. Rätta det som är markerat.", values },
      { status: 400 },
    );
  const done = async (result: StepResult) => {
    if (result.ok) throw await redirectWithNotice(samePage(request), result.message);
    return data<Failure>({ ok: false, intent, errors: {}, message: result.message }, { status: result.status });
  };
  switch (intent) {
    case "visit": {
      const parsed = parseWith(visitSchema(now), values, values);
      return parsed.ok
        ? done(await decideProposal(user, proposal, { kind: "visit", visitAt: parsed.data.visitAt }, options))
        : invalid(parsed.errors);
    }
    case "start": {
      const parsed = parseWith(startSchema(now), values, values);
      return parsed.ok
        ? done(await decideProposal(user, proposal, { kind: "start", ...parsed.data }, options))
        : invalid(parsed.errors);
    }
    case "decline": {
      const parsed = parseWith(DeclineSchema, values, values);
      return parsed.ok
        ? done(await decideProposal(user, proposal, { kind: "decline", reason: parsed.data.reason }, options))
        : invalid(parsed.errors);
    }
    default:
      return data<Failure>({ ok: false, intent, errors: {}, message: "Okänd åtgärd." }, { status: 400 });
  }
}

export default function EmployerProposal() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const busy = navigation.state !== "idle";
  const failed = actionData && !actionData.ok ? actionData : null;
  const errorsFor = (intent: string) => (failed?.intent === intent ? failed.errors : {}) as FieldErrors;
  const kept = (intent: string, name: string) => {
    const v = failed?.intent === intent ? failed.values?.[name] : undefined;
    return Array.isArray(v) ? v[0] : v;
  };
  const deciding = d.can.visit || d.can.start || d.can.decline;

  return (
    <>
      <p className="breadcrumb">
        <Link to={`/arbetsgivare/annonser/${d.opening.id}`}>← {d.opening.title}</Link>
      </p>
      <h1>
        {d.pseudonym} – {d.opening.title}
      </h1>
      <p>
        <span className="badge badge--info">{d.statusText}</span>{" "}
        <span className="muted">
          {openingKinds.label(d.opening.kind)}, {d.opening.hours}. Presenterad {formatDate(d.presentedAt)}
          {d.coach ? ` av ${d.coach.name}` : ""}.
        </span>
      </p>
      {/* A failed decision is shown once, in the decision section; anything else here. */}
      <ActionError result={deciding ? null : actionData} />

      {d.presentation ? <PresentationView presentation={d.presentation} /> : null}
      <p className="muted">
        {d.pseudonym} är ett namn som deltagaren använder i Brygga. Det riktiga namnet får ni veta när ni träffas, om
        deltagaren vill.
      </p>

      {d.hasWageSubsidy ? (
        <section className="panel" aria-labelledby="wage-subsidy-title">
          <h2 id="wage-subsidy-title">Vad kostar en anställning?</h2>
          <p>Coachen har räknat på lön, avgifter och stöd månad för månad.</p>
          <p>
            <Link to={`/arbetsgivare/forslag/${d.id}/lonestod`}>Läs lönestödsförslaget</Link>
          </p>
        </section>
      ) : null}

      {d.placement ? (
        <section className="panel" aria-labelledby="placement-title">
          <h2 id="placement-title">Starten är bestämd</h2>
          <p>
            {d.pseudonym} börjar {formatDate(d.placement.startDate)}
            {d.placement.hoursPerWeek ? `, ${d.placement.hoursPerWeek} timmar i veckan` : ""}. Ni och coachen har nu en
            egen tråd för stödet – före, under och efter starten.
          </p>
          <p>
            <Link to={`/arbetsgivare/placeringar/${d.placement.id}`}>Till placeringen och stödet</Link>
          </p>
        </section>
      ) : null}
      {d.employerReason ? (
        <p>
          Ni tackade nej {formatDate(d.employerAnsweredAt)}: ”{d.employerReason}”
        </p>
      ) : null}

      {deciding ? (
        <section aria-labelledby="decide-title">
          <h2 id="decide-title">{d.visitAt ? "Efter studiebesöket: vad vill ni?" : "Vad vill ni göra?"}</h2>
          <ErrorSummary message={failed?.message ?? null} />
          <div className="grid">
            {d.can.visit ? (
              <Form method="post" className="panel stack" noValidate aria-labelledby="visit-title">
                <h3 id="visit-title">Träffas först</h3>
                <p>Boka ett studiebesök. Deltagaren och coachen kommer till er.</p>
                <input type="hidden" name="intent" value="visit" />
                <Field
                  label="Dag och tid för studiebesöket"
                  name="visitAt"
                  errors={errorsFor("visit").visitAt}
                  inputProps={{ type: "datetime-local", min: d.nowInput, defaultValue: kept("visit", "visitAt") }}
                />
                <button type="submit" className="button" aria-disabled={busy || undefined}>
                  Boka studiebesök
                </button>
              </Form>
            ) : null}
            {d.can.start ? (
              <Form method="post" className="panel stack" noValidate aria-labelledby="start-title">
                <h3 id="start-title">Bestäm start</h3>
                <p>Välj när {d.pseudonym} börjar. Coachen finns med under introduktionen.</p>
                <input type="hidden" name="intent" value="start" />
                <Field
                  label="Startdatum"
                  name="startDate"
                  errors={errorsFor("start").startDate}
                  inputProps={{ type: "date", min: d.today, defaultValue: kept("start", "startDate") }}
                />
                <Field
                  label="Timmar per vecka (valfritt)"
                  name="hoursPerWeek"
                  hint={`Annonsen: ${d.opening.hours}`}
                  errors={errorsFor("start").hoursPerWeek}
                  inputProps={{ inputMode: "numeric", size: 4, defaultValue: kept("start", "hoursPerWeek") }}
                />
                <button type="submit" className="button" aria-disabled={busy || undefined}>
                  Bestäm start
                </button>
              </Form>
            ) : null}
            {d.can.decline ? (
              <Form method="post" className="panel stack" noValidate aria-labelledby="decline-title">
                <h3 id="decline-title">Tacka nej</h3>
                <p>Skriv kort varför. Coachen läser det – deltagaren ser det inte.</p>
                <input type="hidden" name="intent" value="decline" />
                <TextareaField
                  label="Varför säger ni nej?"
                  name="reason"
                  errors={errorsFor("decline").reason}
                  textareaProps={{ rows: 3, defaultValue: kept("decline", "reason") }}
                />
                <button type="submit" className="button button--secondary" aria-disabled={busy || undefined}>
                  Tacka nej
                </button>
              </Form>
            ) : null}
          </div>
        </section>
      ) : null}

      {d.coach ? (
        <section className="panel" aria-labelledby="coach-title">
          <h2 id="coach-title">Frågor? Ring coachen</h2>
          <p>
            <strong>{d.coach.name}</strong>
            {d.coach.phone ? (
              <>
                {" "}
                – <a href={telHref(d.coach.phone)}>{d.coach.phone}</a>
              </>
            ) : null}
            {d.coach.email ? (
              <>
                {" "}
                – <a href={`mailto:${d.coach.email}`}>{d.coach.email}</a>
              </>
            ) : null}
          </p>
        </section>
      ) : null}
    </>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
