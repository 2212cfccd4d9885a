// The four kinds of import file (issue 12, docs/import.md): their Swedish column headers, which
// columns are required, and the example row of each downloadable template. Pure: the reading of
// files is in app/utils/import/, the rules for each value in ./rows.ts.

export const importKinds = ["participants", "placements", "employers", "contacts"] as const;
export type ImportKind = (typeof importKinds)[number];

export const importKindLabels: Record<ImportKind, string> = {
  participants: "Deltagare",
  placements: "Anställningar och placeringar",
  employers: "Arbetsgivare",
  contacts: "Arbetsgivarkontakter",
};

/** URL and file-name words for the kinds (templates: /admin/import/mall/<word>.csv). */
export const importKindWords: Record<ImportKind, string> = {
  participants: "deltagare",
  placements: "placeringar",
  employers: "arbetsgivare",
  contacts: "kontakter",
};

export type ImportColumn = { key: string; header: string; required: boolean; example: string; help: string };

const col = (key: string, header: string, required: boolean, example: string, help: string): ImportColumn => ({
  key,
  header,
  required,
  example,
  help,
});

export const importColumns: Record<ImportKind, readonly ImportColumn[]> = {
  participants: [
    col("ref", "Extern referens", true, "P-2014-001", "Er egen referens för deltagaren, unik i organisationen."),
    col("pseudonym", "Pseudonym", true, "A.K.", "Namn eller initialer som visas i Brygga (högst 60 tecken)."),
    col("gender", "Kön", true, "Kvinna", "Kvinna, Man, Annat eller Vill ej ange."),
    col("birthYear", "Födelseår", false, "1988", "Fyra siffror; 15–80 år vid inskrivningen."),
    col("municipalityCode", "Kommunkod", false, "0680", "Hemkommunens kod (fyra siffror). Kommunkod eller postnummer."),
    col("postalCode", "Postnummer", false, "553 20", "Fem siffror. Kommunkod eller postnummer."),
    col("enrolledAt", "Inskrivningsdatum", true, "2014-03-03", "ÅÅÅÅ-MM-DD, inte i framtiden."),
    col("referralSource", "Remitterande", true, "Arbetsförmedlingen", "Vem som remitterade deltagaren."),
    col(
      "consentBrygga",
      "Samtycke Brygga",
      true,
      "Ja",
      "Ja: deltagaren samtycker till att uppgifterna finns i Brygga.",
    ),
    col("consentBryggaDate", "Datum samtycke Brygga", false, "2014-03-03", "Tomt: inskrivningsdatum."),
    col("consentStatistics", "Samtycke statistik", true, "Ja", "Ja eller Nej: registrering för statistik (SUS)."),
    col("consentStatisticsDate", "Datum samtycke statistik", false, "2014-03-03", "Tomt: inskrivningsdatum."),
    col("startOccupation", "Sysselsättning vid start", false, "Aktivt arbetssökande", "Se koderna i docs/import.md."),
    col(
      "startIncome",
      "Försörjning vid start",
      false,
      "Aktivitetsersättning|Försörjningsstöd",
      "En eller flera, skilda med |.",
    ),
    col("coachEmail", "Coach (e-post)", false, "coach@exempel.se", "En coach eller administratör i organisationen."),
    col("phase", "Fas", false, "", "Tomt: Inskriven, eller Avslutad när avslutsdatum finns."),
    col("exitedAt", "Avslutsdatum", false, "2015-06-30", "ÅÅÅÅ-MM-DD; inte före inskrivningen, inte i framtiden."),
    col("exitReason", "Avslutsorsak", false, "Arbete", "Krävs med avslutsdatum. Brygga- eller SUS-orsak."),
    col("exitOccupation", "Sysselsättning vid avslut", false, "Förvärvsarbete", "Se koderna i docs/import.md."),
    col("exitIncome", "Försörjning vid avslut", false, "Lön", "En eller flera, skilda med |."),
    col(
      "notCountedReason",
      "Räknas inte i resultat (orsak)",
      false,
      "",
      "Tomt: räknas. Annars orsaken, t.ex. Började för sent i projektet.",
    ),
  ],
  placements: [
    col(
      "participantRef",
      "Deltagarens externa referens",
      true,
      "P-2014-001",
      "Deltagaren måste finnas (importera deltagarna först).",
    ),
    col("orgNumber", "Arbetsgivarens organisationsnummer", true, "556036-0793", "NNNNNN-NNNN."),
    col("employerName", "Arbetsgivarens namn", true, "Exempel AB", "Används när arbetsgivaren inte finns i Brygga."),
    col("sector", "Sektor", true, "Privat", "Offentlig, Privat eller Idéburen."),
    col(
      "kind",
      "Typ",
      true,
      "Anställning",
      "Anställning, Praktikplats, Arbetsträning / arbetsprövning, Uppdrag / arbetsuppgift, Studiebesök / prova-på.",
    ),
    col(
      "employmentSupport",
      "Anställningsform",
      false,
      "Utan stöd",
      "Bara anställning: Utan stöd, Lönestöd, Nystartsjobb, Introduktionsjobb, OSA, Kommunal arbetsmarknadsanställning.",
    ),
    col("ssyk", "Yrke (SSYK)", true, "9412", "Yrkesgruppens SSYK-kod med fyra siffror."),
    col("startDate", "Startdatum", true, "2014-09-01", "ÅÅÅÅ-MM-DD; inte före inskrivningen, inte efter avslutet."),
    col("endDate", "Slutdatum", false, "", "ÅÅÅÅ-MM-DD; tomt om den pågår."),
    col("hours", "Timmar per vecka", false, "30", "Heltal 1–60."),
  ],
  employers: [
    col("orgNumber", "Organisationsnummer", true, "556036-0793", "NNNNNN-NNNN."),
    col("name", "Namn", true, "Exempel AB", "Arbetsgivarens namn."),
    col("sector", "Sektor", true, "Privat", "Offentlig, Privat eller Idéburen."),
    col(
      "workplace",
      "Arbetsställe",
      false,
      "Lagret",
      "Ett arbetsställe per rad; samma organisationsnummer på flera rader.",
    ),
    col("street", "Gatuadress", false, "Storgatan 1", "Krävs med arbetsställe."),
    col("postalCode", "Postnummer", false, "553 20", "Krävs med arbetsställe."),
  ],
  contacts: [
    col("date", "Datum", true, "2014-04-10", "ÅÅÅÅ-MM-DD, inte i framtiden."),
    col(
      "orgNumber",
      "Arbetsgivarens organisationsnummer",
      true,
      "556036-0793",
      "Arbetsgivaren måste finnas (importera arbetsgivarna först).",
    ),
    col("coachEmail", "Coach (e-post)", true, "coach@exempel.se", "En coach eller administratör i organisationen."),
    col("kind", "Typ", true, "Besök", "Besök, Telefonsamtal, Möte, Studiebesök eller E-post."),
    col("note", "Anteckning", false, "Presenterade IPS", "Högst 2000 tecken. Inga uppgifter om hälsa."),
    col("participantRef", "Deltagarens externa referens", false, "P-2014-001", "Om kontakten gällde en deltagare."),
  ],
};

