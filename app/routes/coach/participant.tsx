// A participant's page for the coach: status, phase history, contacts, the four-week target for the
// first employer contact, consents, the participant's comments on the profile (with answers), and
// links to the profile editor, export and erasure. Every view and change is audited.
import { currentTime } from "~/utils/clock.server.ts";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { kept, SelectField } from "~/components/form-controls.tsx";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { ErrorSummary, Field } from "~/components/forms.tsx";
import { FirstContactBadge } from "~/components/first-contact-badge.tsx";
import {
  ConsentPanel,
  EmployerContactList,
  ParticipantFacts,
  PhaseHistory,
  ProfileChecklist,
  ProfileComments,
} from "~/components/participant-record.tsx";
import { consentChangeError, dateAtNoonField, notInFuture, optionalDateAtNoonField } from "~/domain/enrolment.ts";
import { placementStatuses } from "~/domain/placements.ts";
import { openingKinds } from "~/domain/vocab/openings.ts";
import { consentScopes, phases } from "~/domain/vocab/participants.ts";
import { requireOrgStaff } from "~/utils/auth.server.ts";
import { formValues, parseWith } from "~/domain/forms.ts";
import {
  loadParticipantPage,
  recordConsentChange,
  recordParticipantContact,
  replyToProfileComment,
  setParticipantPhase,
} from "~/utils/participant-record.server.ts";
import { requireOrgParticipant } from "~/utils/participants.server.ts";
import { clientIp } from "~/utils/rate-limit.server.ts";
import { dayKey, formatDate } from "~/domain/swedish-time.ts";
import { redirectWithNotice, samePage } from "~/utils/notice.server.ts";
import { countSv, NOUNS } from "~/domain/swedish.ts";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.participant.pseudonym ?? "Deltagare"} – Brygga` },
];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireOrgStaff(request);
  const found = await requireOrgParticipant(params.participantId, user.organizationId);
  const page = await loadParticipantPage(user, found.id, clientIp(context));
  return { isAdmin: user.role === "admin", today: dayKey(currentTime()), ...page };
}

const PhaseSchema = z.object({ toPhase: phases.schema.refine(Boolean, "Välj en fas.") });
const ContactSchema = z
  .object({
    lastContactAt: dateAtNoonField("datum för senaste kontakt"),
    nextContactAt: optionalDateAtNoonField("datum för nästa kontakt"),
  })
  .superRefine((v, ctx) => {
    if (!notInFuture(v.lastContactAt))
      ctx.addIssue({ code: "custom", path: ["lastContactAt"], message: "Senaste kontakt kan inte vara i framtiden." });
    if (v.nextContactAt && dayKey(v.nextContactAt) < dayKey(currentTime()))
      ctx.addIssue({ code: "custom", path: ["nextContactAt"], message: "Nästa kontakt kan inte vara bakåt i tiden." });
  });
const ReplySchema = z.object({
  replyToId: z.string().min(1),
  body: z
    .string({ error: "Skriv ett svar." })
    .trim()
    .min(1, "Skriv ett svar.")
    .max(2000, "Svaret får vara högst 2000 tecken."),
});
const ConsentSchema = z.object({
  scope: consentScopes.schema,
  given: z.enum(["yes", "no"], { error: "Välj ja eller nej." }),
  date: dateAtNoonField("datum").refine((d) => notInFuture(d), "Datumet kan inte vara i framtiden."),
});

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireOrgStaff(request);
  const participant = await requireOrgParticipant(params.participantId, user.organizationId);
  const values = formValues(await request.formData());
  const ip = clientIp(context);
  const here = samePage(request);
  const bad = (errors: Record<string, string[] | undefined>, intent: string) =>
    data({ ok: false as const, intent, errors, values }, { status: 400 });

  switch (values.intent) {
    case "phase": {
      const parsed = parseWith(PhaseSchema, values, values);
      if (!parsed.ok) return bad(parsed.errors, "phase");
      await setParticipantPhase(user, participant, parsed.data.toPhase, ip);
      throw await redirectWithNotice(here, `Fasen är nu ${phases.label(parsed.data.toPhase)}.`);
    }
    case "contact": {
      const parsed = parseWith(ContactSchema, values, values);
      if (!parsed.ok) return bad(parsed.errors, "contact");
      await recordParticipantContact(user, participant, parsed.data, ip);
      throw await redirectWithNotice(here, "Kontakten är sparad.");
    }
    case "reply": {
      const parsed = parseWith(ReplySchema, values, values);
      if (!parsed.ok) return bad(parsed.errors, "reply");
      if (!(await replyToProfileComment(user, participant, parsed.data, ip)))
        return bad({ body: ["Kommentaren finns inte längre."] }, "reply");
      throw await redirectWithNotice(here, "Ditt svar är skickat. Deltagaren ser det på sin profil.");
    }
    case "consent": {
      const parsed = parseWith(ConsentSchema, values, values);
      if (!parsed.ok) return bad(parsed.errors, "consent");
      const refused = consentChangeError(parsed.data);
      if (refused) return bad({ given: [refused] }, "consent");
      await recordConsentChange(user, participant, parsed.data, ip);
      throw await redirectWithNotice(here, "Samtycket är sparat.");
    }
    default:
      return bad({}, "unknown");
  }
}

export default function ParticipantPage() {
  const {
    participant: p,
    firstContact,
    consents,
    phaseChanges,
    comments,
    contacts,
    placements,
    sections,
    isAdmin,
    today,
  } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const errorsFor = (intent: string) => (actionData?.intent === intent ? actionData.errors : undefined);
  const valuesFor = (intent: string) => (actionData?.intent === intent ? actionData.values : undefined);
  const busy = navigation.state === "submitting";
  const form = { busy, errorsFor, valuesFor };

  return (
    <>
      <p>
        <Link to="/coach/deltagare">← Till mina deltagare</Link>
      </p>
      <h1>{p.pseudonym}</h1>
      <p className="muted">
        Fas: {phases.label(p.phase)} ({countSv(p.daysInPhase, NOUNS.day)}) · Inskriven {formatDate(p.enrolledAt)} ·
        Coach: {p.coach?.name ?? "ingen"}
      </p>
      {actionData ? <ErrorSummary message="Det gick inte att spara. Rätta det som är markerat." /> : null}

      <nav aria-label="Deltagarens sidor" className="subnav">
        <ul>
          <li>
            <Link to="yrkesprofil">Yrkesprofil</Link>
          </li>
          <li>
            <Link to="matchning">Matchningar</Link>
          </li>
          <li>
            <Link to={`/coach/forslag?deltagare=${p.id}`}>Förslag</Link>
          </li>
          <li>
            <Link to="utfall">Utfall och uppföljning</Link>
          </li>
          <li>
            <Link to="uppgifter">Ändra uppgifter</Link>
          </li>
          <li>
            <Link to={`/coach/kontakter?deltagare=${p.id}`}>Logga arbetsgivarkontakt</Link>
          </li>
          {!p.signsInWithEmail ? (
            <li>
              <Link to="inloggningskod">Skapa inloggningskod</Link>
            </li>
          ) : null}
          <li>
            <a href={`/coach/deltagare/${p.id}/export`} download>
              Exportera uppgifter (JSON)
            </a>
          </li>
          {isAdmin ? (
            <li>
              <Link to="radera">Radera uppgifter</Link>
            </li>
          ) : null}
        </ul>
      </nav>

      {placements.length > 0 ? (
        <section className="panel" aria-labelledby="placements-title">
          <h2 id="placements-title">Placeringar</h2>
          <ul>
            {placements.map((pl) => (
              <li key={pl.id}>
                <Link to={`/coach/placeringar/${pl.id}`}>
                  {pl.title}, {pl.employerName}
                </Link>{" "}
                <span className="muted">
                  ({openingKinds.label(pl.kind)}, {placementStatuses.label(pl.status)}, från {formatDate(pl.startDate)}
                  {pl.endDate ? ` till ${formatDate(pl.endDate)}` : ""})
                </span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <div className="grid">
        <section className="panel" aria-labelledby="first-contact-title">
          <h2 id="first-contact-title">Första arbetsgivarkontakt</h2>
          <p>
            <span lang="en">IPS</span>: inom 4 veckor från inskrivningen.
          </p>
          <FirstContactBadge status={firstContact} />
        </section>
        <section className="panel" aria-labelledby="contact-title">
          <h2 id="contact-title">Kontakt med deltagaren</h2>
          <p>
            Senaste: {p.lastContactAt ? formatDate(p.lastContactAt) : "ingen registrerad"}
            <br />
            Nästa planerade: {p.nextContactAt ? formatDate(p.nextContactAt) : "inte planerad"}
          </p>
          <Form method="post" className="stack" noValidate>
            <input type="hidden" name="intent" value="contact" />
            <Field
              label="Senaste kontakt"
              name="lastContactAt"
              errors={errorsFor("contact")?.lastContactAt}
              inputProps={{
                type: "date",
                max: today,
                defaultValue: kept(valuesFor("contact"), "lastContactAt", today),
              }}
            />
            <Field
              label="Nästa planerade kontakt"
              name="nextContactAt"
              errors={errorsFor("contact")?.nextContactAt}
              inputProps={{
                type: "date",
                min: today,
                defaultValue: kept(valuesFor("contact"), "nextContactAt", dayKey(p.nextContactAt)),
              }}
            />
            <button type="submit" className="button button--secondary" aria-disabled={busy || undefined}>
              Spara kontakt
            </button>
          </Form>
        </section>
        <section className="panel" aria-labelledby="phase-title">
          <h2 id="phase-title">Fas</h2>
          <p>
            <strong>{phases.label(p.phase)}</strong> sedan {formatDate(p.phaseChangedAt)}
          </p>
          <Form method="post" noValidate>
            <input type="hidden" name="intent" value="phase" />
            <SelectField
              label="Ny fas"
              name="toPhase"
              options={phases.options}
              errors={errorsFor("phase")?.toPhase}
              selectProps={{ defaultValue: p.phase }}
            />
            <button type="submit" className="button button--secondary" aria-disabled={busy || undefined}>
              Byt fas
            </button>
          </Form>
        </section>
      </div>

      <ProfileComments comments={comments} form={form} />

      <ProfileChecklist sections={sections} />

      <div className="grid">
        <ParticipantFacts participant={p} />
        <ConsentPanel consents={consents} today={today} form={form} />
      </div>

      <EmployerContactList pseudonym={p.pseudonym} contacts={contacts} />

      <PhaseHistory phaseChanges={phaseChanges} />
    </>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
