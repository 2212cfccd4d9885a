// Browser tests: Debian's Chromium (never a browser download) against the built app, served by
// the real server on its own fresh database. See tests/e2e/support/start-server.ts.
import fs from "node:fs";
import path from "node:path";
import { defineConfig } from "@playwright/test";
import { TIME_ZONE } from "./app/domain/swedish-time.ts";

// Debian's chromium-headless-shell (same Chromium, without the full browser's UI layers) costs about
// a tenth less CPU per test than `chromium --headless`; full Chromium is the fallback (issue 17).
const HEADLESS_SHELL = "/usr/bin/chromium-headless-shell";
const BROWSER = process.env.CHROMIUM_PATH ?? (fs.existsSync(HEADLESS_SHELL) ? HEADLESS_SHELL : "/usr/bin/chromium");

const PORT = Number(process.env.E2E_PORT ?? 3100);
// One folder per port, so two runs on different E2E_PORTs never share a database.
export const E2E_DIR = path.resolve("tests/.e2e", String(PORT));
export const E2E_BASE_URL = `http://localhost:${PORT}`;

// Browser tests create their data straight in the server's database (factories, login fixture).
process.env.DATABASE_URL = `file:${path.join(E2E_DIR, "e2e.db")}`;
process.env.MAILBOX_DIR = path.join(E2E_DIR, "mailbox");

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: false,
  // Four files at a time (E2E_WORKERS overrides): each test builds its own organisation, so files
  // never share data, and a browser test mostly waits (about half a core per worker), so four
  // workers keep a 2-core machine busy without starving the server.
  workers: Number(process.env.E2E_WORKERS ?? 4),
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  // Timeouts only catch hangs (never speed): the long walks set 10 minutes, a loaded machine is slow.
  timeout: 180_000,
  expect: { timeout: 20_000 },
  reporter: process.env.CI ? [["list"]] : [["list"]],
  use: {
    baseURL: E2E_BASE_URL,
    locale: "sv-SE",
    timezoneId: TIME_ZONE,
    // A failed test keeps its trace (DOM snapshots, network, console) without the screencast:
    // recording a screenshot per action cost about a fifth of the browser tests' CPU (decision 0024).
    trace: { mode: "retain-on-failure", screenshots: false },
    launchOptions: {
      executablePath: BROWSER,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    },
  },
  webServer: {
    command: "node --import tsx tests/e2e/support/start-server.ts",
    url: `${E2E_BASE_URL}/healthz`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: "pipe",
    stderr: "pipe",
    env: {
      NODE_ENV: "production",
      PORT: String(PORT),
      APP_URL: E2E_BASE_URL,
      DATABASE_URL: process.env.DATABASE_URL,
      MAILBOX_DIR: process.env.MAILBOX_DIR,
      SMTP_URL: "",
      BUILD_DIR: process.env.BUILD_DIR ?? "build",
    },
  },
});
