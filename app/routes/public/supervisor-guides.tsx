// The public page for supervisors (issue 15): every handledarstöd guide and the introduction
// checklist, for any employer, signed in or not. Texts written for Brygga; sources named per guide.
import type { MetaFunction } from "@remix-run/node";
import { Link } from "@remix-run/react";
import { GuideView } from "~/components/supervisor-guide.tsx";
import { BASE_ITEMS, CHECKLIST_PHASES, guides, phaseLabels } from "~/domain/supervisor-guide.ts";

export const meta: MetaFunction = () => [
  { title: "Handledarstöd – för dig som tar emot en ny medarbetare – Brygga" },
  {
    name: "description",
    content: "Korta råd för handledare: anpassningar på arbetsplatsen och en lista för de första veckorna.",
  },
];

export default function SupervisorGuides() {
  return (
    <>
      <h1>Handledarstöd</h1>
      <p>
        För dig som ska ta emot och handleda en ny medarbetare. Här finns en lista för de första veckorna och korta
        råd om vanliga anpassningar: vad de betyder, hur ni gör och vad ni ska tänka på. Coachen hjälper er hela
        vägen – före, under och efter starten.
      </p>
      <nav aria-labelledby="toc-title" className="panel">
        <h2 id="toc-title">Innehåll</h2>
        <ul>
          <li>
            <a href="#introduktion">Introduktionen steg för steg</a>
          </li>
          {guides.map((g) => (
            <li key={g.code}>
              <a href={`#guide-${g.code}`}>{g.title}</a>
            </li>
          ))}
        </ul>
      </nav>

      <section aria-labelledby="introduktion" className="panel">
        <h2 id="introduktion">Introduktionen steg för steg</h2>
        {CHECKLIST_PHASES.map((phase) => (
          <div key={phase}>
            <h3>{phaseLabels[phase]}</h3>
            <ul className="checklist">
              {BASE_ITEMS.filter((i) => i.phase === phase).map((i) => (
                <li key={i.id}>{i.text}</li>
              ))}
            </ul>
          </div>
        ))}
        <p className="muted">
          När ni har en placering i Brygga finns listan på placeringen, med punkter för just de anpassningar som den
          nya medarbetaren har valt att berätta om.
        </p>
      </section>

      {guides.map((g) => (
        <GuideView key={g.code} guide={g} level={2} />
      ))}

      <p>
        <Link to="/for-arbetsgivare">Vill ni ta emot någon? Anmäl er här.</Link>
      </p>
    </>
  );
}
