// GET /deltagare/profil/ladda-ner — the participant downloads everything Brygga holds about them.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { audit } from "~/utils/audit.server.ts";
import { requireParticipantUser } from "~/utils/auth.server.ts";
import { notFound } from "~/utils/responses.server.ts";
import { db } from "~/utils/db.server.ts";
import { exportParticipant } from "~/utils/privacy.server.ts";
import { clientIp } from "~/utils/rate-limit.server.ts";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireParticipantUser(request);
  const participant = await db.participant.findFirst({
    where: { id: user.participantId, erasedAt: null },
    select: { id: true },
  });
  if (!participant) notFound("Dina uppgifter finns inte längre.");
  await audit(db, {
    actorId: user.id,
    participantId: participant.id,
    action: "export",
    entity: "export",
    detail: "Deltagarens egen nedladdning",
    ip: clientIp(context),
  });
  const body = await exportParticipant(participant.id, { name: user.name, role: user.role });
  return new Response(JSON.stringify(body, null, 2), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": 'attachment; filename="mina-uppgifter-brygga.json"',
      "Cache-Control": "no-store",
    },
  });
}
