// Browser-test fixtures: sign in by creating the session directly (fast), and check every page
// with axe-core, failing on serious or critical violations.
import AxeBuilder from "@axe-core/playwright";
import { expect, test as base, type Page } from "@playwright/test";
import { startSession } from "../../../app/utils/auth.server.ts";
import { E2E_BASE_URL } from "../../../playwright.config.ts";

/**
 * axe-core on the current page. Sandboxed frames (the local mailbox's preview of an email's HTML,
 * which runs no scripts, so axe cannot enter it) are skipped; email templates are tested on their own.
 */
export async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"])
    .exclude("iframe[sandbox]")
    .analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(
    serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`),
    `axe violations on ${page.url()}`,
  ).toEqual([]);
}

export const test = base.extend<{ signIn: (userId: string) => Promise<void> }>({
  signIn: async ({ context }, use) => {
    await use(async (userId: string) => {
      const header = await startSession(userId, "playwright");
      const [pair] = header.split(";");
      const [name, ...value] = pair!.split("=");
      await context.addCookies([
        { name: name!, value: value.join("="), url: E2E_BASE_URL, httpOnly: true, sameSite: "Lax" },
      ]);
    });
  },
});

export { expect };
