// OWNED BY the reference-data helper: replaced with the real loader.
import type Database from "better-sqlite3";
export async function loadReferenceData(_sqlite: Database.Database, _o: { log: (l: string) => void }): Promise<boolean> {
  return false;
}
