// The participant's proposals, in plain Swedish: the ones waiting for an answer first, then the
// rest with what happened. Only the participant's own; never the score or anyone's notes.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { ProposalCards } from "~/components/participant-proposals.tsx";
import { audit } from "~/utils/audit.server.ts";
import { requireParticipantUser } from "~/utils/auth.server.ts";
import { db } from "~/utils/db.server.ts";
import { listParticipantProposals } from "~/utils/proposals.server.ts";
import { clientIp } from "~/utils/rate-limit.server.ts";

export const meta: MetaFunction = () => [{ title: "Dina förslag – Brygga" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireParticipantUser(request);
  const proposals = await listParticipantProposals(user.participantId);
  await audit(db, {
    actorId: user.id,
    participantId: user.participantId,
    action: "read",
    entity: "own-proposals",
    ip: clientIp(context),
  });
  return { waiting: proposals.filter((p) => p.waiting), other: proposals.filter((p) => !p.waiting) };
}

export default function ParticipantProposals() {
  const { waiting, other } = useLoaderData<typeof loader>();
  return (
    <div className="plain">
      <h1>Dina förslag</h1>
      <p className="lead">
        Här ser du arbetsplatser som din coach tror kan passa dig. Du bestämmer själv. Arbetsgivaren får inte veta något
        om dig förrän du har sagt ja.
      </p>
      <section aria-labelledby="waiting-title">
        <h2 id="waiting-title">Väntar på ditt svar</h2>
        {waiting.length === 0 ? <p>Inga förslag väntar på dig just nu.</p> : <ProposalCards items={waiting} />}
      </section>
      {other.length > 0 ? (
        <section aria-labelledby="other-title">
          <h2 id="other-title">Andra förslag</h2>
          <ProposalCards items={other} />
        </section>
      ) : null}
    </div>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
