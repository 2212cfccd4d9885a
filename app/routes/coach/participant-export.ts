// GET /coach/deltagare/:id/export — everything Brygga holds about one participant as a JSON
// download (GDPR art. 15), for the organisation's coaches and admin. Audited as an export.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { audit } from "~/utils/audit.server.ts";
import { requireOrgStaff } from "~/utils/auth.server.ts";
import { db } from "~/utils/db.server.ts";
import { requireOrgParticipant } from "~/utils/participants.server.ts";
import { exportParticipant } from "~/utils/privacy.server.ts";
import { clientIp } from "~/utils/rate-limit.server.ts";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireOrgStaff(request);
  const participant = await requireOrgParticipant(params.participantId, user.organizationId);
  await audit(db, {
    actorId: user.id,
    participantId: participant.id,
    action: "export",
    entity: "export",
    ip: clientIp(context),
  });
  const body = await exportParticipant(participant.id, { name: user.name, role: user.role });
  return new Response(JSON.stringify(body, null, 2), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="brygga-deltagare-${participant.id}.json"`,
      "Cache-Control": "no-store",
    },
  });
}
