// "Utfall": a participant's outcome record for the coach (issue 7, docs/product-rules.md#outcomes) — the milestones
// derived from contacts, proposals and placements, occupation and income sources at start, the
// exit (date, reason, occupation and income sources at exit), and retention checks 3, 6 and 12
// months after the first employment. Every view and change is audited. The route parses, checks the
// organisation and calls the services in app/utils/outcomes.server.ts; the page's parts are in
// app/components/outcome-parts.tsx.
import { currentTime } from "~/utils/clock.server.ts";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import {
  ExitPanel,
  MilestonesPanel,
  NotCountedPanel,
  RetentionPanel,
  StartPanel,
} from "~/components/outcome-parts.tsx";
import { exitSchema, NotCountedSchema, retentionSchema } from "~/domain/outcomes.ts";
import { phases } from "~/domain/vocab/participants.ts";
import { requireOrgStaff } from "~/utils/auth.server.ts";
import { formValues, parseWith, type FieldErrors } from "~/domain/forms.ts";
import { loadOutcomePage, saveExit, saveRetention, setNotCounted } from "~/utils/outcomes.server.ts";
import { requireOrgParticipant } from "~/utils/participants.server.ts";
import { clientIp } from "~/utils/rate-limit.server.ts";
import { formatDate } from "~/domain/swedish-time.ts";
import { redirectWithNotice, samePage } from "~/utils/notice.server.ts";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Utfall för ${data?.participant.pseudonym ?? "deltagare"} – Brygga` },
];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireOrgStaff(request);
  const found = await requireOrgParticipant(params.participantId, user.organizationId);
  return loadOutcomePage(user, found.id, { ip: clientIp(context) });
}

const bad = (intent: string, errors: FieldErrors, values: Record<string, string | string[]>) =>
  data({ ok: false as const, intent, errors, values }, { status: 400 });

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireOrgStaff(request);
  const participant = await requireOrgParticipant(params.participantId, user.organizationId);
  const values = formValues(await request.formData());
  const here = samePage(request);
  const ip = clientIp(context);
  const now = currentTime();
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
      const parsed = parseWith(exitSchema(now), values, values);
      if (!parsed.ok) return bad("exit", parsed.errors, values);
      const saved = await saveExit(user, participant, parsed.data, { ip, now });
      if (!saved.ok) return bad("exit", saved.errors, values);
      throw await redirectWithNotice(here, "Avslutet är sparat. Deltagaren är nu avslutad.");
    }
    case "retention": {
      const parsed = parseWith(retentionSchema(now), values, values);
      if (!parsed.ok) return bad("retention", parsed.errors, values);
      const saved = await saveRetention(user, participant.id, parsed.data, { ip, now });
      if (!saved.ok) return bad("retention", saved.errors, values);
      throw await redirectWithNotice(here, `Uppföljningen efter ${parsed.data.months} månader är sparad.`);
    }
    default:
      return bad("unknown", {}, values);
  }
}

export default function OutcomePage() {
  const { participant: p, milestones, employment, exit, retention, today } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const failed = (intent: string) => (result && !result.ok && result.intent === intent ? result : undefined);
  const busy = navigation.state === "submitting";

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
        <MilestonesPanel participant={p} milestones={milestones} employment={employment} />
        <StartPanel participant={p} />
      </div>
      <NotCountedPanel participant={p} failed={failed("not-counted")} />
      <ExitPanel participant={p} exit={exit} today={today} failed={failed("exit")} busy={busy} />
      <RetentionPanel
        pseudonym={p.pseudonym}
        firstEmploymentAt={milestones.firstEmploymentAt}
        retention={retention}
        employment={employment}
        today={today}
        failed={failed("retention")}
        busy={busy}
      />
    </>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
