// The coach's employment percentage (share of full time), which scales the caseload target.
import { z } from "zod";

export const employmentPercentField = () =>
  z
    .string({ error: "Fyll i tjänstgöringsgrad." })
    .trim()
    .regex(/^\d{1,3}$/, "Skriv tjänstgöringsgraden som ett heltal, till exempel 75.")
    .transform(Number)
    .refine((v) => v >= 10 && v <= 100, "Tjänstgöringsgraden ska vara mellan 10 och 100 procent.");
