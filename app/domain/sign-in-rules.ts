// Sign-in lifetimes, shown to users and enforced by the server (app/utils/auth.server.ts).
export const LINK_LIFETIME_MINUTES = 15;
export const CODE_LIFETIME_HOURS = 72;
export const SESSION_LIFETIME_DAYS = 30;
/**
 * A session ends after this long without use. Staff and employers: a working day. Participants
 * sign in less often and many only with a code from their coach (a new code needs a coach), so a
 * week — what lies between two coach meetings — before they must ask again.
 */
export const SESSION_IDLE_HOURS = { staff: 8, employer: 8, participant: 7 * 24 } as const;

export function sessionIdleHours(role: string): number {
  if (role === "participant") return SESSION_IDLE_HOURS.participant;
  if (role === "employer") return SESSION_IDLE_HOURS.employer;
  return SESSION_IDLE_HOURS.staff;
}
