// Reverse matching (docs/product-rules.md#match-lists, #matching): for one opening, the ranked participants of the coach's own
// organisation, computed in application code (participant data never enters the search engine),
// with score and reasons; propose or shortlist from here. Each participant shown is audited.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { ActionError } from "~/components/forms.tsx";
import { ProposalStatusBadge, ProposeForm, ReasonList } from "~/components/proposal-parts.tsx";
import { coachProposalPath, isOpenStatus, proposalNoteField } from "~/domain/proposals.ts";
import { openingKinds } from "~/domain/vocab/openings.ts";
import { phases } from "~/domain/vocab/participants.ts";
import { requireOrgStaff } from "~/utils/auth.server.ts";
import { notFound } from "~/utils/responses.server.ts";
import { db } from "~/utils/db.server.ts";
import { actOnPair, auditReverseMatchViews, latestProposalsForOpening } from "~/utils/match-pairs.server.ts";
import { matchParticipantsForOpening } from "~/utils/matching.server.ts";
import { requireOrgParticipant } from "~/utils/participants.server.ts";
import { clientIp } from "~/utils/rate-limit.server.ts";
import { isShortlisted, readShortlist } from "~/utils/shortlist.server.ts";
import { redirectWithNotice, samePage } from "~/utils/notice.server.ts";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Deltagare som matchar ${data?.opening.title ?? "annonsen"} – Brygga` },
];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireOrgStaff(request);
  const mineOnly = new URL(request.url).searchParams.get("vem") !== "alla";
  // 404 for an unknown opening or another organisation's draft (checked by the matching service).
  const matches = await matchParticipantsForOpening(params.openingId ?? "", {
    organizationId: user.organizationId,
    limit: 50,
  });
  const opening = await db.opening.findUniqueOrThrow({
    where: { id: params.openingId },
    select: {
      id: true,
      title: true,
      kind: true,
      status: true,
      employer: { select: { name: true } },
      workplace: { select: { municipality: { select: { name: true } } } },
    },
  });
  const ids = matches.map((m) => m.participantId);
  const [caseload, latest, shortlist] = await Promise.all([
    db.participant.findMany({ where: { id: { in: ids }, coachId: user.id }, select: { id: true } }),
    latestProposalsForOpening(opening.id, ids),
    readShortlist(request, user.id),
  ]);
  const mine = new Set(caseload.map((p) => p.id));
  const shown = matches.filter((m) => !mineOnly || mine.has(m.participantId)).slice(0, 20);
  await auditReverseMatchViews(
    user,
    shown.map((m) => m.participantId),
    opening.title,
    clientIp(context),
  );
  return {
    opening: {
      id: opening.id,
      title: opening.title,
      kind: opening.kind,
      status: opening.status,
      employerName: opening.employer.name,
      municipalityName: opening.workplace.municipality.name,
    },
    mineOnly,
    othersCount: matches.filter((m) => !mine.has(m.participantId)).length,
    matches: shown.map((m) => ({
      ...m,
      mine: mine.has(m.participantId),
      proposal: latest.get(m.participantId) ?? null,
      shortlisted: isShortlisted(shortlist, { participantId: m.participantId, openingId: opening.id }),
    })),
  };
}

const PairSchema = z.object({
  intent: z.enum(["propose", "shortlist_add", "shortlist_remove"], { error: "Okänd åtgärd." }),
  participantId: z
    .string({ error: "Välj en deltagare." })
    .trim()
    .min(1, "Välj en deltagare.")
    .max(64, "Välj en deltagare."),
  note: proposalNoteField,
});

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireOrgStaff(request);
  const opening = await db.opening.findUnique({
    where: { id: params.openingId ?? "" },
    select: { id: true, status: true, employer: { select: { organizationId: true } } },
  });
  if (!opening || (opening.status === "draft" && opening.employer.organizationId !== user.organizationId))
    notFound("Annonsen finns inte.");
  const form = PairSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!form.success)
    return data({ ok: false as const, message: form.error.issues[0]?.message ?? "Ogiltig åtgärd." }, { status: 400 });
  const participant = await requireOrgParticipant(form.data.participantId, user.organizationId);
  const result = await actOnPair(
    request,
    user,
    form.data.intent,
    { participantId: participant.id, openingId: opening.id },
    {
      shortlistedMessage: `${participant.pseudonym} ligger nu i kortlistan.`,
      ip: clientIp(context),
      note: form.data.note,
    },
  );
  if (!result.ok) return data({ ok: false as const, message: result.message }, { status: result.status });
  throw await redirectWithNotice(samePage(request), result.message, {
    ...(result.proposalId ? { link: { to: coachProposalPath(result.proposalId), text: "Öppna förslaget" } } : {}),
    headers: { "Set-Cookie": result.cookie },
  });
}

export default function OpeningMatches() {
  const { opening, matches, mineOnly, othersCount } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const busy = navigation.state !== "idle";
  return (
    <>
      <p className="breadcrumb">
        <Link to={`/uppdrag/${opening.id}`}>← Till annonsen</Link>
      </p>
      <h1>Deltagare som matchar {opening.title}</h1>
      <p className="muted">
        {opening.employerName} · {opening.municipalityName} · {openingKinds.label(opening.kind)}. Bara deltagare i din
        organisation som klarar alla sina hårda regler visas.
      </p>
      <ActionError result={actionData} />
      <p>
        {mineOnly ? (
          <>
            Visar dina deltagare.{" "}
            <Link to="?vem=alla">Visa hela organisationens{othersCount ? ` (${othersCount} till)` : ""}</Link>
          </>
        ) : (
          <>
            Visar hela organisationens deltagare. <Link to=".">Visa bara mina</Link>
          </>
        )}
      </p>
      {matches.length === 0 ? (
        <p>Ingen deltagare matchar annonsen just nu.</p>
      ) : (
        <ol className="match-list">
          {matches.map((m) => {
            const open = m.proposal && isOpenStatus(m.proposal.status);
            return (
              <li key={m.participantId} className="panel match">
                <div className="match__head">
                  <h2 className="match__title">
                    <Link to={`/coach/deltagare/${m.participantId}`}>{m.pseudonym}</Link>
                  </h2>
                  <p className="match__score" aria-label={`${m.score} poäng av 100`}>
                    <strong>{m.score}</strong> <span className="muted">/ 100</span>
                  </p>
                </div>
                <p className="muted">
                  {phases.label(m.phase)} ·{" "}
                  {m.distanceKm === null ? "avstånd okänt" : `${String(m.distanceKm).replace(".", ",")} km`}
                  {m.mine ? "" : " · en kollegas deltagare"}
                </p>
                <ReasonList reasons={m.reasons} label={`Skäl för ${m.pseudonym}`} />
                <div className="button-row">
                  {m.proposal ? (
                    <p>
                      <ProposalStatusBadge status={m.proposal.status} />{" "}
                      <Link to={coachProposalPath(m.proposal.id)}>
                        Öppna förslaget<span className="visually-hidden"> för {m.pseudonym}</span>
                      </Link>
                    </p>
                  ) : null}
                  {!open ? (
                    <>
                      <ProposeForm
                        hidden={{ participantId: m.participantId }}
                        label={`för ${m.pseudonym}`}
                        forWhom={m.pseudonym}
                        busy={busy}
                      />
                      <Form method="post">
                        <input type="hidden" name="participantId" value={m.participantId} />
                        <button
                          type="submit"
                          name="intent"
                          value={m.shortlisted ? "shortlist_remove" : "shortlist_add"}
                          className="button button--secondary"
                          aria-disabled={busy || undefined}
                        >
                          {m.shortlisted ? "Ta bort från kortlistan" : "Lägg i kortlistan"}
                          <span className="visually-hidden"> {m.pseudonym}</span>
                        </button>
                      </Form>
                    </>
                  ) : null}
                </div>
              </li>
            );
          })}
        </ol>
      )}
    </>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
