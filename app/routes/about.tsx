import type { MetaFunction } from "@remix-run/node";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";

export const meta: MetaFunction = () => [{ title: "Om Brygga" }];

export default function About() {
  return (
    <article className="panel">
      <h1>Om Brygga</h1>
      <p className="lead">
        Brygga är en mötesplats för arbetsgivare, jobbcoacher och deltagare inom{" "}
        <span lang="en">Supported Employment</span> (SE) och <span lang="en">Individual Placement and Support</span> (
        <span lang="en">IPS</span>).
      </p>
      <h2>Så arbetar vi</h2>
      <ul>
        <li>
          Ingen diagnos registreras någonsin. En profil beskriver vad som fungerar och vad man behöver på en
          arbetsplats.
        </li>
        <li>
          Deltagaren bestämmer: inget skickas till en arbetsgivare utan deltagarens ja, och deltagaren väljer vad
          arbetsgivaren får se.
        </li>
        <li>Målet är arbete på den öppna arbetsmarknaden. Praktik är ett steg, med syfte och slutdatum.</li>
        <li>Stödet fortsätter efter anställningen, så länge deltagaren och arbetsgivaren behöver det.</li>
      </ul>
      <h2>Data som Brygga bygger på</h2>
      <ul>
        <li>
          Yrken, yrkesgrupper (SSYK 2012), kompetenser och närliggande yrken: JobTech Taxonomy, Arbetsförmedlingen.
        </li>
        <li>Kommuner med koordinater: kommundata (MIT-licens). Postnummer: swedish-geodata (CC0).</li>
      </ul>
    </article>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
