// Sign-in lifetimes, shown to users and enforced by the server (app/utils/auth.server.ts).
export const LINK_LIFETIME_MINUTES = 15;
export const CODE_LIFETIME_HOURS = 72;
export const SESSION_LIFETIME_DAYS = 30;
