// "Ny arbetsgivare vill ansluta": employers in the organisation's municipalities who registered and
// wait for a coach, on the coach's home and week pages. Nothing is shown when none wait.
import { Link } from "@remix-run/react";

export type WaitingEmployer = { id: string; companyName: string; municipalityName: string };

export function NewEmployersNotice({ registrations }: { registrations: WaitingEmployer[] }) {
  if (registrations.length === 0) return null;
  return (
    <section className="panel" aria-labelledby="new-employers-title">
      <h2 id="new-employers-title">
        Ny arbetsgivare vill ansluta <span className="badge badge--warning">{registrations.length}</span>
      </h2>
      <ul className="todo-list">
        {registrations.map((r) => (
          <li key={r.id}>
            {r.companyName} <span className="muted">({r.municipalityName})</span>
          </li>
        ))}
      </ul>
      <p>
        <Link to="/coach/nya-arbetsgivare" className="button">
          Se anmälningarna
        </Link>
      </p>
    </section>
  );
}
