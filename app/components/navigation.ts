import type { Role } from "~/domain/vocab/roles.ts";

export type NavItem = { to: string; label: string; end?: boolean };

/** The main navigation for each role (later features add their pages here). */
export const navigationByRole: Record<Role, NavItem[]> = {
  admin: [{ to: "/admin", label: "Översikt", end: true }],
  coach: [{ to: "/coach", label: "Översikt", end: true }],
  employer: [{ to: "/arbetsgivare", label: "Start", end: true }],
  participant: [{ to: "/deltagare", label: "Min sida", end: true }],
};
