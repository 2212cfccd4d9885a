import { vocabulary } from "./vocabulary.ts";

export const openingKinds = vocabulary({
  task: "Uppdrag / arbetsuppgift",
  practice: "Praktikplats",
  work_trial: "Arbetsträning",
  job: "Anställning",
  visit: "Studiebesök / prova-på",
});
export type OpeningKind = (typeof openingKinds.codes)[number];

export const openingStatuses = vocabulary({
  draft: "Utkast",
  published: "Publicerad",
  filled: "Tillsatt",
  closed: "Stängd",
});
export type OpeningStatus = (typeof openingStatuses.codes)[number];

/** Employment support form for kind `job`; `competitive` is false for the last two (docs/product-rules.md#vocabulary). */
export const employmentSupports = vocabulary({
  none: "Utan stöd",
  lonestod: "Lönestöd",
  nystartsjobb: "Nystartsjobb",
  introduktionsjobb: "Introduktionsjobb",
  osa: "Offentligt skyddat arbete (OSA)",
  kommunal: "Kommunal arbetsmarknadsanställning",
});
export type EmploymentSupport = (typeof employmentSupports.codes)[number];
export const nonCompetitiveSupports: readonly EmploymentSupport[] = ["osa", "kommunal"];
export function isCompetitive(kind: OpeningKind, support: EmploymentSupport | null | undefined): boolean {
  return kind === "job" && !nonCompetitiveSupports.includes(support ?? "none");
}

export const leadsToEmployment = vocabulary({
  yes: "Ja",
  maybe: "Kanske",
  no: "Nej",
});

export const sectors = vocabulary({
  public: "Offentlig",
  private: "Privat",
  non_profit: "Idéburen",
});
export type Sector = (typeof sectors.codes)[number];
