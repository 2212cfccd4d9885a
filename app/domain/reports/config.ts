// Report settings in one place (issue 7). Change a value here and the page, the exports, the CLI
// and the documentation's examples follow.
import { FIRST_CONTACT_DAYS } from "../first-contact.ts";
import { CASELOAD_PER_FULL_TIME } from "../caseload.ts";

export { CASELOAD_PER_FULL_TIME, FIRST_CONTACT_DAYS };

/**
 * Funder exports hide every group with fewer people than this (1–2 people with the default 3), and
 * whatever would let a reader work a hidden number out again (complementary suppression).
 */
export const MIN_GROUP_SIZE = 3;

/** Retention checks after the first paid employment, in months. */
export const RETENTION_MONTHS = [3, 6, 12] as const;
export type RetentionMonths = (typeof RETENTION_MONTHS)[number];

/** Bins of the time-to-milestone distributions: days from enrolment (inclusive upper bounds). */
export const DAY_BINS: ReadonlyArray<{ key: string; max: number | null; label: string }> = [
  { key: "d0_7", max: 7, label: "0–7 dagar" },
  { key: "d8_14", max: 14, label: "8–14 dagar" },
  { key: "d15_28", max: 28, label: "15–28 dagar" },
  { key: "d29_56", max: 56, label: "29–56 dagar" },
  { key: "d57_91", max: 91, label: "57–91 dagar" },
  { key: "d92_182", max: 182, label: "92–182 dagar" },
  { key: "d183_365", max: 365, label: "183–365 dagar" },
  { key: "d366", max: null, label: "Mer än 365 dagar" },
];

/** The earliest period start accepted (the service did not exist before). */
export const EARLIEST_PERIOD_START = "2000-01-01";
export const LATEST_PERIOD_END = "2099-12-31";
