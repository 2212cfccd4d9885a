// "Din praktik och ditt jobb" on the participant's own page: where, since when, the next meeting,
// and new messages — plain Swedish, large targets.
import { Link } from "@remix-run/react";
import { kindShort } from "~/domain/proposals.ts";
import { capitalizeSv, countSv, NOUNS } from "~/domain/swedish.ts";
import { formatDate, formatDateTime } from "~/domain/swedish-time.ts";

export type ParticipantPlacementItem = {
  id: string;
  kind: string;
  status: string;
  startDate: Date | string;
  endDate: Date | string | null;
  title: string;
  employerName: string;
  nextMeeting: { scheduledAt: Date | string; kind: string } | null;
  news: number;
};

export function ParticipantPlacements({ placements }: { placements: ParticipantPlacementItem[] }) {
  const current = placements.filter((p) => p.status !== "ended");
  if (placements.length === 0) return null;
  return (
    <section className="panel" aria-labelledby="placements-title">
      <h2 id="placements-title">Din praktik och ditt jobb</h2>
      {current.length === 0 ? <p>Du har ingen praktik eller något jobb via oss just nu.</p> : null}
      <ul className="entry-list">
        {current.map((p) => (
          <li key={p.id} className="entry">
            <p>
              <strong>{p.title}</strong> hos {p.employerName}. {capitalizeSv(kindShort(p.kind))} från{" "}
              {formatDate(p.startDate)}
              {p.endDate ? ` till ${formatDate(p.endDate)}` : ""}.
            </p>
            {p.nextMeeting ? <p>Nästa möte: {formatDateTime(p.nextMeeting.scheduledAt)}.</p> : null}
            {p.news > 0 ? (
              <p className="badge badge--info">
                Du har {p.news === 1 ? "ett nytt meddelande" : countSv(p.news, NOUNS.newMessage)}
              </p>
            ) : null}
            <p>
              <Link to={`/deltagare/placering/${p.id}`} className="button button--large">
                Läs mer om {p.title}
              </Link>
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
