import { vocabulary } from "./vocabulary.ts";

export const roles = vocabulary({
  admin: "Administratör",
  coach: "Coach",
  employer: "Arbetsgivare",
  participant: "Deltagare",
});
export type Role = (typeof roles.codes)[number];

/** Where each role lands after signing in. */
export const homePathByRole: Record<Role, string> = {
  admin: "/admin",
  coach: "/coach",
  employer: "/arbetsgivare",
  participant: "/deltagare",
};
