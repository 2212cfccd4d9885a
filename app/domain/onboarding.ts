// Onboarding (issue 11): an organisation's staff and details, and an employer's own registration —
// form schemas shared by the forms (client) and the actions (server). Pure; the database checks
// (municipality codes exist, email or org number already in Brygga) live in
// app/utils/organizations.server.ts and app/utils/registrations.server.ts.
import { z } from "zod";
import { employmentPercentField } from "./coach-settings.ts";
import { EMPLOYER_LIMITS, orgNumberField, phoneField, workplaceShape } from "./employers.ts";
import { listOf } from "./enrolment.ts";
import { choice, optionalText, parseFields, requiredText } from "./form-rules.ts";
import { fields, type FormResult } from "./forms.ts";
import { sectors, type Sector } from "./vocab/openings.ts";
import { vocabulary } from "./vocab/vocabulary.ts";

/** How long a staff invitation link works (days); the admin can send a new one. */
export const STAFF_INVITATION_DAYS = 7;
/** How long the link that confirms an employer's email works (hours). */
export const REGISTRATION_CONFIRM_HOURS = 48;
/** Registrations per client address and hour (spam); failed submits store nothing and do not count. */
export const REGISTRATIONS_PER_IP_PER_HOUR = 5;

/** The roles an admin gives staff. */
export const staffRoles = vocabulary({ coach: "Coach", admin: "Administratör" });
export type StaffRole = (typeof staffRoles.codes)[number];

export const municipalityCodeField = z.string().regex(/^\d{4}$/);

// ───────────── staff ─────────────

export const staffInviteShape = {
  name: requiredText("namnet", 100, 2),
  email: fields.email(),
  role: choice(staffRoles.schema, "Välj coach eller administratör."),
  employmentPercent: employmentPercentField(),
};
export type StaffInviteInput = { name: string; email: string; role: StaffRole; employmentPercent: number };

export function parseStaffInvite(values: Record<string, string | string[]>): FormResult<StaffInviteInput> {
  return parseFields(staffInviteShape, values);
}

export const roleChangeShape = { role: choice(staffRoles.schema, "Välj coach eller administratör.") };

/** Deactivation: who takes over the person's participants and employer contacts. */
export const handOverShape = {
  participantsTo: z.string().trim().max(64).optional(),
  employersTo: z.string().trim().max(64).optional(),
};

// ───────────── the organisation ─────────────

export const ORGANIZATION_LIMITS = { name: 120, visitingAddress: 200, funderName: 160 } as const;

export const organizationDetailsShape = {
  name: requiredText("organisationens namn", ORGANIZATION_LIMITS.name, 2),
  orgNumber: orgNumberField,
  phone: phoneField,
  visitingAddress: optionalText("besöksadressen", ORGANIZATION_LIMITS.visitingAddress),
  funderName: optionalText("finansiärens namn", ORGANIZATION_LIMITS.funderName),
  municipalityCodes: listOf(municipalityCodeField, "Välj kommuner i listan.").refine(
    (list) => list.length > 0,
    "Välj minst en kommun som ni arbetar i.",
  ),
};
export type OrganizationDetailsInput = {
  name: string;
  orgNumber: string | null;
  phone: string | null;
  visitingAddress: string | null;
  funderName: string | null;
  municipalityCodes: string[];
};

export function parseOrganizationDetails(
  values: Record<string, string | string[]>,
): FormResult<OrganizationDetailsInput> {
  return parseFields(organizationDetailsShape, values);
}

// ───────────── employer registration (/for-arbetsgivare) ─────────────

/** The honeypot field: hidden from people, filled in by bots. */
export const HONEYPOT_FIELD = "webbplats";

export const registrationShape = {
  companyName: requiredText("företagets namn", EMPLOYER_LIMITS.name, 2),
  orgNumber: orgNumberField.refine((v) => v !== null, "Fyll i organisationsnumret."),
  sector: choice(sectors.schema, "Välj offentlig, privat eller idéburen."),
  street: workplaceShape.street,
  postalCode: workplaceShape.postalCode,
  contactName: requiredText("ditt namn", 100, 2),
  contactEmail: fields.email(),
  contactPhone: phoneField.refine((v) => v !== null, "Fyll i ett telefonnummer."),
  offer: requiredText("vad ni skulle kunna erbjuda", 2000, 10),
};
export type RegistrationInput = {
  companyName: string;
  orgNumber: string;
  sector: Sector;
  street: string;
  postalCode: string;
  contactName: string;
  contactEmail: string;
  contactPhone: string;
  offer: string;
};

export function parseRegistration(values: Record<string, string | string[]>): FormResult<RegistrationInput> {
  return parseFields(registrationShape, values) as FormResult<RegistrationInput>;
}

/** A filled honeypot means a bot: the answer looks like success, and nothing is stored or sent. */
export function isHoneypotFilled(values: Record<string, string | string[]>): boolean {
  const v = values[HONEYPOT_FIELD];
  return typeof v === "string" ? v.trim() !== "" : Array.isArray(v) && v.some((x) => x.trim() !== "");
}
