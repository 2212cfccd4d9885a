import { describe, expect, test } from "vitest";
import { escapeHtml, renderEmail, type TemplateData } from "../../emails/templates/index.ts";
import { invitation } from "../../emails/templates/invitation.ts";
import { signInLink } from "../../emails/templates/sign-in-link.ts";
import { at as nth } from "~/domain/arrays.ts";

const url = "https://brygga.example.se/logga-in/verifiera?token=abc123&redirectTo=%2Fhem";

/** Every href in the HTML, unescaped. */
function hrefs(html: string): string[] {
  return [...html.matchAll(/href="([^"]*)"/g)].map((m) => nth(m, 1).replaceAll("&amp;", "&"));
}

describe("escapeHtml", () => {
  test("escapes the five HTML-special characters", () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe(
      "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;",
    );
  });
  test("leaves Swedish text alone", () => {
    expect(escapeHtml("Åsa Öberg på Ängsgården")).toBe("Åsa Öberg på Ängsgården");
  });
});

describe("signInLink", () => {
  const mail = signInLink({ name: "Åsa", url, expiresMinutes: 15 });

  test("has a Swedish subject and the product name", () => {
    expect(mail.subject).toBe("Logga in i Brygga");
    expect(mail.html).toContain("Brygga");
    expect(mail.html).toContain('<html lang="sv">');
    expect(mail.text.startsWith("Brygga\n")).toBe(true);
  });

  test("the HTML button and the text part carry the same working link", () => {
    expect(hrefs(mail.html)).toEqual([url, url]);
    expect(mail.html).toContain(">Logga in</a>");
    expect(mail.text.split("\n")).toContain(url);
  });

  test("says how long the link is valid, that it is single use, and what to do if unexpected", () => {
    for (const part of [mail.html, mail.text]) {
      expect(part).toContain("Hej Åsa!");
      expect(part).toContain("Länken gäller i 15 minuter och kan bara användas en gång.");
      expect(part).toContain("Om du inte bad om det här kan du strunta i mejlet.");
      expect(part).toContain("Du får det här mejlet för att");
    }
  });

  test("defaults to 15 minutes and greets without a name", () => {
    const plain = signInLink({ url });
    expect(plain.text).toContain("Hej!");
    expect(plain.text).toContain("15 minuter");
    expect(signInLink({ name: "", url }).text).toContain("Hej!");
    expect(signInLink({ name: null, url, expiresMinutes: 1 }).text).toContain("gäller i 1 minut ");
  });

  test("escapes interpolated values in the HTML, but not in the text part", () => {
    const evil = signInLink({ name: `<script>alert("x")</script>`, url: `${url}&x="><img src=x>` });
    expect(evil.html).not.toContain("<script>");
    expect(evil.html).not.toContain("<img");
    expect(evil.html).toContain("Hej &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;!");
    expect(evil.text).toContain(`Hej <script>alert("x")</script>!`);
  });

  test("refuses links that are not absolute http(s)", () => {
    expect(() => signInLink({ url: "javascript:alert(1)" })).toThrow();
    expect(() => signInLink({ url: "/logga-in" })).toThrow();
    expect(() => signInLink({ url: "data:text/html,hej" })).toThrow();
  });
});

describe("invitation", () => {
  const data = { inviterName: "Karin Lund", organizationName: "IPS-teamet Malmö", url };
  const mail = invitation(data);

  test("names who invited and to what, in Swedish", () => {
    expect(mail.subject).toBe("Karin Lund har bjudit in dig till IPS-teamet Malmö i Brygga");
    for (const part of [mail.html, mail.text]) {
      expect(part).toContain("Karin Lund har bjudit in dig till IPS-teamet Malmö i Brygga.");
      expect(part).toContain("Tacka ja till inbjudan");
      expect(part).toContain("Du får det här mejlet för att Karin Lund bjöd in den här e-postadressen till Brygga.");
    }
  });

  test("has the link in the button and in the text part", () => {
    expect(hrefs(mail.html)).toEqual([url, url]);
    expect(mail.text.split("\n")).toContain(url);
  });

  test("mentions validity only when given", () => {
    expect(mail.text).not.toContain("Inbjudan gäller");
    expect(invitation({ ...data, expiresDays: 7 }).text).toContain("Inbjudan gäller i 7 dagar.");
  });

  test("escapes names in the HTML", () => {
    const evil = invitation({ ...data, inviterName: "<b>Eve</b>", organizationName: `"Bolaget" & Co` });
    expect(evil.html).not.toContain("<b>Eve</b>");
    expect(evil.html).toContain("&lt;b&gt;Eve&lt;/b&gt;");
    expect(evil.html).toContain("&quot;Bolaget&quot; &amp; Co");
  });

  test("a subject never contains line breaks (no header injection)", () => {
    const evil = invitation({ ...data, inviterName: "Eve\r\nBcc: victim@example.se" });
    expect(evil.subject).not.toMatch(/[\r\n]/);
  });
});

describe("renderEmail registry", () => {
  test("renders by name with the same result as the template function", () => {
    expect(renderEmail("signInLink", { name: "Åsa", url })).toEqual(signInLink({ name: "Åsa", url }));
    expect(renderEmail("invitation", { inviterName: "A", organizationName: "B", url })).toEqual(
      invitation({ inviterName: "A", organizationName: "B", url }),
    );
  });

  test("checks data per template name, at compile time and at run time", () => {
    const data: TemplateData<"invitation"> = { inviterName: "A", organizationName: "B", url };
    expect(renderEmail("invitation", data).subject).toContain("A har bjudit in dig");
    // @ts-expect-error -- invitation data (without url) does not fit signInLink
    expect(() => renderEmail("signInLink", { inviterName: "A" })).toThrow();
    // @ts-expect-error -- unknown template name
    expect(() => renderEmail("nope", {})).toThrow(/Unknown email template/);
  });
});
