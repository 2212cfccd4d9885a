// Browser-test fixtures: sign in by creating the session directly (fast), and check every page
// with axe-core, failing on serious or critical violations.
import fs from "node:fs";
import { createRequire } from "node:module";
import { expect, test as base, type BrowserContext, type Page } from "@playwright/test";
import { startSession } from "../../../app/utils/auth.server.ts";
import { E2E_BASE_URL } from "../../../playwright.config.ts";

/**
 * axe-core on the current page. Sandboxed frames (the local mailbox's preview of an email's HTML,
 * which runs no scripts, so axe cannot enter it) are skipped; email templates are tested on their own.
 *
 * Cost (issue 17): sending axe's 550 KB over the protocol and parsing it again on every checked page
 * was about a third of a page check. Now the first check in a browser context injects axe into the
 * page at hand and registers it as an init script of that context, so every later document of the
 * context already has axe when it loads (Chromium reuses the compiled script; an init script is not
 * subject to the app's CSP). A page state (viewport, URL and DOM) identical to one already checked in
 * the same test is not checked twice: axe would give the same answer.
 */
const AXE_SOURCE = fs.readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

type AxeViolation = { id: string; impact?: string | null; help: string; nodes: Array<{ target: unknown[] }> };

const contextsWithAxe = new WeakSet<BrowserContext>();
/** Page states already checked, per test (test ids are unique within a run). */
const checkedStates = new Map<string, Set<string>>();

export async function expectAccessible(page: Page) {
  const context = page.context();
  if (!contextsWithAxe.has(context)) {
    contextsWithAxe.add(context);
    await context.addInitScript({ content: AXE_SOURCE });
  }
  const state = await page.evaluate(async () => {
    const text = `${window.innerWidth}x${window.innerHeight} ${location.href}\n${document.documentElement.outerHTML}`;
    const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
    return { hasAxe: "axe" in window, key: Array.from(new Uint8Array(digest), (b) => b.toString(16)).join("") };
  });
  const testId = base.info().testId;
  let checked = checkedStates.get(testId);
  if (!checked) checkedStates.set(testId, (checked = new Set()));
  if (checked.has(state.key)) return;
  // Only the first page of a context (loaded before the init script existed) needs axe injected.
  if (!state.hasAxe) await page.evaluate(AXE_SOURCE);
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
  checked.add(state.key);
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
