// Browser-test fixtures: sign in by creating the session directly (fast), and check every page
// with axe-core, failing on serious or critical violations.
import { createRequire } from "node:module";
import { expect, test as base, type Page } from "@playwright/test";
import { startSession } from "../../../app/utils/auth.server.ts";
import { E2E_BASE_URL } from "../../../playwright.config.ts";

/**
 * axe-core on the current page. Sandboxed frames (the local mailbox's preview of an email's HTML,
 * which runs no scripts, so axe cannot enter it) are skipped; email templates are tested on their own.
 */
const AXE_SOURCE = createRequire(import.meta.url).resolve("axe-core/axe.min.js");
const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

type AxeViolation = { id: string; impact?: string | null; help: string; nodes: Array<{ target: unknown[] }> };

export async function expectAccessible(page: Page) {
  // axe-core is injected once per page load (an init script is not subject to the app's CSP) and run
  // in one evaluate; only violations are collected, which spares axe the detail work for passes.
  const hasAxe = await page.evaluate(() => "axe" in window);
  if (!hasAxe) await page.addScriptTag({ path: AXE_SOURCE });
  const violations = await page.evaluate(
    async ({ tags }) => {
      const axe = (window as unknown as { axe: { run: (...args: unknown[]) => Promise<{ violations: unknown[] }> } })
        .axe;
      const results = await axe.run(
        { exclude: [["iframe[sandbox]"]] },
        { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"], iframes: false },
      );
      return results.violations;
    },
    { tags: AXE_TAGS },
  );
  const serious = (violations as AxeViolation[]).filter((v) => v.impact === "serious" || v.impact === "critical");
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
