// Email replies keep only what the person wrote: the quote, its header line, Outlook's header block,
// signatures and "Sent from my phone" go — in the shapes real mail clients produce.
import { describe, expect, test } from "vitest";
import { extractReplyText, isAutomatedMail } from "../../emails/reply-text.ts";

const quote = [
  "> Hej! Hur gör vi med raster?",
  ">",
  "> Läs och svara i Brygga:",
  "> https://brygga.example.se/arbetsgivare/placeringar/abc",
];

describe("extractReplyText", () => {
  test.each([
    [
      "Gmail in Swedish",
      ["Ja, det går bra.", "", "Den tors 5 mars 2026 kl 10:15 skrev Brygga <no-reply@brygga.se>:", "", ...quote],
    ],
    [
      "Gmail in English, header wrapped over two lines",
      ["Ja, det går bra.", "", "On Thu, Mar 5, 2026 at 10:15 AM Brygga <", "no-reply@brygga.se> wrote:", "", ...quote],
    ],
    [
      "Apple Mail in Swedish",
      ["Ja, det går bra.", "", "5 mars 2026 kl. 10:15 skrev Brygga <no-reply@brygga.se>:", "", ...quote],
    ],
    ["Thunderbird in Swedish", ["Ja, det går bra.", "", "Den 2026-03-05 kl. 10:15, skrev Brygga:", ...quote]],
    [
      "a weekday first",
      ["Ja, det går bra.", "", "tors 5 mars 2026 kl. 10:15 skrev Brygga <no-reply@brygga.se>:", ...quote],
    ],
    [
      "Outlook in Swedish",
      [
        "Ja, det går bra.",
        "",
        "________________________________",
        "Från: Brygga <no-reply@brygga.se>",
        "Skickat: den 5 mars 2026 10:15",
        "Till: Per Persson <per@ag.se>",
        "Ämne: Nytt meddelande",
        "",
        "Hej! Hur gör vi med raster?",
      ],
    ],
    [
      "Outlook in English without a line",
      [
        "Ja, det går bra.",
        "",
        "From: Brygga <no-reply@brygga.se>",
        "Sent: Thursday, March 5, 2026 10:15 AM",
        "To: Per Persson",
        "Subject: Nytt meddelande",
        "",
        "Hej!",
      ],
    ],
    [
      "Outlook's original message marker",
      ["Ja, det går bra.", "", "-----Ursprungligt meddelande-----", "Från: Brygga", "Hej!"],
    ],
    ["a bare quote", ["Ja, det går bra.", "", ...quote]],
    ["a signature", ["Ja, det går bra.", "", "-- ", "Per Persson", "Lagerchef, 036-12 34 56", "", ...quote]],
    ["a signature without the space", ["Ja, det går bra.", "--", "Per"]],
    ["a phone footer", ["Ja, det går bra.", "", "Skickat från min iPhone", "", ...quote]],
    [
      "Windows line endings",
      ["Ja, det går bra.", "", "Den 5 mars 2026 kl. 10:15 skrev Brygga <no-reply@brygga.se>:", ...quote]
        .join("\r\n")
        .split("\n"),
    ],
  ])("%s", (_name, lines) => {
    expect(extractReplyText((lines as string[]).join("\n"))).toBe("Ja, det går bra.");
  });

  test("keeps the person's own paragraphs and line breaks; drops inline quotes between them", () => {
    const text = [
      "Hej Johanna!",
      "",
      "> Hur gör vi med raster?",
      "Korta raster varannan timme.",
      "",
      "> Och schemat?",
      "Samma som nu.",
      "",
      "Per",
    ].join("\n");
    expect(extractReplyText(text)).toBe("Hej Johanna!\n\nKorta raster varannan timme.\n\nSamma som nu.\n\nPer");
  });

  test("ordinary sentences that look a little like headers stay", () => {
    const text = [
      "Den tid vi bestämde passar, skrev hon:",
      "Vi ses kl 10.",
      "On the 5th we start with two hours.",
    ].join("\n");
    expect(extractReplyText(text)).toBe(text);
    expect(extractReplyText("Från: min sida är det okej.\nTack!")).toBe("Från: min sida är det okej.\nTack!");
  });

  test("a reply with nothing but the quote is empty", () => {
    expect(
      extractReplyText(["", "Den 5 mars 2026 kl. 10:15 skrev Brygga <no-reply@brygga.se>:", ...quote].join("\n")),
    ).toBe("");
    expect(extractReplyText(quote.join("\n"))).toBe("");
  });
});

describe("isAutomatedMail", () => {
  const headers = (entries: Record<string, unknown>) => new Map(Object.entries(entries));
  test("out-of-office, bulk and list mail, and bounces are automated; a person's reply is not", () => {
    expect(isAutomatedMail(headers({ "auto-submitted": "auto-replied" }), "per@ag.se")).toBe(true);
    expect(isAutomatedMail(headers({ precedence: "bulk" }), "per@ag.se")).toBe(true);
    expect(isAutomatedMail(headers({ "x-autoreply": "yes" }), "per@ag.se")).toBe(true);
    expect(isAutomatedMail(headers({ "list-id": { value: "<lista.example.se>" } }), "per@ag.se")).toBe(true);
    expect(isAutomatedMail(headers({}), null)).toBe(true);
    expect(isAutomatedMail(headers({ "auto-submitted": "no" }), "per@ag.se")).toBe(false);
    expect(isAutomatedMail(headers({}), "per@ag.se")).toBe(false);
  });
});
