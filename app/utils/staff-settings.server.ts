// A coach's own settings (employment percentage, phone, how new messages are told) and the
// organisation admin setting a coach's employment percentage, which sets the caseload target.
import { db } from "./db.server.ts";
import { saveNotifySetting } from "./notifications.server.ts";

/** The coach's settings page; a missing notifyMessages (an older form) leaves that setting unchanged. */
export async function saveCoachSettings(
  userId: string,
  input: { employmentPercent: number; phone: string | null; notifyMessages?: "each" | "digest" | "off" },
) {
  const { notifyMessages, ...rest } = input;
  await db.user.update({ where: { id: userId }, data: rest });
  if (notifyMessages) await saveNotifySetting(userId, notifyMessages);
}

/** The admin sets the employment percentage of a coach in the organisation; null when there is no such coach. */
export async function setEmploymentPercent(organizationId: string, coachId: string, employmentPercent: number) {
  const coach = await db.user.findFirst({
    where: { id: coachId, organizationId, role: { in: ["coach", "admin"] } },
  });
  if (!coach) return null;
  await db.user.update({ where: { id: coach.id }, data: { employmentPercent } });
  return { name: coach.name };
}
