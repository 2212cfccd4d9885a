// Handledarstöd (issue 15): a short guide in plain Swedish for the supervisor per accommodation code
// (app/domain/vocab/accommodations.ts), and the introduction checklist for the first weeks. The texts
// are written for Brygga; where a fact comes from a public source it names it. On a placement the
// supervisor sees only the guides (and their checklist items) for accommodations the participant has
// disclosed (docs/product-rules.md#proposal: the participant decides).
import { accommodations, type Accommodation } from "./vocab/accommodations.ts";
import type { Source } from "./wage-subsidy-parameters.ts";

export const GUIDE_SOURCES = {
  sius: {
    title: "Arbetsförmedlingen: Särskild stödperson för introduktions- och uppföljningsstöd (SIUS)",
    url: "https://arbetsformedlingen.se/for-arbetssokande/extra-stod/stod-a-o/sarskild-stodperson-for-introduktions--och-uppfoljningsstod---sius",
  },
  sarskildaInsatser: {
    title: "Förordning (2017:462) om särskilda insatser för personer med funktionsnedsättning",
    url: "https://www.lagboken.se/Lagboken/start/sfs/sfs/2017/400-499/d_2995722-sfs-2017_462-forordning-om-sarskilda-insatser-for-personer-med-funktionsnedsattning-som-medfor",
  },
  arbetsmiljoregler: {
    title: "Arbetsmiljöverket: Grundläggande arbetsmiljöregler för dig som har arbetsgivaransvar (arbetsanpassning)",
    url: "https://docplayer.se/198429257-Grundlaggande-arbetsmiljoregler-for-dig-som-har-arbetsgivaransvar.html",
  },
  supportedEmployment: {
    title: "SKR: Supported Employment",
    url: "https://skr.se/naringslivarbetedigitalisering/arbetsmarknadvuxenutbildning/funktionsnedsattningocharbete/metoderochgodaexempel/metoderocharbetssatt/supportedemployment.8243.html",
  },
} as const satisfies Record<string, Source>;

export const CHECKLIST_PHASES = ["before", "first_day", "first_week", "after_month"] as const;
export type ChecklistPhase = (typeof CHECKLIST_PHASES)[number];

export const phaseLabels: Record<ChecklistPhase, string> = {
  before: "Innan första dagen",
  first_day: "Första dagen",
  first_week: "Första veckan",
  after_month: "Efter en månad",
};

export type Guide = {
  code: Accommodation;
  title: string;
  /** What it means. */
  what: string;
  /** How to do it in practice. */
  how: string[];
  /** What to watch for. */
  watch: string[];
  /** Checklist items this accommodation adds. */
  items: Array<{ phase: ChecklistPhase; text: string }>;
  sources: Source[];
};

type GuideText = Omit<Guide, "code" | "title">;

