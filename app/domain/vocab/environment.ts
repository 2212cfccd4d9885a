// Workplace environment (docs/product-rules.md#data-model). The same vocabulary describes what an opening offers and
// what a participant prefers or must avoid.
import { vocabulary, type Vocabulary } from "./vocabulary.ts";

export const environmentDimensions = {
  pace: vocabulary({ calm: "Lugnt tempo", varied: "Varierat tempo", high: "Högt tempo" }),
  noise: vocabulary({ quiet: "Tyst", normal: "Normal ljudnivå", noisy: "Bullrigt" }),
  socialContact: vocabulary({ little: "Lite samarbete", some: "En del samarbete", much: "Mycket samarbete" }),
  customerContact: vocabulary({ none: "Ingen kundkontakt", some: "En del kundkontakt", much: "Mycket kundkontakt" }),
  teamSize: vocabulary({ alone: "Arbetar mest ensam", small: "Liten arbetsgrupp", large: "Stor arbetsgrupp" }),
  variation: vocabulary({ same: "Samma uppgifter", some: "Viss variation", much: "Stor variation" }),
  physicalLoad: vocabulary({ light: "Lätt fysiskt", medium: "Medeltungt fysiskt", heavy: "Tungt fysiskt" }),
  setting: vocabulary({ indoor: "Inomhus", outdoor: "Utomhus", both: "Både inne och ute" }),
} satisfies Record<string, Vocabulary<string>>;

export type EnvironmentDimension = keyof typeof environmentDimensions;
export const environmentDimensionLabels: Record<EnvironmentDimension, string> = {
  pace: "Tempo",
  noise: "Ljudnivå",
  socialContact: "Samarbete med kollegor",
  customerContact: "Kundkontakt",
  teamSize: "Arbetsgruppens storlek",
  variation: "Variation",
  physicalLoad: "Fysisk belastning",
  setting: "Inne eller ute",
};

/** How instructions are given: several may apply. */
export const instructionStyles = vocabulary({
  written: "Skriftliga instruktioner",
  verbal: "Muntliga instruktioner",
  shown: "Visar hur man gör",
});

export type Environment = Partial<{
  [D in EnvironmentDimension]: (typeof environmentDimensions)[D]["codes"][number];
}> & {
  instructions?: Array<(typeof instructionStyles.codes)[number]>;
};
