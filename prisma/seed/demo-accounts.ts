// The demo accounts, one per role, that `npm run seed` creates and the development start page
// lists. Stable emails: sign in with them on a seeded database.
import type { Role } from "../../app/domain/vocab/roles.ts";

export type DemoAccount = {
  role: Role;
  email: string;
  name: string;
  /** Who this is in the demo, in Swedish, for the start page. */
  description: string;
};

export const DEMO_ORGANIZATION_NAME = "Jönköpings kommun – Arbetsmarknadsenheten";
export const DEMO_EMPLOYER_NAME = "Vätterbygdens Lager AB";
export const DEMO_PARTICIPANT_PSEUDONYM = "Sara";

export const DEMO_ACCOUNTS = [
  {
    role: "admin",
    email: "admin@demo.brygga.se",
    name: "Eva Lundgren",
    description: `Enhetschef på ${DEMO_ORGANIZATION_NAME}. Ser organisationens coacher, ärendelaster och rapporter till finansiären.`,
  },
  {
    role: "coach",
    email: "coach@demo.brygga.se",
    name: "Johanna Berg",
    description: `IPS-coach på ${DEMO_ORGANIZATION_NAME}. Har ett tiotal deltagare och är kontaktperson för bland andra ${DEMO_EMPLOYER_NAME}.`,
  },
  {
    role: "employer",
    email: "arbetsgivare@demo.brygga.se",
    name: "Peter Sandberg",
    description: `Lagerchef på ${DEMO_EMPLOYER_NAME} i Jönköping. Har publicerade uppdrag och praktikplatser, en kandidat att ta ställning till och en pågående praktik med stödtråd.`,
  },
  {
    role: "participant",
    email: "deltagare@demo.brygga.se",
    name: DEMO_PARTICIPANT_PSEUDONYM,
    description: `Deltagare hos coachen Johanna Berg. Gör praktik på ${DEMO_EMPLOYER_NAME} och har ett nytt förslag att svara på.`,
  },
] as const satisfies readonly DemoAccount[];

export type DemoRole = (typeof DEMO_ACCOUNTS)[number]["role"];

export function demoAccount(role: Role): DemoAccount {
  const account = DEMO_ACCOUNTS.find((a) => a.role === role);
  if (!account) throw new Error(`No demo account for role ${role}`);
  return account;
}