const texts: Record<Accommodation, GuideText> = {
  flexible_start: {
    what: "Personen kan börja arbetsdagen inom ett tidsfönster i stället för på en exakt tid.",
    how: [
      "Bestäm tillsammans ett fönster, till exempel mellan 8 och 9.",
      "Lägg möten och genomgångar efter fönstret, så att ingen missar något.",
    ],
    watch: ["Sen start betyder inte ointresse. Prata om det om fönstret inte håller, utan att peka ut personen."],
    items: [{ phase: "before", text: "Bestäm tidsfönstret för start och berätta det för arbetslaget." }],
    sources: [],
  },
  shorter_days: {
    what: "Personen arbetar färre timmar per dag eller vecka, ofta i början och sedan mer.",
    how: [
      "Skriv ner vilka tider som gäller varje vecka.",
      "Planera uppgifter som går att avsluta inom passet.",
      "Öka tiden stegvis när det fungerar, i samråd med personen och coachen.",
    ],
    watch: ["Trötthet efter passet är vanligt i början. Öka inte tiden för fort."],
    items: [{ phase: "after_month", text: "Stäm av med personen och coachen om arbetstiden ska ändras." }],
    sources: [],
  },
  extra_breaks: {
    what: "Personen behöver fler eller längre pauser än arbetslaget brukar ta.",
    how: [
      "Kom överens om när pauserna tas, till exempel fem minuter varje timme.",
      "Visa en plats där man kan vara ifred under pausen.",
    ],
    watch: ["Pauser är en del av arbetet, inte en förmån. Se till att kollegor förstår det."],
    items: [{ phase: "first_day", text: "Visa var man kan ta paus och kom överens om när." }],
    sources: [GUIDE_SOURCES.arbetsmiljoregler],
  },
  quiet_workspace: {
    what: "Personen arbetar bäst med lite ljud, rörelse och avbrott omkring sig.",
    how: [
      "Ge en fast plats bort från dörrar, skrivare och kundflöden.",
      "Låt personen använda hörlurar eller en skärm om det hjälper.",
    ],
    watch: ["Öppna kontor och plötsliga möten kan vara extra jobbiga. Säg till i förväg när något ändras."],
    items: [{ phase: "before", text: "Ordna en lugn arbetsplats och visa den första dagen." }],
    sources: [GUIDE_SOURCES.arbetsmiljoregler],
  },
  written_instructions: {
    what: "Personen lär sig och minns bättre när uppgifterna finns på papper eller i telefonen.",
    how: [
      "Skriv varje uppgift som korta steg i rätt ordning.",
      "Använd bilder eller foton där det går.",
      "Gå igenom listan tillsammans första gången.",
    ],
    watch: ["Uppdatera listan när något ändras – en gammal lista är värre än ingen."],
    items: [{ phase: "before", text: "Skriv ner de första arbetsuppgifterna som korta steg." }],
    sources: [],
  },
  fixed_supervisor: {
    what: "Personen har en och samma person att fråga, som också följer hur det går.",
    how: [
      "Utse handledaren innan start och berätta det för arbetslaget.",
      "Bestäm en ersättare när handledaren är ledig.",
      "Avsätt tid för en kort avstämning varje dag den första veckan.",
    ],
    watch: ["Handledaren behöver tid för uppdraget. Minska annat om det behövs."],
    items: [{ phase: "before", text: "Utse en fast handledare och en ersättare." }],
    sources: [GUIDE_SOURCES.supportedEmployment],
  },
  own_pace_introduction: {
    what: "Personen får lära sig en sak i taget och gå vidare när den sitter.",
    how: [
      "Börja med en eller två uppgifter och lägg till fler när de fungerar.",
      "Låt personen visa hur hen gör, i stället för att bara fråga om hen förstått.",
    ],
    watch: ["Jämför inte med hur snabbt andra har lärt sig. Takten ökar ofta efter några veckor."],
    items: [{ phase: "first_week", text: "Gå igenom vilka uppgifter som sitter och vilken som är nästa." }],
    sources: [],
  },
  coach_on_site: {
    what: "Coachen är med på arbetsplatsen i början och stöttar både personen och er.",
    how: [
      "Bestäm med coachen vilka dagar hen är med och vad hen ska göra.",
      "Coachen kan arbeta sida vid sida med personen en tid och sedan trappa ner.",
    ],
    watch: ["Stödet trappas ner när personen klarar uppgifterna själv. Säg till coachen om ni behöver mer stöd igen."],
    items: [{ phase: "before", text: "Bestäm med coachen vilka dagar hen är med i början." }],
    sources: [GUIDE_SOURCES.sius, GUIDE_SOURCES.supportedEmployment],
  },
  schedule_in_advance: {
    what: "Personen behöver veta arbetstider och uppgifter i god tid.",
    how: [
      "Lämna schemat minst en vecka i förväg.",
      "Berätta om ändringar så tidigt som möjligt, och helst personligen.",
    ],
    watch: ["Sista-minuten-ändringar kan göra att en annars bra dag blir svår."],
    items: [{ phase: "before", text: "Lämna schemat för de första veckorna." }],
    sources: [],
  },
  hearing_protection: {
    what: "Personen behöver skydd mot buller, till exempel hörselskydd eller proppar.",
    how: ["Ha hörselskydd på plats redan första dagen.", "Visa var det är mest buller och när."],
    watch: ["Med hörselskydd hörs larm och tilltal sämre. Kom överens om hur ni får personens uppmärksamhet."],
    items: [{ phase: "before", text: "Ha hörselskydd på plats." }],
    sources: [GUIDE_SOURCES.arbetsmiljoregler],
  },
  assistive_devices: {
    what: "Personen använder ett hjälpmedel eller behöver en anpassad arbetsplats.",
    how: [
      "Fråga coachen vilket hjälpmedel som behövs och vem som ordnar det.",
      "Arbetsförmedlingen kan ge bidrag till hjälpmedel på arbetsplatsen.",
    ],
    watch: ["Ett hjälpmedel som saknas första dagen gör starten onödigt svår. Beställ i god tid."],
    items: [{ phase: "before", text: "Se till att hjälpmedel eller anpassningar är på plats." }],
    sources: [GUIDE_SOURCES.sarskildaInsatser],
  },
  step_free_access: {
    what: "Personen behöver kunna ta sig in och runt utan trappsteg.",
    how: [
      "Gå själv vägen från entrén till arbetsplatsen, toaletten och fikarummet.",
      "Ordna ramp, hiss eller annan väg där det behövs.",
    ],
    watch: ["Tunga dörrar och trånga passager är lätta att missa."],
    items: [{ phase: "before", text: "Gå vägen från entrén till arbetsplatsen och ordna det som hindrar." }],
    sources: [GUIDE_SOURCES.arbetsmiljoregler],
  },
  language_support: {
    what: "Personen behöver tolk eller annat språkstöd för att förstå instruktioner.",
    how: [
      "Använd enkla ord och korta meningar, och visa gärna samtidigt.",
      "Boka tolk till viktiga samtal, till exempel introduktion och uppföljning.",
      "För personer med syn- eller hörselnedsättning kan Arbetsförmedlingen ge bidrag till tolk.",
    ],
    watch: ["Ett ja betyder inte alltid att allt är förstått. Be personen visa eller berätta med egna ord."],
    items: [{ phase: "first_day", text: "Kontrollera att instruktionerna har gått fram, med tolk om det behövs." }],
    sources: [GUIDE_SOURCES.sarskildaInsatser],
  },
  partly_remote: {
    what: "Personen arbetar en del av tiden hemifrån.",
    how: [
      "Bestäm vilka dagar som är på plats och vilka hemma.",
      "Ha en fast tid för kontakt de dagar personen är hemma.",
    ],
    watch: ["Det är lätt att glömma den som inte är på plats. Bjud in till möten och fika även hemmadagar."],
    items: [{ phase: "first_week", text: "Bestäm hur ni håller kontakten de dagar personen arbetar hemma." }],
    sources: [],
  },
};

