// The audit trail of participant records (GDPR art. 9 data): who read or changed what, and when.
import type { DbOrTx } from "./db.server.ts";

export type AuditAction = "read" | "create" | "update" | "export" | "erase";

export async function audit(
  tx: DbOrTx,
  event: {
    actorId: string | null;
    participantId: string | null;
    action: AuditAction;
    entity: string;
    detail?: string;
    ip?: string;
  },
) {
  await tx.auditEvent.create({
    data: {
      actorId: event.actorId,
      participantId: event.participantId,
      action: event.action,
      entity: event.entity,
      detail: event.detail,
      ip: event.ip,
    },
  });
}
