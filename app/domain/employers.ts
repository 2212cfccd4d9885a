// Employers: the profile, workplaces and colleague invitations — form schemas shared by the forms
// (client) and the actions (server). Pure; the database checks (postal code → municipality,
// organisation number not already used) live in app/utils/employers.server.ts.
import { z } from "zod";
import { choice, optionalText, parseFields, requiredText } from "./form-rules.ts";
import { fields, type FormResult } from "./forms.ts";
import { normalizePostalCode } from "./geo.ts";
import { formatOrgNumber } from "./org-number.ts";
import { sectors, type Sector } from "./vocab/openings.ts";

export const EMPLOYER_LIMITS = {
  name: 120,
  description: 2000,
  website: 200,
  phone: 30,
  workplaceName: 80,
  street: 120,
} as const;

/** Sweden's bounding box, for coordinates typed by hand. */
export const SWEDEN_BOUNDS = { minLat: 55.0, maxLat: 69.1, minLng: 10.9, maxLng: 24.2 } as const;

const blank = (v: unknown) => v == null || (typeof v === "string" && v.trim() === "");

/** Optional Swedish organisation number; stored as NNNNNN-NNNN; the check digit is verified. */
export const orgNumberField = z
  .preprocess((v) => (blank(v) ? undefined : v), z.string().optional())
  .transform((v, ctx) => {
    if (v === undefined) return null;
    const formatted = formatOrgNumber(v);
    if (!formatted) {
      ctx.addIssue({
        code: "custom",
        message:
          "Organisationsnumret stämmer inte. Skriv tio siffror, till exempel 556036-0793, och kontrollera sista siffran.",
      });
      return z.NEVER;
    }
    return formatted;
  });

/** Optional phone number: digits with the usual separators, 6–15 digits. */
export const phoneField = z
  .preprocess((v) => (blank(v) ? undefined : v), z.string().trim().optional())
  .transform((v, ctx) => {
    if (v === undefined) return null;
    const digits = v.replace(/\D/g, "");
    if (!/^\+?[\d\s\-()/]+$/.test(v) || digits.length < 6 || digits.length > 15 || v.length > EMPLOYER_LIMITS.phone) {
      ctx.addIssue({ code: "custom", message: "Skriv ett telefonnummer med siffror, till exempel 036-10 20 30." });
      return z.NEVER;
    }
    return v.replace(/\s+/g, " ");
  });

/** Optional website: http(s) only; "foretag.se" becomes "https://foretag.se". */
export const websiteField = z
  .preprocess((v) => (blank(v) ? undefined : v), z.string().trim().optional())
  .transform((v, ctx) => {
    if (v === undefined) return null;
    const candidate = /^https?:\/\//i.test(v) ? v : `https://${v}`;
    try {
      const url = new URL(candidate);
      if (
        (url.protocol !== "https:" && url.protocol !== "http:") ||
        !url.hostname.includes(".") ||
        candidate.length > EMPLOYER_LIMITS.website
      ) {
        throw new Error("not a website");
      }
      return url.toString();
    } catch {
      ctx.addIssue({ code: "custom", message: "Skriv en webbadress, till exempel www.foretaget.se." });
      return z.NEVER;
    }
  });

export const employerProfileShape = {
  name: requiredText("arbetsgivarens namn", EMPLOYER_LIMITS.name, 2),
  orgNumber: orgNumberField,
  sector: choice(sectors.schema, "Välj offentlig, privat eller idéburen."),
  phone: phoneField,
  website: websiteField,
  description: optionalText("beskrivningen", EMPLOYER_LIMITS.description),
};

export type EmployerProfileInput = {
  name: string;
  orgNumber: string | null;
  sector: Sector;
  phone: string | null;
  website: string | null;
  description: string | null;
};

export function parseEmployerProfile(values: Record<string, string | string[]>): FormResult<EmployerProfileInput> {
  return parseFields(employerProfileShape, values);
}

// ───────────── workplaces ─────────────

const coordinate = (label: string, min: number, max: number) =>
  z
    .preprocess(
      (v) => (blank(v) ? undefined : typeof v === "string" ? v.trim().replace(",", ".") : v),
      z.string().optional(),
    )
    .transform((v, ctx) => {
      if (v === undefined) return null;
      const n = Number(v);
      if (!/^-?\d+(\.\d+)?$/.test(v) || n < min || n > max) {
        ctx.addIssue({
          code: "custom",
          message: `${label} ska vara ett tal mellan ${min} och ${max} (en plats i Sverige).`,
        });
        return z.NEVER;
      }
      return n;
    });

export const workplaceShape = {
  name: requiredText("arbetsplatsens namn", EMPLOYER_LIMITS.workplaceName, 2),
  street: requiredText("gatuadressen", EMPLOYER_LIMITS.street, 3),
  postalCode: z
    .string({ error: "Fyll i postnumret." })
    .trim()
    .min(1, "Fyll i postnumret.")
    .transform((v, ctx) => {
      const code = normalizePostalCode(v);
      if (!code) {
        ctx.addIssue({ code: "custom", message: "Skriv postnumret med fem siffror, till exempel 553 20." });
        return z.NEVER;
      }
      return code;
    }),
  /** Only needed when the postal code is not in the reference data, or to choose another municipality. */
  municipalityCode: z
    .preprocess(
      (v) => (blank(v) ? undefined : v),
      z
        .string()
        .trim()
        .regex(/^\d{4}$/, "Välj en kommun i listan.")
        .optional(),
    )
    .transform((v) => v ?? null),
  lat: coordinate("Latitud", SWEDEN_BOUNDS.minLat, SWEDEN_BOUNDS.maxLat),
  lng: coordinate("Longitud", SWEDEN_BOUNDS.minLng, SWEDEN_BOUNDS.maxLng),
};

export type WorkplaceInput = {
  name: string;
  street: string;
  postalCode: string;
  municipalityCode: string | null;
  lat: number | null;
  lng: number | null;
};

export function parseWorkplace(values: Record<string, string | string[]>): FormResult<WorkplaceInput> {
  return parseFields(workplaceShape, values, ({ data, add }) => {
    const hasLat = data.lat != null;
    const hasLng = data.lng != null;
    if (hasLat !== hasLng && "lat" in data && "lng" in data) {
      add(hasLat ? "lng" : "lat", "Fyll i både latitud och longitud, eller lämna båda tomma.");
    }
  });
}

/** "55320" → "553 20". */
export function formatPostalCode(code: string): string {
  return /^\d{5}$/.test(code) ? `${code.slice(0, 3)} ${code.slice(3)}` : code;
}

// ───────────── colleagues ─────────────

export const inviteShape = {
  name: requiredText("namnet", 100, 2),
  email: fields.email(),
};

export type InviteInput = { name: string; email: string };

export function parseInvite(values: Record<string, string | string[]>): FormResult<InviteInput> {
  return parseFields(inviteShape, values);
}

/** How long an invitation link works (days). The invitee can always ask for a new sign-in link. */
export const INVITATION_LIFETIME_DAYS = 7;
