// When a coach works on an employer's pages on the employer's behalf: a clear banner (what they do is
// recorded) and the employer's own sub-navigation. Employer users have the main navigation instead.
import { NavLink } from "@remix-run/react";

export type ScopeForPage = { employerName: string; onBehalf: boolean; basePath: string };

const sections = [
  { path: "annonser", label: "Annonser" },
  { path: "arbetsplatser", label: "Arbetsplatser" },
  { path: "foretaget", label: "Företaget" },
  { path: "kollegor", label: "Användare" },
  { path: "kontakter", label: "Kontakter" },
];

export function EmployerScopeHeader({ scope }: { scope: ScopeForPage }) {
  if (!scope.onBehalf) return null;
  return (
    <div className="on-behalf">
      <p className="on-behalf__text">
        Du arbetar åt <strong>{scope.employerName}</strong> som coach. Det du gör här registreras som gjort för
        arbetsgivarens räkning.
      </p>
      <nav aria-label={`Sidor för ${scope.employerName}`} className="subnav">
        <ul>
          <li>
            <NavLink to="/coach/arbetsgivare" end>
              Alla arbetsgivare
            </NavLink>
          </li>
          {sections.map((s) => (
            <li key={s.path}>
              <NavLink to={`${scope.basePath}/${s.path}`}>{s.label}</NavLink>
            </li>
          ))}
        </ul>
      </nav>
    </div>
  );
}
