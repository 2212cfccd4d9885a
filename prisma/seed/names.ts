// Fixed name lists for fictional people and places. Common Swedish first and last names (and some
// of the names common among people who have moved to Sweden); combinations are made up.

export const WOMEN_FIRST_NAMES = [
  "Anna", "Eva", "Maria", "Karin", "Sara", "Lena", "Kristina", "Emma", "Elin", "Ida",
  "Johanna", "Malin", "Linda", "Hanna", "Sofia", "Camilla", "Jenny", "Helena", "Ulrika", "Annika",
  "Frida", "Louise", "Matilda", "Amanda", "Julia", "Lisa", "Maja", "Ebba", "Wilma", "Moa",
  "Fatima", "Amina", "Leila", "Noor", "Mariam", "Agnes", "Birgitta", "Ingrid", "Marie", "Therese",
] as const;

export const MEN_FIRST_NAMES = [
  "Erik", "Lars", "Karl", "Anders", "Johan", "Per", "Mikael", "Peter", "Jonas", "Andreas",
  "Fredrik", "Daniel", "Mattias", "Magnus", "Niklas", "Marcus", "Stefan", "Henrik", "Martin", "Oskar",
  "Viktor", "Emil", "Filip", "Axel", "Gustav", "Simon", "Linus", "Albin", "Kevin", "Robin",
  "Ahmed", "Mohammed", "Ali", "Omar", "Yusuf", "Hassan", "Nils", "Björn", "Tobias", "Sebastian",
] as const;

export const OTHER_FIRST_NAMES = ["Alex", "Kim", "Robin", "Sam", "Charlie", "Love", "Noa", "Eli"] as const;

export const LAST_NAMES = [
  "Andersson", "Johansson", "Karlsson", "Nilsson", "Eriksson", "Larsson", "Olsson", "Persson",
  "Svensson", "Gustafsson", "Pettersson", "Jonsson", "Jansson", "Hansson", "Bengtsson", "Jönsson",
  "Lindberg", "Jakobsson", "Magnusson", "Olofsson", "Lindström", "Lindqvist", "Lindgren", "Berg",
  "Axelsson", "Bergström", "Lundberg", "Lind", "Lundgren", "Lundqvist", "Mattsson", "Berglund",
  "Fredriksson", "Sandberg", "Henriksson", "Forsberg", "Sjöberg", "Wallin", "Engström", "Eklund",
  "Danielsson", "Håkansson", "Lundin", "Björk", "Bergman", "Holm", "Samuelsson", "Fransson",
  "Ali", "Mohammed", "Ahmed", "Hassan", "Nguyen", "Yilmaz", "Kovačević", "Nowak",
] as const;

/** Street names that exist in most Swedish towns. */
export const STREETS = [
  "Storgatan", "Kyrkogatan", "Järnvägsgatan", "Industrigatan", "Verkstadsgatan", "Västra vägen",
  "Östra Storgatan", "Södra Vägen", "Norra Vägen", "Skolgatan", "Parkgatan", "Hantverksgatan",
  "Fabriksgatan", "Lagergatan", "Ringvägen", "Stationsgatan", "Torggatan", "Sjögatan",
  "Åsvägen", "Lövängsvägen", "Bangårdsgatan", "Smedjegatan", "Logistikvägen", "Företagsvägen",
  "Handelsvägen", "Kvarngatan", "Brogatan", "Tallvägen", "Björkvägen", "Ekhagsvägen",
] as const;

/**
 * Place-flavoured first words for fictional company names, with the municipalities they fit
 * (null = anywhere in the county).
 */
export const NAME_PREFIXES: ReadonlyArray<readonly [string, readonly string[] | null]> = [
  ["Vätterbygdens", null],
  ["Smålands", null],
  ["Höglandets", ["0682", "0686", "0687", "0604", "0684", "0685"]],
  ["Jönköpings", ["0680"]],
  ["Huskvarna", ["0680"]],
  ["Munksjö", ["0680"]],
  ["Rosenlunds", ["0680"]],
  ["Torsviks", ["0680"]],
  ["Gränna", ["0680"]],
  ["Bankeryds", ["0680"]],
  ["Tabergs", ["0680", "0665"]],
  ["Habo", ["0643"]],
  ["Mullsjö", ["0642"]],
  ["Nässjö", ["0682"]],
  ["Eksjö", ["0686"]],
  ["Tranås", ["0687"]],
  ["Aneby", ["0604"]],
  ["Sävsjö", ["0684"]],
  ["Vetlanda", ["0685"]],
  ["Värnamo", ["0683"]],
  ["Gislaveds", ["0662"]],
  ["Gnosjö", ["0617"]],
  ["Vaggeryds", ["0665"]],
  ["Skillingaryds", ["0665"]],
  ["Lagadalens", ["0683", "0665"]],
  ["Nissadalens", ["0662", "0617"]],
  ["Emåns", ["0685", "0686"]],
  ["Svartåns", ["0687", "0682"]],
  ["Ekhagens", null],
  ["Björkdalens", null],
  ["Sjöängens", null],
  ["Granbackens", null],
  ["Lövåsens", null],
];
