// The coach's overview of proposals: what waits on the coach (present after a yes, follow up "vill
// veta mer", record the start after a study visit), on participants (with answers expiring soon),
// on employers (days since the presentation), the shortlist, and what ended lately. Mine by
// default (my caseload and proposals I made), or the whole organisation.
import { currentTime } from "~/utils/clock.server.ts";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { ActionError } from "~/components/forms.tsx";
import { ProposalStatusBadge, ProposeForm } from "~/components/proposal-parts.tsx";
import {
  coachProposalPath,
  daysLeft,
  EXPIRING_SOON_DAYS,
  isOpenStatus,
  OPEN_STATUSES,
  proposalNoteField,
  waitingOn,
  type WaitingOn,
} from "~/domain/proposals.ts";
import { requireOrgStaff } from "~/utils/auth.server.ts";
import { db, type Prisma } from "~/utils/db.server.ts";
import { requireOrgParticipant } from "~/utils/participants.server.ts";
import { createProposal, expireProposals } from "~/utils/proposals.server.ts";
import { clientIp } from "~/utils/rate-limit.server.ts";
import { readShortlist, removeFromShortlist } from "~/utils/shortlist.server.ts";
import { DAY_MS, daysBetween, formatDate, formatDateTime } from "~/domain/swedish-time.ts";
import { redirectWithNotice, samePage } from "~/utils/notice.server.ts";
import { countSv, NOUNS } from "~/domain/swedish.ts";
import { TableRegion } from "~/components/table-region.tsx";

export const meta: MetaFunction = () => [{ title: "Förslag – Brygga" }];

const RECENT_DAYS = 60;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireOrgStaff(request);
  const url = new URL(request.url);
  // One participant's proposals (from the participant's page), else mine or the whole organisation's.
  const only = url.searchParams.get("deltagare")
    ? await requireOrgParticipant(url.searchParams.get("deltagare")!, user.organizationId)
    : null;
  const all = only !== null || url.searchParams.get("vem") === "alla";
  const now = currentTime();
  await expireProposals(now, { participant: { organizationId: user.organizationId } });
  const where: Prisma.ProposalWhereInput = {
    participant: { organizationId: user.organizationId, erasedAt: null },
    ...(only ? { participantId: only.id } : {}),
    AND: [
      ...(all ? [] : [{ OR: [{ coachId: user.id }, { participant: { coachId: user.id } }] }]),
      {
        OR: [
          { status: { in: [...OPEN_STATUSES] } },
          { proposedAt: { gte: new Date(now.getTime() - RECENT_DAYS * DAY_MS) } },
        ],
      },
    ],
  };
  const rows = await db.proposal.findMany({
    where,
    orderBy: { proposedAt: "desc" },
    take: 500,
    select: {
      id: true,
      status: true,
      score: true,
      proposedAt: true,
      expiresAt: true,
      participantAnsweredAt: true,
      presentedAt: true,
      employerAnsweredAt: true,
      visitAt: true,
      participant: { select: { id: true, pseudonym: true } },
      opening: { select: { id: true, title: true, employer: { select: { name: true } } } },
      placement: { select: { id: true, startDate: true } },
    },
  });

  const view = rows.map((r) => {
    const hasPlacement = r.placement !== null;
    const since =
      r.status === "proposed"
        ? r.proposedAt
        : r.status === "more_info" || r.status === "accepted_by_participant"
          ? (r.participantAnsweredAt ?? r.proposedAt)
          : r.status === "presented"
            ? (r.presentedAt ?? r.proposedAt)
            : (r.employerAnsweredAt ?? r.participantAnsweredAt ?? r.proposedAt);
    const left = daysLeft(r, now);
    return {
      id: r.id,
      status: r.status,
      score: r.score,
      participant: r.participant,
      opening: { id: r.opening.id, title: r.opening.title, employerName: r.opening.employer.name },
      waitingOn: waitingOn({ status: r.status, hasPlacement }),
      since,
      daysWaiting: daysBetween(since, now),
      daysLeft: left,
      expiringSoon: left !== null && left <= EXPIRING_SOON_DAYS,
      visitAt: r.visitAt,
      startDate: r.placement?.startDate ?? null,
      open: isOpenStatus(r.status) && !hasPlacement,
    };
  });

  const shortlist = await readShortlist(request, user.id);
  const [slParticipants, slOpenings] = shortlist.length
    ? await Promise.all([
        db.participant.findMany({
          where: {
            id: { in: shortlist.map((s) => s.participantId) },
            organizationId: user.organizationId,
            erasedAt: null,
          },
          select: { id: true, pseudonym: true },
        }),
        db.opening
          .findMany({
            // By primary key only, the status checked here (issue 16: a planner without statistics
            // would otherwise walk the status index through every published opening).
            where: { id: { in: shortlist.map((s) => s.openingId) } },
            select: { id: true, status: true, title: true, employer: { select: { name: true } } },
          })
          .then((rows) => rows.filter((o) => o.status === "published")),
      ])
    : [[], []];
  const pById = new Map(slParticipants.map((p) => [p.id, p]));
  const oById = new Map(slOpenings.map((o) => [o.id, o]));

  const by = (w: WaitingOn) => view.filter((v) => v.open && v.waitingOn === w);
  return {
    all,
    only: only ? { id: only.id, pseudonym: only.pseudonym } : null,
    coach: by("coach"),
    participant: by("participant").sort((a, b) => (a.daysLeft ?? 99) - (b.daysLeft ?? 99)),
    employer: by("employer").sort((a, b) => b.daysWaiting - a.daysWaiting),
    closed: view.filter((v) => !v.open),
    shortlist: shortlist.flatMap((s) => {
      const p = pById.get(s.participantId);
      const o = oById.get(s.openingId);
      return p && o
        ? [{ participant: p, opening: { id: o.id, title: o.title, employerName: o.employer.name }, addedAt: s.addedAt }]
        : [];
    }),
  };
}

