// A list of logged employer contacts (newest first).
import { Link } from "@remix-run/react";
import { employerContactKinds } from "~/domain/vocab/outcomes.ts";
import { formatDate } from "~/domain/swedish-time.ts";

export type ContactRow = {
  id: string;
  kind: string;
  occurredAt: string | Date;
  followUpDate: string | Date | null;
  notes: string | null;
  employer: { id: string; name: string };
  coach: string | null;
  participant: { id: string; pseudonym: string } | null;
};

export function EmployerContactList({ contacts, showEmployer }: { contacts: ContactRow[]; showEmployer: boolean }) {
  if (contacts.length === 0) return <p>Inga kontakter loggade än.</p>;
  return (
    <ol className="contact-log">
      {contacts.map((c) => (
        <li key={c.id} className="panel contact-log__item">
          <p className="contact-log__head">
            <strong>{formatDate(c.occurredAt)}</strong> · {employerContactKinds.label(c.kind)}
            {showEmployer ? (
              <>
                {" "}
                med <Link to={`/coach/arbetsgivare/${c.employer.id}/kontakter`}>{c.employer.name}</Link>
              </>
            ) : null}
            {c.coach ? <span className="muted"> · {c.coach}</span> : null}
          </p>
          {c.participant ? (
            <p>
              Gällde <Link to={`/coach/deltagare/${c.participant.id}`}>{c.participant.pseudonym}</Link>
            </p>
          ) : null}
          {c.notes ? <p className="plain-notes">{c.notes}</p> : null}
          {c.followUpDate ? <p>Följ upp senast {formatDate(c.followUpDate)}</p> : null}
        </li>
      ))}
    </ol>
  );
}