export const guides: Guide[] = accommodations.codes.map((code) => ({
  code,
  title: accommodations.label(code),
  ...texts[code],
}));

export function guideFor(code: Accommodation): Guide {
  return guides.find((g) => g.code === code)!;
}

/** The introduction checklist every placement gets, whatever was disclosed. */
export const BASE_ITEMS: Array<{ id: string; phase: ChecklistPhase; text: string }> = [
  { id: "before:tasks", phase: "before", text: "Bestäm vilka arbetsuppgifter personen börjar med." },
  {
    id: "before:team",
    phase: "before",
    text: "Berätta för arbetslaget att en ny kollega börjar och vem som handleder.",
  },
  { id: "before:coach", phase: "before", text: "Prata med coachen om hur starten ska gå till." },
  { id: "first_day:welcome", phase: "first_day", text: "Ta emot personen vid entrén och visa runt." },
  { id: "first_day:safety", phase: "first_day", text: "Gå igenom säkerhet, nödutgångar och vem man frågar." },
  {
    id: "first_day:end",
    phase: "first_day",
    text: "Avsluta dagen med en kort pratstund: vad gick bra, vad var svårt?",
  },
  { id: "first_week:daily", phase: "first_week", text: "Stäm av en kort stund varje dag." },
  { id: "first_week:coach", phase: "first_week", text: "Berätta för coachen hur första veckan har gått." },
  { id: "after_month:meeting", phase: "after_month", text: "Ha ett uppföljningsmöte med personen och coachen." },
  { id: "after_month:next", phase: "after_month", text: "Bestäm nästa steg: nya uppgifter, tider eller stöd." },
];

export type ChecklistItem = { id: string; phase: ChecklistPhase; text: string; accommodation: Accommodation | null };

/** The checklist for a placement: the base items plus one per disclosed accommodation, by phase. */
export function checklistFor(disclosedAccommodations: readonly Accommodation[]): ChecklistItem[] {
  const items: ChecklistItem[] = [
    ...BASE_ITEMS.map((item) => ({ ...item, accommodation: null })),
    ...disclosedAccommodations.flatMap((code) =>
      texts[code].items.map((item, i) => ({
        id: `${code}:${i + 1}`,
        phase: item.phase,
        text: item.text,
        accommodation: code,
      })),
    ),
  ];
  return CHECKLIST_PHASES.flatMap((phase) => items.filter((item) => item.phase === phase));
}

export type ChecklistProgress = { done: number; total: number };

/** How much of the checklist is ticked (ticks for items no longer on the list do not count). */
export function checklistProgress(items: readonly ChecklistItem[], tickedIds: Iterable<string>): ChecklistProgress {
  const ticked = new Set(tickedIds);
  return { done: items.filter((i) => ticked.has(i.id)).length, total: items.length };
}

export function formatProgress(p: ChecklistProgress): string {
  return `${p.done} av ${p.total} klara`;
}
