// The participant's proposals as cards, in plain Swedish, with one large link each.
import { Link } from "@remix-run/react";
import { formatDate } from "~/domain/swedish-time.ts";

export type ParticipantProposalItem = {
  id: string;
  title: string;
  kind: string;
  where: string;
  answerBy: string | Date | null;
  waiting: boolean;
  statusText: string;
};

export function ProposalCards({ items, headingLevel = 3 }: { items: ParticipantProposalItem[]; headingLevel?: 2 | 3 }) {
  const H = headingLevel === 2 ? "h2" : "h3";
  return (
    <ul className="card-list proposal-cards">
      {items.map((p) => (
        <li key={p.id} className="panel">
          <H className="card-title">{p.title}</H>
          <p>
            Det är {p.kind} hos {p.where}.
          </p>
          <p>
            <strong>{p.statusText}</strong>
          </p>
          {p.answerBy ? <p>Svara gärna senast {formatDate(p.answerBy)}.</p> : null}
          <p>
            <Link to={`/deltagare/forslag/${p.id}`} className="button button--large">
              {p.waiting ? "Läs mer och svara" : "Läs mer"}
              <span className="visually-hidden"> om {p.title}</span>
            </Link>
          </p>
        </li>
      ))}
    </ul>
  );
}
