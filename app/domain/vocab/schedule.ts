import { vocabulary } from "./vocabulary.ts";

export const scheduleTimes = vocabulary({
  day: "Dagtid",
  evening: "Kväll",
  weekend: "Helg",
  night: "Natt",
});
export type ScheduleTime = (typeof scheduleTimes.codes)[number];

export type Schedule = { times: ScheduleTime[]; startFlexible: boolean };

export const travelModes = vocabulary({
  walk: "Går",
  bike: "Cyklar",
  public_transport: "Kollektivtrafik",
  car: "Bil",
  transport_service: "Färdtjänst",
});

/** How someone gets to work, as a verb phrase: "Du cyklar till jobbet.", "Åker kollektivt till jobbet." */
const travelVerbs: Record<(typeof travelModes.codes)[number], string> = {
  walk: "går",
  bike: "cyklar",
  public_transport: "åker kollektivt",
  car: "åker bil",
  transport_service: "åker färdtjänst",
};

/** "cyklar till jobbet"; the label in lower case for a code the phrase list does not know. */
export function travelPhrase(code: string): string {
  const verb = (travelVerbs as Record<string, string | undefined>)[code];
  return verb ? `${verb} till jobbet` : travelModes.label(code).toLowerCase();
}
