// Plain input types for the matcher (docs/product-rules.md#matching). The matcher is pure: no Prisma, no I/O. Callers map
// their rows (Opening + Workplace + Occupation, Participant + Profile) to these shapes; the JSON
// columns of prisma/schema.prisma already have these shapes once parsed.
import type { Accommodation } from "../vocab/accommodations.ts";
import type { Environment } from "../vocab/environment.ts";
import type { EmploymentSupport, OpeningKind, OpeningStatus } from "../vocab/openings.ts";
import type { Schedule, ScheduleTime } from "../vocab/schedule.ts";
import type { LatLng } from "../geo.ts";
import type { Result } from "../result.ts";

export type Goal = "work" | "practice" | "studies";
export type LeadsToEmployment = "yes" | "maybe" | "no";

export type MatchOpening = {
  id: string;
  kind: OpeningKind;
  status: OpeningStatus;
  title: string;
  /** JobTech occupation-name concept id. */
  occupationId: string;
  /** Its label ("Lagerarbetare/Terminalarbetare"), for reason texts. */
  occupationLabel: string;
  /** Its SSYK 2012 level-4 code ("4322"): group exclusions and group interests are checked against it. */
  ssyk4Code: string;
  hoursMin: number;
  hoursMax: number;
  schedule: Schedule;
  environment: Environment;
  accommodationsOffered: Accommodation[];
  employmentSupport: EmploymentSupport | null;
  competitive: boolean;
  leadsToEmployment: LeadsToEmployment;
  supervisorName: string | null;
  supervisorFixed: boolean;
  /** Places still open: `places` minus placements already started (the caller counts them). */
  placesLeft: number;
  endDate: Date | null;
  publishedAt: Date | null;
  /** The workplace's coordinates; null when unknown. */
  location: LatLng | null;
};

export type AccommodationNeed = { code: Accommodation; must: boolean };

export type MatchParticipant = {
  id: string;
  goals: Goal[];
  /** Home coordinates (own point, else the municipality's); null when unknown. */
  home: LatLng | null;
  interests: { occupationIds: string[]; groupCodes: string[] };
  preferences: {
    hoursMin?: number | null;
    hoursMax?: number | null;
    /** Preferred schedule times: a soft preference (hard "never" lives in exclusions.schedule). */
    schedule?: ScheduleTime[];
    /** Wants a flexible start time: a soft preference (a `must` lives in needs as flexible_start). */
    startFlexible?: boolean | null;
    maxCommuteKm?: number | null;
    travelMode?: string | null;
  };
  environmentPrefs: Environment;
  needs: AccommodationNeed[];
  exclusions: {
    occupationIds: string[];
    /** SSYK codes of any level (1–4 digits). */
    groupCodes: string[];
    /** "dimension:value", e.g. "physicalLoad:heavy", "customerContact:much", "instructions:verbal". */
    environment: string[];
    schedule: ScheduleTime[];
  };
};

/**
 * What the matcher knows about occupations: labels and SSYK-4 codes, SSYK group labels (optional,
 * for nicer texts) and the JobTech substitutability relations. `substitutes.get(a).get(b) = p` means
 * "a substitutes b with p %", directed as in the taxonomy file and the OccupationSubstitute table
 * (fromId → toId). See occupations.ts for how the direction is used.
 */
export type OccupationGraph = {
  occupations: ReadonlyMap<string, { label: string; ssyk4Code: string }>;
  groupLabels?: ReadonlyMap<string, string>;
  substitutes: ReadonlyMap<string, ReadonlyMap<string, number>>;
};

export type Criterion =
  "interest" | "text" | "environment" | "accommodations" | "distance" | "hours" | "employment" | "supervisor";

export type Reason = { criterion: Criterion; points: number; max: number; text: string };

export type HardFailureCode =
  | "not_published"
  | "ended"
  | "no_places_left"
  | "kind_not_in_goals"
  | "too_far"
  | "distance_unknown"
  | "hours_do_not_overlap"
  | "excluded_occupation"
  | "excluded_group"
  | "excluded_environment"
  | "excluded_schedule"
  | "must_accommodation_missing";

export type HardFailure = { code: HardFailureCode; text: string };
export type HardFilterResult = Result<object, { failures: HardFailure[] }>;