/** Which kind a header row is: the kind whose required columns are all there (the most specific first). */
export function detectKind(headers: readonly string[]): ImportKind | null {
  const have = new Set(headers.map(normalizeHeader));
  const order: ImportKind[] = ["placements", "contacts", "participants", "employers"];
  return (
    order.find((kind) =>
      importColumns[kind].filter((c) => c.required).every((c) => have.has(normalizeHeader(c.header))),
    ) ?? null
  );
}

export function normalizeHeader(header: string): string {
  return header
    .replace(/^\uFEFF/, "")
    .trim()
    .replace(/\s+/g, " ")
    .toLowerCase();
}

/** The missing required headers of a kind. */
export function missingColumns(kind: ImportKind, headers: readonly string[]): string[] {
  const have = new Set(headers.map(normalizeHeader));
  return importColumns[kind].filter((c) => c.required && !have.has(normalizeHeader(c.header))).map((c) => c.header);
}

/** A template: header row and one example row. */
export function templateRows(kind: ImportKind): string[][] {
  return [importColumns[kind].map((c) => c.header), importColumns[kind].map((c) => c.example)];
}

/** The largest import file accepted (CLI and admin page): 10 MB, about 50 000 participant rows. */
export const IMPORT_MAX_BYTES = 10 * 1024 * 1024;
/** Room for the rest of the upload form around the file (multipart boundaries, fields). */
export const IMPORT_FORM_OVERHEAD_BYTES = 64 * 1024;
