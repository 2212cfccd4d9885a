// `npm start` skips the build when it is current (issue 16 item 4): the compiled server must be
// newer than every source file. File times are set explicitly, so the test never depends on the clock.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, expect, test } from "vitest";
import { buildState, RUNTIME_ENTRY } from "../../scripts/build-check.ts";

let root = "";
const T0 = new Date("2026-01-01T10:00:00Z");
const later = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

function write(file: string, at: Date) {
  const full = path.join(root, file);
  fs.mkdirSync(path.dirname(full), { recursive: true });
  fs.writeFileSync(full, "x");
  fs.utimesSync(full, at, at);
}

beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), "brygga-build-check-"));
  write("app/routes/home.tsx", T0);
  write("server/index.ts", T0);
  write("package.json", T0);
});
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

const state = () => buildState(root, path.join(root, "build"));

test("no build yet: build", () => {
  expect(state()).toMatchObject({ current: false });
});

test("a build newer than every source is current", () => {
  write("build/server/index.js", later(1));
  write(`build/${RUNTIME_ENTRY}`, later(1));
  expect(state()).toEqual({ current: true });
});

test("a source changed after the build (deep in app/, or package.json): build again", () => {
  write("build/server/index.js", later(1));
  write(`build/${RUNTIME_ENTRY}`, later(1));
  write("app/routes/coach/match.tsx", later(2));
  expect(state()).toMatchObject({ current: false, reason: expect.stringMatching(/ändrats/) });

  write(`build/${RUNTIME_ENTRY}`, later(3));
  expect(state()).toEqual({ current: true });
  write("package.json", later(4));
  expect(state()).toMatchObject({ current: false });
});

test("the compiled server without the Remix build is not a build", () => {
  write(`build/${RUNTIME_ENTRY}`, later(1));
  expect(state()).toMatchObject({ current: false, reason: expect.stringMatching(/Remix/) });
});

test("files in node_modules and unrelated folders do not count", () => {
  write("build/server/index.js", later(1));
  write(`build/${RUNTIME_ENTRY}`, later(1));
  write("app/node_modules/x/index.js", later(5));
  write("docs/notes.md", later(5));
  expect(state()).toEqual({ current: true });
});
