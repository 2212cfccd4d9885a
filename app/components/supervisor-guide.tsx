// One handledarstöd guide (issue 15): what the accommodation means, how to do it, what to watch
// for, and its sources. Used on the employer's placement page and the public page for supervisors.
import { Link } from "@remix-run/react";
import type { Guide } from "~/domain/supervisor-guide.ts";

export function GuideView({ guide, level }: { guide: Guide; level: 2 | 3 }) {
  const Heading = level === 2 ? "h2" : "h3";
  const Sub = level === 2 ? "h3" : "h4";
  return (
    <section className="panel guide" aria-labelledby={`guide-${guide.code}`}>
      <Heading id={`guide-${guide.code}`}>{guide.title}</Heading>
      <p>{guide.what}</p>
      <Sub>Så gör ni</Sub>
      <ul>
        {guide.how.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      <Sub>Tänk på</Sub>
      <ul>
        {guide.watch.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      {guide.sources.length ? (
        <p className="muted">
          Källa:{" "}
          {guide.sources.map((s, i) => (
            <span key={s.url}>
              {i > 0 ? "; " : ""}
              <a href={s.url}>{s.title}</a>
            </span>
          ))}
        </p>
      ) : null}
    </section>
  );
}

type IntroductionRow = {
  id: string;
  pseudonym: string;
  title: string;
  employerName: string;
  progress: { done: number; total: number };
};

/** The coach's view of how far supervisors have come with the introduction checklist. */
export function IntroductionProgressList({
  rows,
  placementPath,
}: {
  rows: IntroductionRow[];
  placementPath: (id: string) => string;
}) {
  return (
    <section className="panel" aria-labelledby="introductions-title">
      <h2 id="introductions-title">Introduktioner hos arbetsgivare</h2>
      {rows.length === 0 ? (
        <p>Ingen placering är i introduktionen just nu.</p>
      ) : (
        <ul className="todo-list">
          {rows.map((r) => (
            <li key={r.id}>
              <Link to={placementPath(r.id)}>{r.pseudonym}</Link> på {r.employerName}{" "}
              <span className="muted">({r.title})</span>: handledarens lista {r.progress.done} av {r.progress.total}{" "}
              klara
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** On the coach's placement page: the supervisor's checklist progress and the lönestödsförslag. */
export function CoachEmployerSupport({
  placementId,
  checklist,
  hasWageSubsidyPlan,
}: {
  placementId: string;
  checklist: { done: number; total: number };
  hasWageSubsidyPlan: boolean;
}) {
  return (
    <section className="panel" aria-labelledby="employer-support-title">
      <h2 id="employer-support-title">Stöd till arbetsgivaren</h2>
      <p>
        Handledarens lista för introduktionen: {checklist.done} av {checklist.total} klara.
      </p>
      <p>
        <Link to={`/coach/placeringar/${placementId}/lonestod`}>
          {hasWageSubsidyPlan ? "Lönestödsförslaget" : "Gör ett lönestödsförslag"}
        </Link>
      </p>
    </section>
  );
}

/** On the employer's placement page: the way to the supervisor's checklist and guides, and the lönestödsförslag. */
export function EmployerSupportLinks({
  placementId,
  checklist,
  hasWageSubsidyPlan,
}: {
  placementId: string;
  checklist: { done: number; total: number };
  hasWageSubsidyPlan: boolean;
}) {
  return (
    <section className="panel" aria-labelledby="supervisor-title">
      <h2 id="supervisor-title">För handledaren</h2>
      <p>
        Lista för introduktionen och råd om anpassningar: {checklist.done} av {checklist.total} klara.{" "}
        <Link to={`/arbetsgivare/placeringar/${placementId}/handledare`}>Till handledarstödet</Link>
      </p>
      {hasWageSubsidyPlan ? (
        <p>
          <Link to={`/arbetsgivare/placeringar/${placementId}/lonestod`}>Läs lönestödsförslaget</Link> – vad
          anställningen kostar månad för månad.
        </p>
      ) : null}
    </section>
  );
}
