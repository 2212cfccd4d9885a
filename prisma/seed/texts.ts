// Swedish free text for the demo data: purposes, reasons, profile texts, support-thread
// conversations, contact notes and meeting notes. Functional descriptions only — never a medical
// label or diagnosis (docs/product-rules.md#principles). Placeholders in {braces} are filled in by the generator.

export const PRACTICE_PURPOSES = [
  "Prova på yrket och se om arbetet passar.",
  "Bygga upp uthållighet mot 20 timmar i veckan.",
  "Få en aktuell referens från en arbetsgivare.",
  "Lära sig arbetsplatsens rutiner inför en möjlig anställning.",
  "Pröva arbetsförmågan i en verklig arbetsmiljö med stöd.",
  "Komma in i arbetsgemenskapen och öka tiden stegvis.",
] as const;

export const WORK_TRIAL_PURPOSES = [
  "Arbetsträning i lugn takt för att hitta rätt arbetstid och rätt uppgifter.",
  "Pröva vilka arbetsuppgifter och hur många timmar som fungerar, inför nästa steg.",
  "Öva på att komma i tid och följa ett schema, med stöd från handledare och coach.",
  "Kartlägga styrkor och behov av anpassning i en riktig arbetsmiljö.",
] as const;

export const CLOSE_REASONS = {
  filled: ["Platsen är tillsatt.", "Vi har hittat rätt person – tack!"],
  closed: ["Behovet har upphört.", "Vi tar upp det igen till våren.", "Omorganisation – vi återkommer."],
} as const;

export const STRENGTHS = [
  "Noggrann och ordningsam",
  "Alltid i tid",
  "Tycker om att arbeta med händerna",
  "Bra på att sortera och hålla ordning",
  "Lugn och vänlig i bemötandet",
  "Uthållig när uppgifterna är tydliga",
  "Tycker om djur",
  "Kommer ihåg rutiner bra",
  "Hjälpsam mot kollegor",
  "Trivs med att vara ute",
  "Van vid dator och mobil",
  "Lär sig snabbt genom att se hur andra gör",
  "Humoristisk och lätt att samarbeta med",
  "Tar ansvar för sina uppgifter",
  "Gillar när det händer mycket",
  "Fokuserad när det är lugnt runt omkring",
] as const;

export const EDUCATION = [
  "Grundskola",
  "Grundskola, gymnasiet påbörjat",
  "Gymnasiet, fordonsprogrammet",
  "Gymnasiet, hotell- och turismprogrammet",
  "Gymnasiet, handels- och administrationsprogrammet",
  "Gymnasiet, barn- och fritidsprogrammet (inte fullföljt)",
  "Gymnasiesärskola, programmet för hantverk och produktion",
  "Folkhögskola, allmän kurs",
  "Komvux, svenska och matematik",
  "Grundskola i hemlandet och SFI",
  "Yrkesutbildning inom lager och logistik (Komvux)",
  "Truckkort A+B",
] as const;

export const EXPERIENCE_WHERE = [
  "Praktik på ett lager i {place}",
  "Sommarjobb i kommunen",
  "Arbetsträning i kommunens arbetsmarknadsverksamhet",
  "Timanställning i en butik i {place}",
  "Anställning på ett företag i {place}",
  "Praktik via Arbetsförmedlingen",
  "Extrajobb på helger",
  "Daglig verksamhet",
] as const;

/** What worked in an earlier job, with the experience factor (app/domain/profile.ts) it tells about. */
export const EXPERIENCE_WORKED: ReadonlyArray<readonly [string, string]> = [
  ["variation", "Tydliga uppgifter och samma rutiner varje dag."],
  ["manager", "En fast handledare som visade hur man gör."],
  ["hours", "Att få börja med några timmar och öka efter hand."],
  ["instructions", "Skriftlig checklista att bocka av."],
  ["pace", "Lugnt tempo på förmiddagarna."],
  ["colleagues", "Bra kollegor som tog med mig på fikat."],
  ["colleagues", "Att få arbeta ensam med en uppgift i taget."],
  ["variation", "Mycket variation och att få röra på sig."],
  ["environment", "Att arbeta utomhus."],
  ["hours", "Schemat var klart i god tid."],
];

export const EXPERIENCE_DID_NOT_WORK: ReadonlyArray<readonly [string, string]> = [
  ["pace", "Högt tempo och mycket stress vid leveranser."],
  ["environment", "Mycket buller i lokalen."],
  ["instructions", "Instruktionerna gavs bara muntligt och snabbt."],
  ["manager", "Ny handledare varje vecka."],
  ["hours", "Kvällspassen gjorde det svårt att sova."],
  ["hours", "Långa dagar utan pauser."],
  ["environment", "Mycket kundkontakt i kassan."],
  ["colleagues", "Stor arbetsgrupp där det var svårt att veta vem man skulle fråga."],
  ["environment", "Tunga lyft hela dagen."],
  ["manager", "Oklart vem som var ens chef."],
];

