// The participant's own page, in plain Swedish: short sentences, no jargon, large targets.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { ProposalCards } from "~/components/participant-proposals.tsx";
import { ParticipantPlacements } from "~/components/participant-placements.tsx";
import { requireParticipantUser } from "~/utils/auth.server.ts";
import { loadParticipantHome } from "~/utils/participant-home.server.ts";
import { clientIp } from "~/utils/rate-limit.server.ts";

export const meta: MetaFunction = () => [{ title: "Min sida – Brygga" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireParticipantUser(request);
  return loadParticipantHome(user.participantId, { id: user.id, ip: clientIp(context) });
}

export default function ParticipantHome() {
  const { placements, pseudonym, coach, interests, waitingProposals, proposalCount } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Hej {pseudonym}!</h1>
      <ParticipantPlacements placements={placements} />
      <section className="panel" aria-labelledby="proposals-title">
        <h2 id="proposals-title">Förslag till dig</h2>
        {waitingProposals.length > 0 ? (
          <>
            <p>
              {waitingProposals.length === 1
                ? "Ett förslag väntar på ditt svar."
                : `${waitingProposals.length} förslag väntar på ditt svar.`}
            </p>
            <ProposalCards items={waitingProposals} />
          </>
        ) : (
          <p>Inga förslag väntar på ditt svar just nu.</p>
        )}
        {proposalCount > 0 ? (
          <p>
            <Link to="/deltagare/forslag">Se alla dina förslag</Link>
          </p>
        ) : null}
      </section>
      <section className="panel" aria-labelledby="coach-title">
        <h2 id="coach-title">Din coach</h2>
        {coach ? (
          <div className="stack">
            <p>
              Din coach heter <strong>{coach.name}</strong>.
            </p>
            {coach.phone ? (
              <p>
                Ring: <a href={`tel:${coach.phone.replace(/[^+\d]/g, "")}`}>{coach.phone}</a>
              </p>
            ) : null}
            {coach.email ? (
              <p>
                Mejla: <a href={`mailto:${coach.email}`}>{coach.email}</a>
              </p>
            ) : null}
          </div>
        ) : (
          <p>Du har ingen coach just nu.</p>
        )}
      </section>
      <section className="panel" aria-labelledby="interests-title">
        <h2 id="interests-title">Det här vill du jobba med</h2>
        {interests.length > 0 ? (
          <ul>
            {interests.map((o) => (
              <li key={o.id}>{o.label}</li>
            ))}
          </ul>
        ) : (
          <p>Du och din coach har inte skrivit något här än.</p>
        )}
        <p>
          <Link to="/deltagare/profil" className="button button--large">
            Läs hela din profil
          </Link>
        </p>
      </section>
    </>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
