// Start-up checks of the HTTP server: each problem becomes one clear line (Swedish, then English)
// that says what to do, instead of a stack trace or a server that answers while broken.
import fs from "node:fs";
import Database from "better-sqlite3";

export type CheckResult = { ok: true } | { ok: false; message: string };

/**
 * The database file exists and passes `PRAGMA quick_check` (every page readable, every index
 * entry well formed; linear in the file size, about a second per GB). Read-only; never creates
 * or changes the file.
 */
export function checkDatabaseFile(file: string): CheckResult {
  if (!fs.existsSync(file)) {
    return {
      ok: false,
      message:
        `Databasen ${file} finns inte: kör \`npm run setup\` först. ` +
        `(The database ${file} does not exist: run \`npm run setup\` first.)`,
    };
  }
  let sqlite: Database.Database | undefined;
  try {
    sqlite = new Database(file, { readonly: true, fileMustExist: true, timeout: 5000 });
    const rows = sqlite.pragma("quick_check(3)") as { quick_check: string }[];
    const problems = rows.map((r) => r.quick_check).filter((r) => r !== "ok");
    if (problems.length === 0) return { ok: true };
    return damaged(file, problems.join("; "));
  } catch (error) {
    const code = (error as { code?: string }).code ?? "";
    if (code.startsWith("SQLITE_BUSY")) {
      return {
        ok: false,
        message:
          `Databasen ${file} är låst av ett annat program; stäng det och starta igen. ` +
          `(The database is locked by another process; stop it and start again.)`,
      };
    }
    return damaged(file, `${code} ${(error as Error).message}`.trim());
  } finally {
    sqlite?.close();
  }
}

function damaged(file: string, detail: string): CheckResult {
  return {
    ok: false,
    message:
      `Databasen ${file} är skadad (${detail.replace(/\s+/g, " ").slice(0, 200)}): återställ den från en säkerhetskopia. ` +
      `(The database is damaged: restore it from a backup.)`,
  };
}

/** One line for an error of `server.listen`. */
export function describeListenError(error: NodeJS.ErrnoException, port: number): string {
  if (error.code === "EADDRINUSE") {
    return (
      `Port ${port} används redan av ett annat program: stoppa det eller välj en annan port med PORT=… ` +
      `(Port ${port} is already in use: stop the other program or set PORT.)`
    );
  }
  if (error.code === "EACCES") {
    return (
      `Port ${port} får inte användas av den här användaren: välj en port över 1023 med PORT=… ` +
      `(Port ${port} needs privileges: choose a port above 1023 with PORT.)`
    );
  }
  return `Servern kunde inte lyssna på port ${port}: ${error.message} (The server could not listen on port ${port}.)`;
}
