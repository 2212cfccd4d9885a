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
