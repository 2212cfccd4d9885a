// The "fråga coachen" emails: Swedish, with the product name, a working link in both parts, and
// every interpolated value escaped in the HTML.
import { describe, expect, test } from "vitest";
import { renderEmail } from "../../emails/templates/index.ts";

const url = "https://brygga.example.se/coach/fragor/abc123";
const hrefs = (html: string) => [...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]!.replaceAll("&amp;", "&"));

describe("employerQuestion", () => {
  const mail = renderEmail("employerQuestion", {
    recipientName: "Johanna",
    employerName: "Vätterbygdens Lager AB",
    askerName: "Per Persson",
    subject: "Lönestöd",
    excerpt: "Hur ansöker vi?",
    url,
  });
  test("names the employer and the question, greets the coach, links to the thread", () => {
    expect(mail.subject).toBe("Ny fråga från Vätterbygdens Lager AB: Lönestöd");
    expect(mail.text).toContain("Hej Johanna!");
    expect(mail.text).toContain("Per Persson på Vätterbygdens Lager AB har en fråga ”Lönestöd”:");
    expect(mail.text).toContain("”Hur ansöker vi?”");
    expect(hrefs(mail.html)).toEqual([url, url]);
    expect(mail.text.split("\n")).toContain(url);
  });
  test("a follow-up says so; a shared inbox gets a plain greeting", () => {
    const followUp = renderEmail("employerQuestion", {
      employerName: "AB",
      askerName: "Per",
      subject: "Hej",
      excerpt: "Igen",
      url,
      followUp: true,
      recipientName: null,
    });
    expect(followUp.subject).toBe("Nytt meddelande från AB: Hej");
    expect(followUp.text).toContain("Hej!");
    expect(followUp.text).toContain("har skrivit igen i frågan");
  });
  test("escapes what the employer wrote", () => {
    const evil = renderEmail("employerQuestion", {
      employerName: "AB",
      askerName: "Per",
      subject: "<script>x</script>",
      excerpt: `<img src=x onerror="alert(1)">`,
      url,
    });
    expect(evil.html).not.toContain("<script>");
    expect(evil.html).not.toContain("<img");
    expect(evil.html).toContain("&lt;img src=x onerror=&quot;alert(1)&quot;&gt;");
  });
  test("refuses a javascript: link", () => {
    expect(() =>
      renderEmail("employerQuestion", {
        employerName: "AB",
        askerName: "Per",
        subject: "S",
        excerpt: "E",
        url: "javascript:alert(1)",
      }),
    ).toThrow();
  });
});

describe("questionAnswered", () => {
  test("says who answered, after how long, and links to the answer", () => {
    const mail = renderEmail("questionAnswered", {
      recipientName: "Per",
      coachName: "Johanna Berg",
      organizationName: "Arbetsmarknadsenheten",
      subject: "Lönestöd",
      excerpt: "Ja, det går bra.",
      url,
      responseTime: "2 timmar och 5 minuter",
    });
    expect(mail.subject).toBe("Svar på din fråga: Lönestöd");
    expect(mail.text).toContain("Hej Per!");
    expect(mail.text).toContain(
      "Johanna Berg på Arbetsmarknadsenheten har svarat på ”Lönestöd” (efter 2 timmar och 5 minuter):",
    );
    expect(hrefs(mail.html)).toEqual([url, url]);
  });
});
