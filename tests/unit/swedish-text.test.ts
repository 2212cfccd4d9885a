// Swedish text assembly in one place (app/domain/swedish.ts) and the texts built with it
// (issue 14, item 6): lists, counts, agreement, sentences, second person on the participant's pages.
import { describe, expect, test } from "vitest";
import { emptyProfile, disclosureLabel, disclosureItems } from "~/domain/profile.ts";
import { profileSections, sectionSavedNotice } from "~/domain/profile-forms.ts";
import { buildPresentation, kindShort } from "~/domain/proposals.ts";
import {
  capitalizeSv,
  countSv,
  joinSv,
  labelledListSv,
  NOUNS,
  participleSv,
  savedSv,
  sentencesSv,
} from "~/domain/swedish.ts";
import { openingKinds } from "~/domain/vocab/openings.ts";
import { travelModes, travelPhrase } from "~/domain/vocab/schedule.ts";
import { listSv } from "~/domain/matching/facts.ts";

describe("lists", () => {
  test("a, b och c – no serial comma, empty items left out", () => {
    expect(joinSv([])).toBe("");
    expect(joinSv(["a"])).toBe("a");
    expect(joinSv(["a", "b"])).toBe("a och b");
    expect(joinSv(["a", "b", "c"])).toBe("a, b och c");
    expect(joinSv(["a", " ", "c"])).toBe("a och c");
    expect(joinSv(["dag", "kväll"], "eller")).toBe("dag eller kväll");
    expect(labelledListSv("Körkort", ["B", "C"])).toBe("Körkort: B och C");
    expect(labelledListSv("Körkort", [])).toBeNull();
  });

  test("the matcher's lists use the same join", () => {
    expect(listSv(["lugnt tempo", "tyst", "inomhus"])).toBe(joinSv(["lugnt tempo", "tyst", "inomhus"]));
  });
});

describe("counts", () => {
  test("1 kollega, 2 kollegor, 0 kollegor", () => {
    expect(countSv(1, NOUNS.colleague)).toBe("1 kollega");
    expect(countSv(2, NOUNS.colleague)).toBe("2 kollegor");
    expect(countSv(0, NOUNS.colleague)).toBe("0 kollegor");
    expect(countSv(1, NOUNS.day)).toBe("1 dag");
    expect(countSv(3, NOUNS.week)).toBe("3 veckor");
    expect(countSv(1, NOUNS.newMessage)).toBe("1 nytt meddelande");
    expect(countSv(4, NOUNS.newMessage)).toBe("4 nya meddelanden");
  });
});

describe("agreement", () => {
  test("sparad, sparat, sparade after an en-word, an ett-word and a plural", () => {
    expect(participleSv("sparad", "en")).toBe("sparad");
    expect(participleSv("sparad", "ett")).toBe("sparat");
    expect(participleSv("sparad", "plural")).toBe("sparade");
    expect(participleSv("köpt", "plural")).toBe("köpta");
    expect(savedSv("Intressena", "plural")).toBe("Intressena är sparade.");
  });

  test("every profile section's notice agrees with its subject", () => {
    const notices = Object.fromEntries(profileSections.map((s) => [s.slug, sectionSavedNotice(s)]));
    expect(notices).toEqual({
      intressen: "Intressena är sparade.",
      styrkor: "Styrkorna och kompetenserna är sparade.",
      erfarenhet: "Erfarenheten är sparad.",
      bakgrund: "Utbildning, körkort och språk är sparade.",
      onskemal: "Arbetstid och resväg är sparade.",
      arbetsmiljo: "Den önskade arbetsmiljön är sparad.",
      anpassningar: "Anpassningarna är sparade.",
      aldrig: "Det som aldrig är aktuellt är sparat.",
      synlighet: "Vad arbetsgivaren får se är sparat.",
    });
  });
});

describe("sentences", () => {
  test("joined with one full stop and a capital letter, never '. fungerade' or '..'", () => {
    expect(
      sentencesSv([
        "40 timmar i veckan",
        "fungerade bra: arbetstiden",
        "Schemat var klart i god tid..",
        null,
        "",
        false,
        "fungerade mindre bra: tempot",
      ]),
    ).toBe(
      "40 timmar i veckan. Fungerade bra: arbetstiden. Schemat var klart i god tid. Fungerade mindre bra: tempot.",
    );
    expect(sentencesSv(["Bra!", "Visst?"])).toBe("Bra! Visst?");
    expect(sentencesSv(["Fungerade bra:"])).toBe("Fungerade bra.");
    expect(capitalizeSv("åka")).toBe("Åka");
  });

  test("an experience in the employer's presentation reads as sentences", () => {
    const profile = {
      ...emptyProfile(),
      disclosure: { experience: true },
      experience: [
        {
          id: "e1",
          what: "Lagerarbete",
          where: "Lagret AB",
          hoursPerWeek: 40,
          instructions: [],
          factors: { hours: { verdict: "worked" as const }, pace: { verdict: "did_not_work" as const } },
          worked: "Schemat var klart i god tid.",
          didNotWork: "Stressigt före jul.",
        },
      ],
    };
    const labels = { interestOccupations: [], interestGroups: [], skills: [], languages: [], occupationLabel: {} };
    const [line] = buildPresentation("Kim", profile, labels).sections[0]!.lines;
    expect(line).toBe(
      "Lagerarbete – Lagret AB. 40 timmar i veckan. Fungerade bra: arbetstiden. Schemat var klart i god tid. " +
        "Fungerade mindre bra: tempot. Stressigt före jul.",
    );
    expect(line).not.toMatch(/\.\.|\. [a-zåäö]/);
  });
});

describe("words for the participant", () => {
  test("how they travel, as a verb: 'Du cyklar till jobbet', never 'Du reser med: cyklar'", () => {
    for (const code of travelModes.codes) expect(travelPhrase(code)).toMatch(/ till jobbet$/);
    expect(`Du ${travelPhrase("bike")}.`).toBe("Du cyklar till jobbet.");
    expect(`Du ${travelPhrase("public_transport")}.`).toBe("Du åker kollektivt till jobbet.");
  });

  test("what the employer may see, in second person on their own pages", () => {
    expect(disclosureLabel("interests", "participant")).toBe("Vad du vill jobba med");
    expect(disclosureLabel("interests", "coach")).toBe("Vad deltagaren vill jobba med");
    for (const item of disclosureItems.codes) {
      const label = disclosureLabel(item, "participant");
      expect(label, item).not.toMatch(/deltagaren|kompetens/i);
    }
  });

  test("one term for work_trial: arbetsträning", () => {
    expect(openingKinds.label("work_trial")).toBe("Arbetsträning");
    expect(kindShort("work_trial")).toBe("en arbetsträning");
  });
});

describe("seeded support threads", () => {
  test("a message shared with the participant is written to them: no greeting to the employer, no jargon", async () => {
    const { PLACEMENT_SCRIPTS } = await import("../../prisma/seed/texts.ts");
    const shared = PLACEMENT_SCRIPTS.flat().filter((line) => line.shared);
    expect(shared.length).toBeGreaterThan(0);
    for (const line of shared) {
      expect(line.text).not.toContain("{employerFirst}");
      expect(line.text).not.toMatch(/trepartssamtal|lönestöd/i);
    }
  });
});
