// The report's definitions in Swedish, shown on the report page, included in the JSON export and
// repeated in docs/reports.md (a unit test keeps the two in step).
import { FIRST_CONTACT_DAYS, CASELOAD_PER_FULL_TIME, MIN_GROUP_SIZE, RETENTION_MONTHS } from "./config.ts";

export type Definition = { id: string; term: string; text: string };

export function reportDefinitions(minGroupSize = MIN_GROUP_SIZE): Definition[] {
  return [
    {
      id: "period",
      term: "Vilka som räknas till perioden",
      text: "Perioden är kalenderdagar i svensk tid, från och med första till och med sista dagen. En deltagare räknas till perioden om hen var inskriven någon gång under den: inskriven senast periodens sista dag och inte avslutad före periodens första dag. Avslut räknas efter avslutsdatum inom perioden. Milstolpar, vägen till arbete och uppföljningar räknas till och med periodens sista dag, eller till och med i dag om perioden inte är slut. Med kommunfilter räknas bara deltagare som bor i kommunen.",
    },
    {
      id: "consent",
      term: "Registrerade och anonyma deltagare",
      text: "Bara deltagare som har samtycke till registrering för statistik (det senaste samtycket som inte har återkallats) ingår i tabellerna med uppgifter om personerna. Deltagare utan det samtycket räknas som anonyma: bara antal, efter kön. Deltagare som är inskrivna men inte räknas i resultat (till exempel för att de började för sent i projektet eller slutade innan arbetet kom i gång) räknas som inskrivna i tabellen Deltagare och samtycke men ingår inte i någon nämnare för resultaten; skälet sparas hos deltagaren. Raderade deltagare räknas på samma sätt, utifrån den anonyma statistik som sparas när uppgifterna raderas (med datum på månadsnivå).",
    },
    {
      id: "gender",
      term: "Kön",
      text: "Kvinnor, män, annat och ej angivet. Ej angivet betyder att deltagaren inte ville ange kön.",
    },
    {
      id: "work",
      term: "Vad som räknas som arbete",
      text: "Avslut till arbete: avslutsorsaken arbete eller arbete och studier. Anställning: en placering på en annons av typen anställning, med eller utan stöd (lönestöd, nystartsjobb, introduktionsjobb, OSA eller kommunal arbetsmarknadsanställning). Praktik, arbetsträning, uppdrag och studiebesök är inte arbete. Anställning på den öppna arbetsmarknaden är alla anställningar utom OSA och kommunal arbetsmarknadsanställning.",
    },
    {
      id: "studies",
      term: "Vad som räknas som studier",
      text: "Avslutsorsaken studier eller arbete och studier.",
    },
    {
      id: "before-after",
      term: "Före och efter",
      text: "Före är sysselsättning och försörjning vid inskrivningen, efter är vid avslutet. Tabellerna gäller deltagare som avslutades under perioden, så före och efter handlar om samma personer. En deltagare kan ha flera försörjningskällor och räknas då under var och en. Andel efter räknas av antalet avslutade i gruppen; förändring är efter minus före, och förändring i procent räknas av antalet före.",
    },
    {
      id: "milestones",
      term: "Milstolpar",
      text: "Första arbetsgivarkontakt: den tidigaste av en loggad arbetsgivarkontakt om deltagaren, ett förslag som har presenterats för en arbetsgivare och en placering. Första placering: den första placeringen av något slag. Första anställning: den första placeringen på en anställning. Dagar räknas från inskrivningsdagen. Medianen gäller deltagare som hade nått milstolpen vid periodens slut.",
    },
    {
      id: "funnel",
      term: "Vägen till arbete",
      text: "Inskrivna: alla registrerade deltagare under perioden. Kartlagda: har nått fasen kartläggning eller en senare fas. Fått förslag: coachen har föreslagit minst en annons. Placerade: har haft minst en placering. Anställda: har fått en anställning. Varje steg räknar alla som nått steget eller ett senare steg.",
    },
    {
      id: "retention",
      term: "Kvar i arbete",
      text: `Uppföljning ${RETENTION_MONTHS.join(", ").replace(
        /, (\d+)$/,
        " och $1",
      )} månader efter första anställningens startdag. Coachen registrerar om deltagaren fortfarande är anställd och i så fall hur många timmar per vecka. Andelen räknas av dem som har följts upp.`,
    },
    {
      id: "fidelity",
      term: "IPS-trohet",
      text: `Pågående deltagare per heltidscoach: alla pågående deltagare i organisationen vid periodens slut delat med summan av tjänstgöringsgraderna hos coacherna (och administratörer som har egna deltagare); målet är högst ${CASELOAD_PER_FULL_TIME}. Arbetsgivarkontakt inom ${
        FIRST_CONTACT_DAYS / 7
      } veckor: andelen av deltagarna vars första ${FIRST_CONTACT_DAYS} dagar hade gått vid periodens slut. Öppna arbetsmarknaden: andelen av de anställda som har en anställning som inte är OSA eller kommunal arbetsmarknadsanställning. Timmar per vecka: den senaste anställningens timmar (eller den senaste uppföljningen).`,
    },
    {
      id: "sectors",
      term: "Sektor och status vid periodens slut",
      text: "Anställning efter sektor räknar personer som har fått en anställning till och med periodens slut, efter arbetsgivarens sektor: offentlig (kommun, region, stat), privat eller idéburen. Den som har haft anställning i två sektorer räknas en gång i varje sektor och en gång i totalen. Status vid periodens slut: de som var anställda på sin arbetsplats på periodens sista dag, det vill säga hade en anställning som hade börjat och inte slutat. Varje andel anger sin nämnare.",
    },
    {
      id: "rounding",
      term: "Avrundning",
      text: "Andelar och förändringar i procent visas i hela procent, medianer och medelvärden med en decimal. Vi räknar alltid från exakta antal. I den exakta visningen avrundas 5 uppåt (bort från noll). I finansiärens visning, på sidan, i exporterna och i kommandot npm run report, stryks decimalerna (avkortning mot noll), så som SUS skriver ut sina tal: 28,57 blir 28 och −28,57 blir −28. Därför blir andelar inte alltid 100 % tillsammans. Median är det mittersta värdet, och vid ett jämnt antal medelvärdet av de två mittersta. När antalet före är 0 visas ingen förändring i procent (–).",
    },
    {
      id: "suppression",
      term: "Små grupper döljs",
      text: `I finansiärens visning, i exporterna och i kommandot npm run report döljs antal från 1 till ${
        minGroupSize - 1
      } personer (visas som <${minGroupSize}). Där ett dolt antal annars kan räknas fram ur en summa döljs ytterligare ett värde (visas som x). Andelar, förändringar och medianer som bygger på ett dolt antal eller på färre än ${minGroupSize} personer döljs också (x). Då kan ingen enskild person identifieras. Sidan visar annars exakta tal för organisationens eget arbete.`,
    },
    {
      id: "export",
      term: "Export",
      text: "CSV-filerna har semikolon som avgränsare, decimalkomma och teckenkodningen UTF-8 med BOM, så att svenska Excel öppnar dem direkt. JSON-filen har samma tabeller med tal som tal; ett dolt värde är texten <3 eller x.",
    },
  ];
}
