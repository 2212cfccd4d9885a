import type { Role } from "~/domain/vocab/roles.ts";

export type NavItem = { to: string; label: string; end?: boolean };

/** The main navigation for each role (later features add their pages here). */
export const navigationByRole: Record<Role, NavItem[]> = {
  admin: [
    { to: "/admin", label: "Översikt", end: true },
    { to: "/admin/arenden", label: "Ärenden" },
    { to: "/admin/personal", label: "Personal" },
    { to: "/admin/organisation", label: "Organisationen" },
    { to: "/admin/import", label: "Importera" },
    { to: "/admin/logg", label: "Logg" },
    { to: "/rapporter", label: "Rapporter" },
  ],
  coach: [
    { to: "/coach", label: "Översikt", end: true },
    { to: "/coach/vecka", label: "Min vecka" },
    { to: "/coach/deltagare", label: "Mina deltagare" },
    { to: "/coach/forslag", label: "Förslag" },
    { to: "/coach/placeringar", label: "Placeringar" },
    { to: "/coach/kontakter", label: "Arbetsgivarkontakter" },
    { to: "/coach/arbetsgivare", label: "Arbetsgivare" },
    { to: "/coach/fragor", label: "Frågor" },
    { to: "/rapporter", label: "Rapporter" },
    { to: "/uppdrag", label: "Sök uppdrag" },
  ],
  employer: [
    { to: "/arbetsgivare", label: "Start", end: true },
    { to: "/arbetsgivare/annonser", label: "Annonser" },
    { to: "/arbetsgivare/forslag", label: "Förslag" },
    { to: "/arbetsgivare/placeringar", label: "Placeringar" },
    { to: "/arbetsgivare/arbetsplatser", label: "Arbetsplatser" },
    { to: "/arbetsgivare/fragor", label: "Fråga coachen" },
    { to: "/uppdrag", label: "Sök uppdrag" },
    { to: "/arbetsgivare/foretaget", label: "Företaget" },
  ],
  participant: [
    { to: "/deltagare", label: "Min sida", end: true },
    { to: "/deltagare/forslag", label: "Förslag" },
    { to: "/deltagare/profil", label: "Min profil" },
  ],
};
