// Placement vocabulary and date rules (docs/product-rules.md#placement-and-support).
import { vocabulary } from "./vocab/vocabulary.ts";

export const placementStatuses = vocabulary({
  introduction: "Introduktion",
  follow_up: "Uppföljning",
  after_support: "Efterstöd",
  ended: "Avslutad",
});

export const supportIntensities = vocabulary({
  weekly: "Varje vecka",
  biweekly: "Varannan vecka",
  monthly: "En gång i månaden",
  on_request: "Vid behov",
});

export const placementEndReasons = vocabulary({
  employed_no_support: "Anställd utan behov av stöd",
  dropout: "Avbrott",
  moved: "Flytt",
  other: "Annat",
});