export const PARTICIPANT_DECLINE_REASONS = [
  "För långt att åka.",
  "Jag vill inte jobba på helger.",
  "Det verkar för stressigt.",
  "Jag vill hellre jobba utomhus.",
  "Jag har redan tackat ja till något annat.",
] as const;

export const PARTICIPANT_MORE_INFO = [
  "Hur många är det som jobbar där?",
  "Kan jag få se arbetsplatsen först?",
  "Vilka tider skulle jag jobba?",
  "Behöver jag egna arbetskläder?",
] as const;

export const EMPLOYER_DECLINE_REASONS = [
  "Vi har redan tillsatt platsen.",
  "Vi behöver någon som kan börja tidigare.",
  "Tiderna passar tyvärr inte vår verksamhet just nu.",
  "Vi har inte möjlighet att ta emot fler just nu – hör gärna av er efter sommaren.",
] as const;

export const PLACEMENT_END_REASONS = {
  done: "Praktiken avslutad enligt plan.",
  work: "Stödet avslutat – arbetar vidare utan stöd.",
} as const;

/**
 * A conversation in a placement support thread. "shared" messages are visible to the participant,
 * so they are written to the participant too (never "Hej {employerFirst}!") and in plain Swedish.
 */
export type ScriptLine = { from: "coach" | "employer"; text: string; shared?: boolean; afterDays: number };

export const PLACEMENT_SCRIPTS: ScriptLine[][] = [
  [
    {
      from: "coach",
      afterDays: 0,
      text: "Hej {employerFirst}! Välkommen till tråden för {participantGen} start hos er. Här kan ni skriva till mig när som helst, jag svarar samma dag. Jag är med på introduktionen första dagen.",
    },
    {
      from: "employer",
      afterDays: 1,
      text: "Tack! Vi har förberett en checklista och {supervisor} blir handledare. Ska vi börja klockan nio första veckan?",
    },
    {
      from: "coach",
      afterDays: 1,
      text: "Nio låter bra. Skriv gärna upp dagens uppgifter på en lapp – {participant} tycker om att ha det skriftligt.",
    },
    {
      from: "employer",
      afterDays: 8,
      text: "Första veckan har gått fint. {participant} är noggrann och har redan lärt sig plocklistorna.",
    },
    {
      from: "coach",
      afterDays: 9,
      shared: true,
      text: "Vad roligt att höra! Jag kommer förbi på torsdag för en kort uppföljning, så pratar vi om att öka en timme per dag.",
    },
  ],
  [
    {
      from: "coach",
      afterDays: 0,
      text: "Hej! Nu är starten bokad. Jag är med första förmiddagen och sedan finns jag på telefon. Ring eller skriv här om något dyker upp.",
    },
    {
      from: "employer",
      afterDays: 3,
      text: "Hej, en fråga: {participant} verkade trött efter lunch i dag. Ska vi korta dagarna?",
    },
    {
      from: "coach",
      afterDays: 3,
      text: "Bra att du säger till. Vi provar att sluta 13.00 de närmaste två veckorna och ser hur det går. Jag pratar med {participant} i morgon.",
    },
    { from: "employer", afterDays: 4, text: "Det gör vi. Vi lägger de tyngre uppgifterna på morgonen." },
    {
      from: "coach",
      afterDays: 17,
      shared: true,
      text: "Det fungerar bättre med kortare dagar. Vi behåller 13.00 och pratar om det igen när vi träffas alla tre: du, din handledare och jag.",
    },
  ],
  [
    {
      from: "employer",
      afterDays: 0,
      text: "Hej! Vi ser fram emot att {participant} börjar. Vilka tider passar bäst?",
    },
    {
      from: "coach",
      afterDays: 0,
      text: "Hej {employerFirst}! Förmiddagar fungerar bäst, gärna 8–12 till att börja med. Det är viktigt med en fast person att fråga – blir det {supervisor}?",
    },
    {
      from: "employer",
      afterDays: 1,
      text: "Ja, {supervisor} är handledare. Vi har också ett lugnare rum där man kan ta paus.",
    },
    { from: "coach", afterDays: 22, text: "Hur går det nu efter tre veckor? Finns det något jag kan hjälpa till med?" },
    {
      from: "employer",
      afterDays: 23,
      text: "Det går riktigt bra. Vi skulle gärna prata om möjligheten till anställning med lönestöd längre fram.",
    },
    {
      from: "coach",
      afterDays: 23,
      text: "Vad roligt! Jag tar med information om lönestöd till nästa möte och kollar med Arbetsförmedlingen.",
    },
  ],
  [
    {
      from: "coach",
      afterDays: 0,
      shared: true,
      text: "Välkommen {participant} till {employer}! Här samlar vi det som rör din start. {supervisor} är din handledare och jag är med som stöd.",
    },
    { from: "employer", afterDays: 2, text: "Vi har tagit fram hörselskydd och en egen skåpsplats. Behövs något mer?" },
    {
      from: "coach",
      afterDays: 2,
      text: "Tack, det räcker gott. En sak till: säg gärna till i förväg om schemat ändras, det gör stor skillnad.",
    },
    { from: "employer", afterDays: 12, text: "Noterat. Vi lägger schemat två veckor fram i tiden från och med nu." },
  ],
  [
    { from: "employer", afterDays: 0, text: "Hej, hur gör vi med försäkringen under praktiken?" },
    {
      from: "coach",
      afterDays: 0,
      text: "Hej! Deltagaren är försäkrad genom oss under hela praktiken, ni behöver inte göra något. Jag mejlar intyget.",
    },
    {
      from: "employer",
      afterDays: 6,
      text: "Tack! Allt rullar på. {participant} har börjat ta egna initiativ i morse, riktigt kul.",
    },
    {
      from: "coach",
      afterDays: 7,
      shared: true,
      text: "Härligt! Vi ses snart alla tre: du, din handledare och jag. Då pratar vi om vad som fungerar och vad nästa steg kan vara.",
    },
  ],
];

