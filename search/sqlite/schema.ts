// OWNED BY the search helper: replaced with the real FTS5 schema.
import type Database from "better-sqlite3";
export function ensureSearchSchema(_sqlite: Database.Database): void {}
export function rebuildVocabularyIndex(_sqlite: Database.Database, _o: { log: (l: string) => void }): void {}