const ShortlistSchema = z.object({
  intent: z.enum(["propose", "shortlist_remove"], { error: "Okänd åtgärd." }),
  participantId: z.string().trim().min(1, "Välj en deltagare.").max(64),
  openingId: z.string().trim().min(1, "Välj en annons.").max(64),
  note: proposalNoteField,
});

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireOrgStaff(request);
  const form = ShortlistSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!form.success)
    return data({ ok: false as const, message: form.error.issues[0]?.message ?? "Ogiltig åtgärd." }, { status: 400 });
  const participant = await requireOrgParticipant(form.data.participantId, user.organizationId);
  const pair = { participantId: participant.id, openingId: form.data.openingId };
  const cookie = await removeFromShortlist(request, user.id, pair);
  if (form.data.intent === "shortlist_remove")
    throw await redirectWithNotice(samePage(request), "Borttagen från kortlistan.", {
      headers: { "Set-Cookie": cookie },
    });
  const result = await createProposal(user, { ...pair, note: form.data.note, ip: clientIp(context) });
  if (!result.ok) return data({ ok: false as const, message: result.message }, { status: result.status });
  throw await redirectWithNotice(samePage(request), result.message, {
    link: { to: coachProposalPath(result.id), text: "Öppna förslaget" },
    headers: { "Set-Cookie": cookie },
  });
}

type Row = Awaited<ReturnType<typeof loader>>["coach"][number];

function ProposalTable({
  rows,
  caption,
  columns,
}: {
  rows: Row[];
  caption: string;
  columns: "coach" | "participant" | "employer" | "closed";
}) {
  if (rows.length === 0) return <p>Inget här just nu.</p>;
  return (
    <TableRegion label={caption}>
      <table className="table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Deltagare</th>
            <th scope="col">Annons</th>
            <th scope="col">Status</th>
            <th scope="col">{columns === "participant" ? "Svar senast" : columns === "closed" ? "Datum" : "Väntat"}</th>
            <th scope="col">
              <span className="visually-hidden">Öppna</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id}>
              <td>
                <Link to={`/coach/deltagare/${r.participant.id}`}>{r.participant.pseudonym}</Link>
              </td>
              <td>
                <Link to={`/uppdrag/${r.opening.id}`}>{r.opening.title}</Link>
                <br />
                <span className="muted">{r.opening.employerName}</span>
              </td>
              <td>
                <ProposalStatusBadge status={r.status} />
                {r.visitAt && !r.startDate && r.status === "accepted_by_employer" ? (
                  <div className="muted">Studiebesök {formatDateTime(r.visitAt)}</div>
                ) : null}
                {r.startDate ? <div className="muted">Start {formatDate(r.startDate)}</div> : null}
              </td>
              <td>
                {columns === "participant" ? (
                  <>
                    {r.daysLeft === null ? "–" : r.daysLeft === 0 ? "i dag" : `om ${countSv(r.daysLeft, NOUNS.day)}`}
                    {r.expiringSoon ? <span className="badge badge--warning">Går snart ut</span> : null}
                  </>
                ) : columns === "closed" ? (
                  formatDate(r.since)
                ) : (
                  countSv(r.daysWaiting, NOUNS.day)
                )}
              </td>
              <td>
                <Link to={coachProposalPath(r.id)}>
                  Öppna
                  <span className="visually-hidden">
                    {" "}
                    förslaget {r.opening.title} för {r.participant.pseudonym}
                  </span>
                </Link>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableRegion>
  );
}

