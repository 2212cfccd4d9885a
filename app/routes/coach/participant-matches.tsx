// "Matchningar" for one participant (docs/product-rules.md#match-lists, #matching): ranked openings with score, reasons and
// distance; the coach's filters (kind, max distance, hours — validated, a bad value is a 400 with
// the message next to the field); "varför inte?" for an opening the coach expected (by title, link
// or id), naming the hard rule that excludes it; and shortlist / propose. Every view is audited.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { ChoiceGroup } from "~/components/form-controls.tsx";
import { ActionError, ErrorSummary, Field } from "~/components/forms.tsx";
import { ProposalStatusBadge, ReasonList } from "~/components/proposal-parts.tsx";
import { MATCH_FILTER_LIMITS, matchFilterValues, parseMatchFilters } from "~/domain/matching/filters.ts";
import { coachProposalPath, isOpenStatus } from "~/domain/proposals.ts";
import { openingKinds } from "~/domain/vocab/openings.ts";
import { audit } from "~/utils/audit.server.ts";
import { requireOrgStaff } from "~/utils/auth.server.ts";
import { db } from "~/utils/db.server.ts";
import { actOnPair, latestProposalsForParticipant } from "~/utils/match-pairs.server.ts";
import { matchOpeningsForParticipant, whyNot, type OpeningMatch, type WhyNot } from "~/utils/matching.server.ts";
import { requireOrgParticipant } from "~/utils/participants.server.ts";
import { resolveOpeningReference, type OpeningChoice } from "~/utils/proposals.server.ts";
import { clientIp } from "~/utils/rate-limit.server.ts";
import { isShortlisted, readShortlist } from "~/utils/shortlist.server.ts";
import { redirectWithNotice, samePage } from "~/utils/notice.server.ts";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Matchningar för ${data?.participant.pseudonym ?? "deltagare"} – Brygga` },
];

type WhyNotView =
  | { state: "choices"; query: string; choices: OpeningChoice[] }
  | { state: "message"; query: string; message: string }
  | { state: "result"; query: string; opening: { id: string; title: string; employerName: string }; result: WhyNot };

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireOrgStaff(request);
  const participant = await requireOrgParticipant(params.participantId, user.organizationId);
  const url = new URL(request.url);
  const values = matchFilterValues(url.searchParams);
  const parsed = parseMatchFilters(values);
  let status = parsed.ok ? 200 : 400;

  const matches: OpeningMatch[] = parsed.ok
    ? await matchOpeningsForParticipant(participant.id, {
        organizationId: user.organizationId,
        filters: parsed.data,
        limit: 20,
      })
    : [];

  // "Varför inte?"
  const query = (url.searchParams.get("varfor") ?? "").trim();
  let why: WhyNotView | null = null;
  if (query) {
    const ref = await resolveOpeningReference(query, user.organizationId);
    if (ref.kind === "found") {
      const opening = await db.opening.findUniqueOrThrow({
        where: { id: ref.openingId },
        select: { id: true, title: true, employer: { select: { name: true } } },
      });
      const result = await whyNot(participant.id, opening.id, { organizationId: user.organizationId });
      why = {
        state: "result",
        query,
        opening: { id: opening.id, title: opening.title, employerName: opening.employer.name },
        result,
      };
    } else if (ref.kind === "choices") {
      why = { state: "choices", query, choices: ref.choices };
    } else {
      why = { state: "message", query, message: ref.message };
      if (ref.kind === "unknown") status = 400;
    }
  }

  const [latest, shortlist] = await Promise.all([
    latestProposalsForParticipant(participant.id),
    readShortlist(request, user.id),
  ]);
  const mine = shortlist.filter((e) => e.participantId === participant.id);
  const shortlistOpenings = mine.length
    ? await db.opening
        .findMany({
          // By primary key only, the status checked here (issue 16: a planner without statistics
          // would otherwise walk the status index through every published opening).
          where: { id: { in: mine.map((e) => e.openingId) } },
          select: { id: true, status: true, title: true, employer: { select: { name: true } } },
        })
        .then((rows) => rows.filter((o) => o.status === "published"))
    : [];

  await audit(db, {
    actorId: user.id,
    participantId: participant.id,
    action: "read",
    entity: "matches",
    detail: [
      parsed.ok ? `${matches.length} träffar` : "ogiltiga filter",
      why?.state === "result" ? `varför inte: ${why.opening.title}` : null,
    ]
      .filter(Boolean)
      .join("; "),
    ip: clientIp(context),
  });

  return data(
    {
      participant: { id: participant.id, pseudonym: participant.pseudonym, phase: participant.phase },
      filterValues: values,
      filterErrors: parsed.ok ? {} : parsed.errors,
      filterMessage: parsed.ok ? null : parsed.message,
      matches: matches.map((m) => ({
        ...m,
        proposal: latest.get(m.openingId) ?? null,
        shortlisted: isShortlisted(shortlist, { participantId: participant.id, openingId: m.openingId }),
      })),
      why: why ? { ...why, proposal: why.state === "result" ? (latest.get(why.opening.id) ?? null) : null } : null,
      shortlist: shortlistOpenings.map((o) => ({
        id: o.id,
        title: o.title,
        employerName: o.employer.name,
        proposal: latest.get(o.id) ?? null,
      })),
    },
    { status },
  );
}

const PairSchema = z.object({
  intent: z.enum(["propose", "shortlist_add", "shortlist_remove"], { error: "Okänd åtgärd." }),
  openingId: z.string({ error: "Välj en annons." }).trim().min(1, "Välj en annons.").max(64, "Välj en annons."),
});

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireOrgStaff(request);
  const participant = await requireOrgParticipant(params.participantId, user.organizationId);
  const form = PairSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!form.success)
    return data({ ok: false as const, message: form.error.issues[0]?.message ?? "Ogiltig åtgärd." }, { status: 400 });
  const { intent, openingId } = form.data;
  let title = "";
  if (intent === "shortlist_add" || intent === "shortlist_remove") {
    const exists = await db.opening.findFirst({
      where: { id: openingId, status: "published" },
      select: { title: true },
    });
    if (!exists && intent === "shortlist_add")
      return data({ ok: false as const, message: "Annonsen finns inte." }, { status: 400 });
    title = exists?.title ?? "";
  }
  const result = await actOnPair(
    request,
    user,
    intent,
    { participantId: participant.id, openingId },
    { shortlistedMessage: `”${title}” ligger nu i kortlistan.`, ip: clientIp(context) },
  );
  if (!result.ok) return data({ ok: false as const, message: result.message }, { status: result.status });
  throw await redirectWithNotice(samePage(request), result.message, {
    ...(result.proposalId ? { link: { to: coachProposalPath(result.proposalId), text: "Öppna förslaget" } } : {}),
    headers: { "Set-Cookie": result.cookie },
  });
}

function PairActions({
  openingId,
  proposal,
  shortlisted,
  busy,
  title,
}: {
  openingId: string;
  proposal: { id: string; status: string } | null;
  shortlisted?: boolean;
  busy: boolean;
  title: string;
}) {
  const open = proposal && isOpenStatus(proposal.status);
  return (
    <div className="button-row">
      {proposal ? (
        <p>
          <ProposalStatusBadge status={proposal.status} />{" "}
          <Link to={coachProposalPath(proposal.id)}>
            Öppna förslaget<span className="visually-hidden"> om {title}</span>
          </Link>
        </p>
      ) : null}
      {!open ? (
        <Form method="post">
          <input type="hidden" name="openingId" value={openingId} />
          <button type="submit" name="intent" value="propose" className="button" disabled={busy}>
            Föreslå<span className="visually-hidden"> {title}</span>
          </button>
        </Form>
      ) : null}
      {!open && shortlisted !== undefined ? (
        <Form method="post">
          <input type="hidden" name="openingId" value={openingId} />
          <button
            type="submit"
            name="intent"
            value={shortlisted ? "shortlist_remove" : "shortlist_add"}
            className="button button--secondary"
            disabled={busy}
          >
            {shortlisted ? "Ta bort från kortlistan" : "Lägg i kortlistan"}
            <span className="visually-hidden"> {title}</span>
          </button>
        </Form>
      ) : null}
    </div>
  );
}

function km(distance: number | null) {
  return distance === null ? "avstånd okänt" : `${String(distance).replace(".", ",")} km`;
}

export default function ParticipantMatches() {
  const { participant, filterValues, filterErrors, filterMessage, matches, why, shortlist } =
    useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const busy = navigation.state !== "idle";
  const errors = filterErrors as Record<string, string[] | undefined>;
  const kinds = Array.isArray(filterValues.kinds) ? filterValues.kinds : filterValues.kinds ? [filterValues.kinds] : [];
  const one = (v: string | string[] | undefined) => (Array.isArray(v) ? (v[0] ?? "") : (v ?? ""));

  return (
    <>
      <p className="breadcrumb">
        <Link to={`/coach/deltagare/${participant.id}`}>← Till {participant.pseudonym}</Link>
      </p>
      <h1>Matchningar för {participant.pseudonym}</h1>
      <p className="muted">
        Annonser som klarar alla deltagarens hårda regler (mål, resväg, arbetstid, ”aldrig”, anpassningar som måste
        finnas), bäst först. <Link to="/coach/forslag">Alla förslag</Link>
      </p>
      <ActionError result={actionData} />

      <section className="panel" aria-labelledby="filters-title">
        <h2 id="filters-title">Filter</h2>
        <ErrorSummary message={filterMessage} />
        <Form method="get" className="stack" noValidate>
          <ChoiceGroup
            type="checkbox"
            legend="Typ av annons"
            name="kinds"
            options={openingKinds.options}
            defaultValue={kinds}
            errors={errors.kinds}
            columns
          />
          <div className="inline-fields">
            <Field
              label="Högst avstånd (km)"
              name="maxDistanceKm"
              errors={errors.maxDistanceKm}
              inputProps={{ inputMode: "decimal", defaultValue: one(filterValues.maxDistanceKm), size: 6 }}
              hint={`${MATCH_FILTER_LIMITS.distanceKm.min}–${MATCH_FILTER_LIMITS.distanceKm.max} km`}
            />
            <Field
              label="Timmar per vecka, minst"
              name="hoursMin"
              errors={errors.hoursMin}
              inputProps={{ inputMode: "numeric", defaultValue: one(filterValues.hoursMin), size: 4 }}
            />
            <Field
              label="Timmar per vecka, högst"
              name="hoursMax"
              errors={errors.hoursMax}
              inputProps={{ inputMode: "numeric", defaultValue: one(filterValues.hoursMax), size: 4 }}
            />
          </div>
          <div className="button-row">
            <button type="submit" className="button">
              Visa matchningar
            </button>
            <Link to="." className="button button--secondary">
              Rensa filter
            </Link>
          </div>
        </Form>
      </section>

      <section aria-labelledby="results-title">
        <h2 id="results-title">
          Bäst matchande annonser {filterMessage ? null : <span className="muted">({matches.length})</span>}
        </h2>
        {filterMessage ? (
          <p>Rätta filtret ovan för att se matchningar.</p>
        ) : matches.length === 0 ? (
          <p>
            Inga annonser klarar deltagarens hårda regler med de här filtren. Prova ”Varför inte?” nedan för en annons
            du hade väntat dig.
          </p>
        ) : (
          <ol className="match-list">
            {matches.map((m) => (
              <li key={m.openingId} className="panel match">
                <div className="match__head">
                  <h3 className="match__title">
                    <Link to={`/uppdrag/${m.openingId}`}>{m.title}</Link>
                  </h3>
                  <p className="match__score" aria-label={`${m.score} poäng av 100`}>
                    <strong>{m.score}</strong> <span className="muted">/ 100</span>
                  </p>
                </div>
                <p className="muted">
                  {m.employerName} · {m.municipalityName} · {openingKinds.label(m.kind)} · {km(m.distanceKm)}
                </p>
                <ReasonList reasons={m.reasons} label={`Skäl för ${m.title}`} />
                <PairActions
                  openingId={m.openingId}
                  proposal={m.proposal}
                  shortlisted={m.shortlisted}
                  busy={busy}
                  title={m.title}
                />
              </li>
            ))}
          </ol>
        )}
      </section>

      <section className="panel" aria-labelledby="shortlist-title">
        <h2 id="shortlist-title">Kortlista för {participant.pseudonym}</h2>
        {shortlist.length === 0 ? (
          <p>Kortlistan är tom. Lägg annonser här för att tänka på dem innan du föreslår. Bara du ser kortlistan.</p>
        ) : (
          <ul className="plain-list stack">
            {shortlist.map((s) => (
              <li key={s.id}>
                <Link to={`/uppdrag/${s.id}`}>{s.title}</Link> <span className="muted">– {s.employerName}</span>
                <PairActions openingId={s.id} proposal={s.proposal} shortlisted busy={busy} title={s.title} />
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="panel" aria-labelledby="why-title">
        <h2 id="why-title">Varför inte?</h2>
        <p>
          Saknar du en annons du hade väntat dig? Sök på rubriken eller klistra in länken till annonsen, så ser du
          vilken regel som stoppar den.
        </p>
        <Form method="get" className="stack" noValidate>
          {kinds.map((k) => (
            <input key={k} type="hidden" name="kinds" value={k} />
          ))}
          {(["maxDistanceKm", "hoursMin", "hoursMax"] as const).map((name) =>
            one(filterValues[name]) ? (
              <input key={name} type="hidden" name={name} value={one(filterValues[name])} />
            ) : null,
          )}
          <Field
            label="Annons: rubrik, länk eller id"
            name="varfor"
            errors={why?.state === "message" ? [why.message] : undefined}
            inputProps={{ defaultValue: why?.query ?? "", type: "search" }}
          />
          <button type="submit" className="button button--secondary">
            Förklara
          </button>
        </Form>
        {why?.state === "choices" ? (
          <>
            <h3>Vilken annons menar du?</h3>
            <ul>
              {why.choices.map((c) => {
                const params = new URLSearchParams();
                for (const k of kinds) params.append("kinds", k);
                for (const name of ["maxDistanceKm", "hoursMin", "hoursMax"] as const)
                  if (one(filterValues[name])) params.set(name, one(filterValues[name]));
                params.set("varfor", c.id);
                return (
                  <li key={c.id}>
                    <Link to={`?${params}`}>{c.title}</Link>{" "}
                    <span className="muted">
                      – {c.employerName}, {c.municipalityName}
                    </span>
                  </li>
                );
              })}
            </ul>
          </>
        ) : null}
        {why?.state === "result" ? (
          <div className="why-result" aria-live="polite">
            <h3>
              <Link to={`/uppdrag/${why.opening.id}`}>{why.opening.title}</Link>{" "}
              <span className="muted">– {why.opening.employerName}</span>
            </h3>
            {why.result.ok ? (
              <>
                <p className="alert alert--success">
                  Ingen hård regel stoppar annonsen. Den får {why.result.score} poäng av 100 (
                  {km(why.result.distanceKm)}). Den kan ligga längre ner än de 20 bästa, eller stoppas av dina filter.
                </p>
                <ReasonList reasons={why.result.reasons} label={`Skäl för ${why.opening.title}`} />
                <PairActions openingId={why.opening.id} proposal={why.proposal} busy={busy} title={why.opening.title} />
              </>
            ) : (
              <>
                <p>
                  <strong>
                    Annonsen visas inte för {participant.pseudonym} på grund av{" "}
                    {why.result.failures.length === 1 ? "den här regeln" : "de här reglerna"}:
                  </strong>
                </p>
                <ul className="rule-list">
                  {why.result.failures.map((f) => (
                    <li key={f.code}>{f.text}</li>
                  ))}
                </ul>
                <p className="muted">
                  Hårda regler bryts aldrig. Ändra profilen tillsammans med deltagaren om något inte stämmer längre.
                </p>
              </>
            )}
          </div>
        ) : null}
      </section>
    </>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