export type QuestionScript = {
  subject: string;
  lines: Array<{ from: "coach" | "employer"; text: string; afterDays: number }>;
};

export const QUESTION_SCRIPTS: QuestionScript[] = [
  {
    subject: "Hur fungerar lönestöd?",
    lines: [
      {
        from: "employer",
        afterDays: 0,
        text: "Hej! Vi funderar på att anställa någon med lönestöd. Hur går det till och hur mycket får vi?",
      },
      {
        from: "coach",
        afterDays: 0,
        text: "Hej! Lönestöd beslutas av Arbetsförmedlingen och beror på personens arbetsförmåga. Jag kan komma förbi och gå igenom det, passar tisdag förmiddag?",
      },
      { from: "employer", afterDays: 1, text: "Tisdag passar bra, klockan tio." },
    ],
  },
  {
    subject: "Kan vi ta emot någon på praktik i sommar?",
    lines: [
      {
        from: "employer",
        afterDays: 0,
        text: "Vi har mycket att göra i juni–augusti. Finns det någon som vill praktisera hos oss?",
      },
      {
        from: "coach",
        afterDays: 1,
        text: "Det tror jag absolut. Lägg gärna upp en praktikplats i Brygga med vilka uppgifter det gäller, så matchar jag mot de deltagare jag har.",
      },
    ],
  },
  {
    subject: "Introduktion av ny medarbetare",
    lines: [
      {
        from: "employer",
        afterDays: 0,
        text: "Har ni tips på hur vi lägger upp introduktionen så att det blir bra från början?",
      },
      {
        from: "coach",
        afterDays: 0,
        text: "Ja! Börja med få uppgifter, visa hur man gör och skriv upp stegen. En fast handledare gör stor skillnad. Jag kan vara med de första dagarna.",
      },
      { from: "employer", afterDays: 2, text: "Tack, vi gör en checklista. Bra om du kan vara med första dagen." },
      { from: "coach", afterDays: 2, text: "Det ordnar jag. Jag bokar in det." },
    ],
  },
  {
    subject: "Försäkring under praktik",
    lines: [
      {
        from: "employer",
        afterDays: 0,
        text: "Vad gäller för försäkringen om någon skadar sig under en praktik hos oss?",
      },
      {
        from: "coach",
        afterDays: 0,
        text: "Deltagare i praktik via oss omfattas av en kollektiv olycksfallsförsäkring. Ni behöver inte teckna något eget. Jag skickar informationen på mejl.",
      },
    ],
  },
  {
    subject: "Fråga om arbetstider",
    lines: [
      {
        from: "employer",
        afterDays: 0,
        text: "Går det att börja med färre timmar och öka efter hand? Vi har mest behov på förmiddagarna.",
      },
    ],
  },
  {
    subject: "Behöver vi anpassa arbetsplatsen?",
    lines: [
      { from: "employer", afterDays: 0, text: "Vi har en ganska bullrig lokal. Är det ett hinder?" },
      {
        from: "coach",
        afterDays: 1,
        text: "Inte nödvändigtvis. Många klarar det bra med hörselskydd eller en lugnare hörna för pauser. Vi tittar på det tillsammans vid ett besök.",
      },
      { from: "employer", afterDays: 1, text: "Bra, välkommen förbi." },
    ],
  },
  {
    subject: "Nystartsjobb eller introduktionsjobb?",
    lines: [
      {
        from: "employer",
        afterDays: 0,
        text: "Vad är skillnaden mellan nystartsjobb och introduktionsjobb? Vi vill anställa men är osäkra på vad som passar.",
      },
      {
        from: "coach",
        afterDays: 0,
        text: "Kort sagt: nystartsjobb ger ett stöd för personer som varit utan arbete länge, introduktionsjobb kombinerar arbete med utbildning. Jag ringer dig i eftermiddag och förklarar mer.",
      },
    ],
  },
  {
    subject: "Kan ni komma på vårt personalmöte?",
    lines: [
      {
        from: "employer",
        afterDays: 0,
        text: "Skulle du vilja berätta om Supported Employment på vårt personalmöte? Flera i personalgruppen är nyfikna.",
      },
      {
        from: "coach",
        afterDays: 2,
        text: "Gärna! Jag behöver ungefär 20 minuter. Föreslå några datum så väljer jag.",
      },
    ],
  },
];

