// A placement for the coach (docs/product-rules.md#placement-and-support, issue 6): the facts, the support plan (status, intensity,
// next check-in, overdue flags), the practice decision, the support thread with the employer
// (messages may be shared with the participant), meetings, and ending the support with a reason.
import { currentTime } from "~/utils/clock.server.ts";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { kept, SelectField, TextareaField } from "~/components/form-controls.tsx";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { ErrorSummary, Field } from "~/components/forms.tsx";
import { MeetingList, PlacementFacts, PlacementThread, SupportPlanSummary } from "~/components/placement-parts.tsx";
import { ResponseStatus } from "~/components/thread-view.tsx";
import { CoachEmployerSupport } from "~/components/supervisor-guide.tsx";
import {
  isPracticeKind,
  parseEnd,
  parseExtend,
  parsePlan,
  placementMessageShape,
  parseCheckIn,
  supportPaths,
} from "~/domain/support.ts";
import { placementEndReasons, placementStatuses, supportIntensities } from "~/domain/placements.ts";
import { phases } from "~/domain/vocab/participants.ts";
import { requireOrgStaff } from "~/utils/auth.server.ts";
import { parseFields } from "~/domain/form-rules.ts";
import { formValues, type FieldErrors } from "~/domain/forms.ts";
import { endSupport } from "~/utils/end-support.server.ts";
import { clientIp } from "~/utils/rate-limit.server.ts";
import {
  extendPractice,
  loadPlacementPage,
  postPlacementMessage,
  recordCheckIn,
  requirePlacement,
  updatePlan,
} from "~/utils/support.server.ts";
import { dayKey } from "~/domain/swedish-time.ts";
import { placementSupportExtras } from "~/utils/supervisor-checklist.server.ts";
import { redirectWithNotice } from "~/utils/notice.server.ts";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data ? `${data.participant.pseudonym} – ${data.placement.opening.title}` : "Placering"} – Brygga` },
];

const notices = {
  skickat: "Meddelandet är skickat. Arbetsgivaren får veta det enligt sina inställningar.",
  plan: "Stödplanen är sparad.",
  uppfoljning: "Uppföljningen är registrerad och nästa är planerad.",
  forlangd: "Praktiken är förlängd.",
  avslutad: "Stödet är avslutat och konversationen stängd.",
} as const;

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireOrgStaff(request);
  const page = await loadPlacementPage(user, params.placementId, "staff", clientIp(context));
  const url = new URL(request.url);
  const extras = await placementSupportExtras({ id: page.placement.id, participantId: page.participant.id! });
  return {
    ...page,
    extras,
    today: dayKey(currentTime()),
    exitPrompt: (["arbete", "flytt"] as const).find((v) => v === url.searchParams.get("avslut")) ?? null,
  };
}

type ActionResult = {
  intent: string;
  errors: FieldErrors;
  values: Record<string, string | string[]>;
  message?: string;
};

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireOrgStaff(request);
  const placement = await requirePlacement(user, params.placementId, "staff");
  const values = formValues(await request.formData());
  const intent = typeof values.intent === "string" ? values.intent : "";
  const fail = (errors: FieldErrors, message?: string) =>
    data<ActionResult>({ intent, errors, values, message }, { status: 400 });
  const done = (what: keyof typeof notices, query = "") =>
    redirectWithNotice(`${supportPaths.coachPlacement(placement.id)}${query}`, notices[what]);
  const ended = placement.status === "ended";

  switch (intent) {
    case "message": {
      const form = parseFields(placementMessageShape, values);
      if (!form.ok) return fail(form.errors);
      const result = await postPlacementMessage(user, placement, form.data);
      if (!result.ok) return fail({}, result.message);
      throw await done("skickat");
    }
    case "plan": {
      if (ended) return fail({}, "Stödet är avslutat.");
      const form = parsePlan(values, placement);
      if (!form.ok) return fail(form.errors);
      await updatePlan(user, placement, form.data);
      throw await done("plan");
    }
    case "checkin": {
      if (ended) return fail({}, "Stödet är avslutat.");
      const now = currentTime();
      const form = parseCheckIn(values, now);
      if (!form.ok) return fail(form.errors);
      const result = await recordCheckIn(user, placement, form.data, { ip: clientIp(context), now });
      if (!result.ok) return fail(result.errors);
      throw await done("uppfoljning");
    }
    case "extend": {
      if (ended || !isPracticeKind(placement.kind)) return fail({}, "Bara en pågående praktik kan förlängas.");
      const form = parseExtend(values, placement);
      if (!form.ok) return fail(form.errors);
      await extendPractice(user, placement, form.data.newEndDate);
      throw await done("forlangd");
    }
    case "end": {
      if (ended) return fail({}, "Stödet är redan avslutat.");
      const now = currentTime();
      const form = parseEnd(values, placement, now);
      if (!form.ok) return fail(form.errors);
      const result = await endSupport(user, placement, form.data, { ip: clientIp(context), now });
      if (!result.ok) return fail(result.errors);
      const query = result.exited ? "?avslut=arbete" : form.data.reason === "moved" ? "?avslut=flytt" : "";
      throw await done("avslutad", query);
    }
    default:
      return fail({}, "Okänd åtgärd.");
  }
}

export default function CoachPlacement() {
  const page = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const { placement, participant } = page;
  const errorsFor = (intent: string) => (actionData?.intent === intent ? actionData.errors : undefined);
  const valuesFor = (intent: string) => (actionData?.intent === intent ? actionData.values : undefined);
  const messageFor = (intent: string) => (actionData?.intent === intent ? (actionData.message ?? null) : null);
  const practice = placement.kind === "practice" || placement.kind === "work_trial";
  const ended = placement.status === "ended";
  const statusOptions = placementStatuses.options.filter(
    (o) => o.value !== "ended" && (o.value !== "after_support" || placement.kind === "job"),
  );
  return (
    <>
      <p className="breadcrumb">
        <Link to={supportPaths.coachPlacements}>← Placeringar</Link>
      </p>
      <h1>
        {participant.pseudonym} – {placement.opening.title}
      </h1>
      {page.exitPrompt === "arbete" && participant.id ? (
        <p className="alert alert--warning" role="note">
          {participant.pseudonym} är avslutad med arbete (sysselsättning: förvärvsarbete, försörjning: lön).{" "}
          <Link to={`/coach/deltagare/${participant.id}/utfall`}>Kontrollera avslutet</Link> och ändra om något inte
          stämmer.
        </p>
      ) : page.exitPrompt === "flytt" && participant.id ? (
        <p className="alert alert--warning" role="note">
          Har {participant.pseudonym} inget mer stöd från er?{" "}
          <Link to={`/coach/deltagare/${participant.id}/utfall`}>Registrera avslutet</Link> med sysselsättning och
          försörjning.
        </p>
      ) : null}

      <ErrorSummary
        message={
          actionData && actionData.intent !== "message"
            ? (actionData.message ?? "Det gick inte att spara. Rätta det som är markerat.")
            : null
        }
      />

      <div className="grid grid--home">
        <section className="panel" aria-labelledby="facts-title">
          <h2 id="facts-title">Placeringen</h2>
          <PlacementFacts placement={placement} pseudonym={participant.pseudonym} />
          {participant.id ? (
            <p>
              <Link to={`/coach/deltagare/${participant.id}`}>Deltagarens sida</Link>
              {participant.phase ? <span className="muted"> · Fas: {phases.label(participant.phase)}</span> : null}
            </p>
          ) : null}
        </section>
        <section className="panel" aria-labelledby="plan-title">
          <h2 id="plan-title">Stödplan</h2>
          <SupportPlanSummary placement={placement} />
          {!ended ? (
            <Form method="post" className="form" noValidate>
              <input type="hidden" name="intent" value="checkin" />
              <Field
                label="Datum för uppföljningen"
                name="date"
                hint="I dag, eller ett tidigare datum om du registrerar i efterhand."
                errors={errorsFor("checkin")?.date}
                inputProps={{
                  type: "date",
                  max: page.today,
                  defaultValue: kept(valuesFor("checkin"), "date", page.today),
                }}
              />
              <TextareaField
                label="Anteckning från uppföljningen (valfritt)"
                name="notes"
                errors={errorsFor("checkin")?.notes}
                textareaProps={{ rows: 2, defaultValue: kept(valuesFor("checkin"), "notes") ?? undefined }}
              />
              <button type="submit" className="button button--secondary" aria-disabled={busy || undefined}>
                Registrera uppföljningen
              </button>
            </Form>
          ) : null}
        </section>
      </div>

      <CoachEmployerSupport placementId={placement.id} {...page.extras} />

      {!ended ? (
        <details className="panel" open={actionData?.intent === "plan"}>
          <summary>Ändra stödplanen</summary>
          <Form method="post" className="form" noValidate>
            <input type="hidden" name="intent" value="plan" />
            <SelectField
              label="Var i stödet är ni?"
              name="status"
              options={statusOptions}
              errors={errorsFor("plan")?.status}
              selectProps={{ defaultValue: kept(valuesFor("plan"), "status", placement.status) }}
            />
            <SelectField
              label="Hur ofta följer ni upp?"
              name="supportIntensity"
              options={supportIntensities.options}
              hint="Stödet glesas ut när det fungerar: varje vecka, varannan vecka, en gång i månaden, vid behov."
              errors={errorsFor("plan")?.supportIntensity}
              selectProps={{ defaultValue: kept(valuesFor("plan"), "supportIntensity", placement.supportIntensity) }}
            />
            <Field
              label="Nästa uppföljning"
              name="nextCheckIn"
              hint="Lämna tomt om ni följer upp vid behov."
              errors={errorsFor("plan")?.nextCheckIn}
              inputProps={{
                type: "date",
                defaultValue: kept(
                  valuesFor("plan"),
                  "nextCheckIn",
                  placement.nextCheckInAt ? dayKey(placement.nextCheckInAt) : "",
                ),
              }}
            />
            <button type="submit" className="button" aria-disabled={busy || undefined}>
              Spara stödplanen
            </button>
          </Form>
        </details>
      ) : null}

      {practice && !ended ? (
        <details className="panel" open={actionData?.intent === "extend" || placement.flags.decisionDue}>
          <summary>Förläng praktiken</summary>
          <p>
            En praktik kan förlängas till högst sex månader från starten
            {placement.flags.maxEndDate ? `, alltså till ${placement.flags.maxEndDate}` : ""}. Blir det en anställning:
            lägg upp anställningen som annons för arbetsgivarens räkning och föreslå deltagaren, så följer stödet med.
          </p>
          <Form method="post" className="form" noValidate>
            <input type="hidden" name="intent" value="extend" />
            <Field
              label="Nytt slutdatum"
              name="newEndDate"
              errors={errorsFor("extend")?.newEndDate}
              inputProps={{ type: "date", defaultValue: kept(valuesFor("extend"), "newEndDate", "") }}
            />
            <button type="submit" className="button" aria-disabled={busy || undefined}>
              Förläng
            </button>
          </Form>
        </details>
      ) : null}

      <ResponseStatus
        status={page.thread.status}
        waitingSince={page.waitingSince}
        lastAnswer={page.lastAnswer}
        now={page.now}
      />
      <PlacementThread
        formKey={page.formKey}
        messages={page.messages}
        viewerSide="staff"
        sideLabels={{ employer: placement.opening.employerName, staff: "Coach" }}
        unreadCount={page.unreadCount}
        status={page.thread.status}
        errors={errorsFor("message")}
        formError={messageFor("message")}
        defaults={{
          body: kept(valuesFor("message"), "body") ?? undefined,
          shared: kept(valuesFor("message"), "shared") === "on",
        }}
        busy={busy}
        closedText="Stödet är avslutat och konversationen stängd."
        hint="Arbetsgivaren får ett mejl enligt sina inställningar. Skriv inga hälsouppgifter."
      />

      <section aria-labelledby="meetings-title">
        <h2 id="meetings-title">Uppföljningar och trepartssamtal</h2>
        {!ended ? (
          <p>
            <Link to={supportPaths.coachMeetingNew(placement.id)} className="button">
              Boka möte
            </Link>
          </p>
        ) : null}
        <MeetingList meetings={page.meetings} link={(id) => supportPaths.coachMeeting(placement.id, id)} />
      </section>

      {!ended ? (
        <details className="panel" open={actionData?.intent === "end"}>
          <summary>Avsluta stödet</summary>
          <p>
            När stödet inte behövs längre, eller placeringen tar slut. Konversationen stängs och planerade möten ställs
            in.
          </p>
          <Form method="post" className="form" noValidate>
            <input type="hidden" name="intent" value="end" />
            <SelectField
              label="Varför avslutas stödet?"
              name="reason"
              placeholder="Välj …"
              options={placementEndReasons.options}
              errors={errorsFor("end")?.reason}
              selectProps={{ defaultValue: kept(valuesFor("end"), "reason", "") }}
            />
            <Field
              label="Slutdatum"
              name="endDate"
              errors={errorsFor("end")?.endDate}
              inputProps={{ type: "date", defaultValue: kept(valuesFor("end"), "endDate", page.today) }}
            />
            <button type="submit" className="button button--danger" aria-disabled={busy || undefined}>
              Avsluta stödet
            </button>
          </Form>
        </details>
      ) : null}
    </>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
