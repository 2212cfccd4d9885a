// The admin page's import in two steps (issue 12): the uploaded file is checked (a dry run), kept
// in a private staging folder under a random token, and imported when the admin confirms. The
// token is bound to the organisation and the admin; a staged file is removed when it is imported
// and any staged file older than STAGED_TTL_MS is removed on the next upload.
import { currentTime } from "../clock.server.ts";
import crypto from "node:crypto";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fail, ok, type Result } from "~/domain/result.ts";
import type { ImportKind } from "~/domain/import/columns.ts";

const STAGED_TTL_MS = 60 * 60_000;

function stagingDir() {
  return process.env.IMPORT_STAGING_DIR ?? path.join(os.tmpdir(), "brygga-import");
}

type StagedMeta = { organizationId: string; actorId: string; fileName: string; kind: ImportKind; at: number };

const TOKEN_RE = /^[a-f0-9]{32}$/;

export async function stageImport(
  bytes: Uint8Array,
  meta: Omit<StagedMeta, "at">,
  now = currentTime(),
): Promise<string> {
  const dir = stagingDir();
  await fs.mkdir(dir, { recursive: true, mode: 0o700 });
  await removeExpired(dir, now);
  const token = crypto.randomBytes(16).toString("hex");
  await fs.writeFile(path.join(dir, `${token}.bin`), bytes, { mode: 0o600 });
  await fs.writeFile(path.join(dir, `${token}.json`), JSON.stringify({ ...meta, at: now.getTime() }), { mode: 0o600 });
  return token;
}

/** The staged file of a token, if it belongs to this organisation and admin and has not expired. */
export async function takeStaged(
  token: string,
  who: { organizationId: string; actorId: string },
  now = currentTime(),
): Promise<Result<{ bytes: Uint8Array; meta: StagedMeta; remove: () => Promise<void> }>> {
  const gone = fail({ message: "Provkörningen har gått ut eller finns inte. Ladda upp filen igen." });
  if (!TOKEN_RE.test(token)) return gone;
  const base = path.join(stagingDir(), token);
  let meta: StagedMeta;
  try {
    meta = JSON.parse(await fs.readFile(`${base}.json`, "utf8")) as StagedMeta;
  } catch {
    return gone;
  }
  if (meta.organizationId !== who.organizationId || meta.actorId !== who.actorId) return gone;
  if (now.getTime() - meta.at > STAGED_TTL_MS) return gone;
  const bytes = await fs.readFile(`${base}.bin`);
  const remove = async () => {
    await fs.rm(`${base}.bin`, { force: true });
    await fs.rm(`${base}.json`, { force: true });
  };
  return ok({ bytes, meta, remove });
}

async function removeExpired(dir: string, now: Date) {
  for (const name of await fs.readdir(dir)) {
    if (!name.endsWith(".json")) continue;
    const file = path.join(dir, name);
    const stat = await fs.stat(file).catch(() => null);
    if (stat && now.getTime() - stat.mtimeMs > STAGED_TTL_MS) {
      await fs.rm(file, { force: true });
      await fs.rm(file.replace(/\.json$/, ".bin"), { force: true });
    }
  }
}
