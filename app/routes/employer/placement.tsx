// A placement at the employer (issue 6): the participant as they chose to be shown (pseudonym and
// disclosed items only), the facts and the support plan, the named coach and how fast they usually
// answer, the support thread, and the meetings (three-party meetings with their notes and agreed
// actions).
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { kept } from "~/components/form-controls.tsx";
import { telHref } from "~/components/contact-card.tsx";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { MeetingList, PlacementFacts, PlacementThread, SupportPlanSummary } from "~/components/placement-parts.tsx";
import { PresentationView } from "~/components/proposal-parts.tsx";
import { ResponseStatus } from "~/components/thread-view.tsx";
import { EmployerSupportLinks } from "~/components/supervisor-guide.tsx";
import { placementMessageShape, supportPaths } from "~/domain/support.ts";
import { requireEmployerUser } from "~/utils/auth.server.ts";
import { parseFields } from "~/domain/form-rules.ts";
import { formValues, type FieldErrors } from "~/domain/forms.ts";
import { clientIp } from "~/utils/rate-limit.server.ts";
import { loadPlacementPage, postPlacementMessage, requirePlacement } from "~/utils/support.server.ts";
import { redirectWithNotice } from "~/utils/notice.server.ts";
import { placementSupportExtras } from "~/utils/supervisor-checklist.server.ts";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data ? `${data.participant.pseudonym} – ${data.placement.opening.title}` : "Placering"} – Brygga` },
];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireEmployerUser(request);
  const page = await loadPlacementPage(user, params.placementId, "employer", clientIp(context));
  // The participant's id stays on the server: only the checklist progress goes to the page.
  const placement = await requirePlacement(user, params.placementId, "employer");
  const extras = await placementSupportExtras(placement);
  return { ...page, extras };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireEmployerUser(request);
  const placement = await requirePlacement(user, params.placementId, "employer");
  const values = formValues(await request.formData());
  if (values.intent !== "message")
    return data({ errors: {} as FieldErrors, values, message: "Okänd åtgärd." }, { status: 400 });
  const form = parseFields(placementMessageShape, values);
  if (!form.ok) return data({ errors: form.errors, values, message: null as string | null }, { status: 400 });
  const result = await postPlacementMessage(user, placement, form.data);
  if (!result.ok) return data({ errors: {} as FieldErrors, values, message: result.message }, { status: 400 });
  throw await redirectWithNotice(supportPaths.employerPlacement(placement.id), "Meddelandet är skickat till coachen.");
}

export default function EmployerPlacement() {
  const page = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { placement, participant, coach } = page;
  return (
    <>
      <p className="breadcrumb">
        <Link to={supportPaths.employerPlacements}>← Placeringar</Link>
      </p>
      <h1>
        {participant.pseudonym} – {placement.opening.title}
      </h1>

      <div className="grid grid--home">
        <section className="panel" aria-labelledby="facts-title">
          <h2 id="facts-title">Placeringen</h2>
          <PlacementFacts placement={placement} pseudonym={participant.pseudonym} />
        </section>
        <section className="panel contact-card" aria-labelledby="coach-title">
          <h2 id="coach-title">Er coach</h2>
          {coach ? (
            <div className="stack">
              <p>
                <strong>{coach.name}</strong>
                {coach.title ? <span className="muted">, {coach.title}</span> : null}
              </p>
              {coach.phone ? (
                <p>
                  Telefon: <a href={telHref(coach.phone)}>{coach.phone}</a>
                </p>
              ) : null}
              {coach.email ? (
                <p>
                  E-post: <a href={`mailto:${coach.email}`}>{coach.email}</a>
                </p>
              ) : null}
              <p>
                {page.typicalResponse
                  ? `${coach.name} svarar oftast inom ${page.typicalResponse}.`
                  : "Skriv här nedanför eller ring – före, under och efter starten."}
              </p>
            </div>
          ) : (
            <p>Deltagaren har ingen coach just nu. Skriv här nedanför, så svarar någon av coacherna.</p>
          )}
        </section>
      </div>

      <section className="panel" aria-labelledby="plan-title">
        <h2 id="plan-title">Stödplan</h2>
        <SupportPlanSummary placement={placement} />
      </section>

      <EmployerSupportLinks placementId={placement.id} {...page.extras} />

      {page.presentation ? <PresentationView presentation={page.presentation} /> : null}

      <ResponseStatus
        status={page.thread.status}
        waitingSince={page.waitingSince}
        lastAnswer={page.lastAnswer}
        now={page.now}
      />
      <PlacementThread
        formKey={page.formKey}
        messages={page.messages}
        viewerSide="employer"
        sideLabels={{ employer: placement.opening.employerName, staff: "Coach" }}
        unreadCount={page.unreadCount}
        status={page.thread.status}
        errors={actionData?.errors}
        formError={actionData?.message ?? null}
        defaults={{
          body: kept(actionData?.values, "body") ?? undefined,
          shared: kept(actionData?.values, "shared") === "on",
        }}
        busy={navigation.state === "submitting"}
        closedText="Stödet är avslutat och konversationen stängd. Har ni frågor? Fråga coachen eller ring."
        hint="Coachen får ett mejl. Skriv inga personnummer eller hälsouppgifter."
      />

      <section aria-labelledby="meetings-title">
        <h2 id="meetings-title">Möten</h2>
        <p className="muted">
          Coachen bokar uppföljningar och trepartssamtal. Ni får en inbjudan med e-post som ni kan lägga i kalendern.
        </p>
        <MeetingList meetings={page.meetings} />
      </section>
    </>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