export const CONTACT_NOTES: Record<"visit" | "call" | "meeting" | "study_visit" | "email", string[]> = {
  visit: [
    "Besök på arbetsplatsen. Gick runt med chefen och tittade på uppgifter som kan passa.",
    "Arbetsplatsbesök. De har behov av extra hjälp på förmiddagar, främst sortering och påfyllning.",
    "Uppföljningsbesök. Handledaren nöjd, vill gärna ta emot fler.",
  ],
  call: [
    "Ringde och presenterade Supported Employment. Intresserade, vill ha ett besök.",
    "Telefonsamtal om möjliga uppgifter. Återkommer efter deras planeringsmöte.",
    "Kort avstämning per telefon. Allt fungerar, nästa kontakt om två veckor.",
  ],
  meeting: [
    "Möte med chef och HR om att ta emot praktikanter. Bestämde att lägga upp två platser i Brygga.",
    "Möte om lönestöd och anställningsform. Skickar information från Arbetsförmedlingen.",
  ],
  study_visit: [
    "Studiebesök med deltagare. Visade lokalerna och hälsade på i arbetslaget.",
    "Studiebesök tillsammans med deltagare. Bra stämning, deltagaren vill gärna prova.",
  ],
  email: [
    "Mejlade information om stöd till arbetsgivare.",
    "Skickade sammanfattning från mötet och förslag på nästa steg.",
  ],
};

export const MEETING_AGENDAS = {
  three_party: "Trepartssamtal: hur har det gått, vad fungerar, vad behöver ändras, nästa steg.",
  follow_up: "Uppföljning på arbetsplatsen: arbetstider, uppgifter och stöd.",
} as const;

export const MEETING_NOTES = [
  "Det fungerar bra. Deltagaren trivs med uppgifterna och kollegorna. Vi behåller tiderna.",
  "Deltagaren vill prova fler uppgifter. Handledaren visar packstationen nästa vecka.",
  "Tröttare på eftermiddagar. Vi kortar dagen med en timme under två veckor.",
  "Handledaren lyfter att introduktionen gått fortare än väntat. Vi pratar om förlängning.",
  "Alla nöjda. Stödet glesas ut till varannan vecka.",
] as const;

export const MEETING_ACTIONS = [
  { text: "Skriva en checklista för morgonrutinen", owner: "Handledare" },
  { text: "Ta reda på vad lönestöd skulle innebära", owner: "Coach" },
  { text: "Prova att börja 8.30 i stället för 8.00", owner: "Deltagare" },
  { text: "Boka nästa uppföljning", owner: "Coach" },
  { text: "Visa packstationen", owner: "Handledare" },
] as const;

export const PROFILE_COMMENTS = [
  "Jag vill helst jobba på förmiddagar.",
  "Jag kan cykla till jobbet om det är mindre än en mil.",
  "Jag tycker om att jobba med händerna, skriv gärna det.",
  "Kan vi lägga till att jag har varit med och sorterat på återbruket?",
] as const;

export const COACH_COMMENT_REPLIES = [
  "Tack, jag har lagt till det i din profil.",
  "Bra! Det skriver jag in under önskemål.",
] as const;
