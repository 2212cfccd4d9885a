// Accommodations: offered by employers, needed by participants (`must` or `nice`). See docs/product-rules.md#data-model.
import { vocabulary } from "./vocabulary.ts";

export const accommodations = vocabulary({
  flexible_start: "Flexibel starttid",
  shorter_days: "Kortare dagar / deltid",
  extra_breaks: "Extra pauser",
  quiet_workspace: "Lugn eller avskärmad arbetsplats",
  written_instructions: "Skriftliga instruktioner eller checklistor",
  fixed_supervisor: "En fast handledare",
  own_pace_introduction: "Introduktion i egen takt",
  coach_on_site: "Coachen på plats under introduktionen",
  schedule_in_advance: "Schemat klart i god tid",
  hearing_protection: "Hörselskydd",
  assistive_devices: "Hjälpmedel / anpassad arbetsplats",
  step_free_access: "Tillgängligt utan trappsteg",
  language_support: "Tolk eller språkstöd",
  partly_remote: "Delvis distansarbete",
});
export type Accommodation = (typeof accommodations.codes)[number];

/** Short help texts shown next to the choices: why they matter for a good match. */
export const accommodationHelp =
  "Anpassningar som ni kan erbjuda. Många deltagare behöver en eller två av dem för att kunna börja – " +
  "matchningen visar bara platsen för den som behöver något ni erbjuder.";