export default function CoachProposals() {
  const { all, only, coach, participant, employer, closed, shortlist } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const busy = navigation.state !== "idle";
  const soon = participant.filter((p) => p.expiringSoon).length;
  return (
    <>
      <h1>Förslag{only ? ` för ${only.pseudonym}` : ""}</h1>
      <p>
        {only ? (
          <>
            <Link to={`/coach/deltagare/${only.id}`}>Till {only.pseudonym}</Link> ·{" "}
            <Link to={`/coach/deltagare/${only.id}/matchning`}>Matchningar</Link> ·{" "}
            <Link to=".">Alla mina förslag</Link>
          </>
        ) : all ? (
          <>
            Visar hela organisationens förslag. <Link to=".">Visa bara mina</Link>
          </>
        ) : (
          <>
            Visar förslag för dina deltagare och förslag du har gjort.{" "}
            <Link to="?vem=alla">Visa hela organisationens</Link>
          </>
        )}
      </p>
      <ActionError result={actionData} />

      <section aria-labelledby="coach-title">
        <h2 id="coach-title">Väntar på dig ({coach.length})</h2>
        <p className="muted">
          Presentera efter ett ja, svara den som vill veta mer, registrera start efter ett studiebesök.
        </p>
        <ProposalTable rows={coach} caption="Förslag som väntar på dig" columns="coach" />
      </section>
      <section aria-labelledby="participant-title">
        <h2 id="participant-title">
          Väntar på deltagaren ({participant.length})
          {soon ? <span className="badge badge--warning">{soon} går snart ut</span> : null}
        </h2>
        <ProposalTable rows={participant} caption="Förslag som väntar på deltagarens svar" columns="participant" />
      </section>
      <section aria-labelledby="employer-title">
        <h2 id="employer-title">Väntar på arbetsgivaren ({employer.length})</h2>
        <ProposalTable rows={employer} caption="Förslag som väntar på arbetsgivarens svar" columns="employer" />
      </section>

      <section className="panel" aria-labelledby="shortlist-title">
        <h2 id="shortlist-title">Din kortlista ({shortlist.length})</h2>
        {shortlist.length === 0 ? (
          <p>Tom. Lägg annonser i kortlistan från en deltagares matchningar, eller deltagare från en annons.</p>
        ) : (
          <ul className="plain-list stack">
            {shortlist.map((s) => (
              <li key={`${s.participant.id}-${s.opening.id}`}>
                <Link to={`/coach/deltagare/${s.participant.id}/matchning`}>{s.participant.pseudonym}</Link> –{" "}
                <Link to={`/uppdrag/${s.opening.id}`}>{s.opening.title}</Link>{" "}
                <span className="muted">({s.opening.employerName})</span>
                <div className="button-row">
                  <ProposeForm
                    hidden={{ participantId: s.participant.id, openingId: s.opening.id }}
                    label={`${s.opening.title} för ${s.participant.pseudonym}`}
                    forWhom={s.participant.pseudonym}
                    busy={busy}
                  />
                  <Form method="post">
                    <input type="hidden" name="participantId" value={s.participant.id} />
                    <input type="hidden" name="openingId" value={s.opening.id} />
                    <button
                      type="submit"
                      name="intent"
                      value="shortlist_remove"
                      className="button button--secondary"
                      aria-disabled={busy || undefined}
                    >
                      Ta bort
                      <span className="visually-hidden">
                        {" "}
                        {s.opening.title} för {s.participant.pseudonym} från kortlistan
                      </span>
                    </button>
                  </Form>
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="closed-title">
        <h2 id="closed-title">
          Avslutade och startade, senaste {RECENT_DAYS} dagarna ({closed.length})
        </h2>
        <ProposalTable rows={closed} caption="Avslutade förslag" columns="closed" />
      </section>
    </>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
