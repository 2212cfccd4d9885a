// The vocational profile of one participant, for the coach: every section with a link to edit it.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { ProfileView } from "~/components/profile-view.tsx";
import { audit } from "~/utils/audit.server.ts";
import { requireOrgStaff } from "~/utils/auth.server.ts";
import { db } from "~/utils/db.server.ts";
import { requireOrgParticipant } from "~/utils/participants.server.ts";
import { loadProfile, profileLabels } from "~/utils/profiles.server.ts";
import { clientIp } from "~/utils/rate-limit.server.ts";
import { formatDateTime } from "~/domain/swedish-time.ts";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Yrkesprofil för ${data?.pseudonym ?? "deltagare"} – Brygga` },
];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireOrgStaff(request);
  const participant = await requireOrgParticipant(params.participantId, user.organizationId);
  const { profile, updatedAt } = await loadProfile(participant.id);
  const labels = await profileLabels(profile);
  await audit(db, {
    actorId: user.id,
    participantId: participant.id,
    action: "read",
    entity: "profile",
    ip: clientIp(context),
  });
  return { id: participant.id, pseudonym: participant.pseudonym, profile, labels, updatedAt };
}

export default function CoachProfile() {
  const { id, pseudonym, profile, labels, updatedAt } = useLoaderData<typeof loader>();
  return (
    <>
      <p>
        <Link to={`/coach/deltagare/${id}`}>← Till {pseudonym}</Link>
      </p>
      <h1>Yrkesprofil för {pseudonym}</h1>
      {updatedAt ? <p className="muted">Senast ändrad {formatDateTime(updatedAt)}</p> : null}
      <ProfileView profile={profile} labels={labels} audience="coach" editBase={`/coach/deltagare/${id}/yrkesprofil`} />
    </>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
