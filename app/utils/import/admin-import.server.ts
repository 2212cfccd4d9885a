// The admin page's two steps (upload → dry run → confirm) on top of the import service: the
// uploaded file is read and checked without writing; a clean file is staged and imported on
// confirmation, from the very bytes that were checked.
import type { ImportKind } from "~/domain/import/columns.ts";
import { fail, ok, type Result } from "~/domain/result.ts";
import { runImport, type ImportReport } from "./import.server.ts";
import { readImportFile } from "./read-file.server.ts";
import { stageImport, takeStaged } from "./staging.server.ts";

type Admin = { id: string; organizationId: string };

/** Step 1: the dry run of an uploaded file; a clean file gets a token for step 2. */
export async function checkUploadedImport(
  admin: Admin,
  file: { name: string; bytes: Uint8Array },
  options: { kind?: ImportKind; ip?: string; now?: Date } = {},
): Promise<Result<{ report: ImportReport; token: string | null }>> {
  const table = await readImportFile(file.bytes, file.name);
  if (!table.ok) return fail({ message: table.message });
  const report = await runImport({
    organizationId: admin.organizationId,
    actorId: admin.id,
    fileName: file.name,
    table,
    kind: options.kind,
    dryRun: true,
    ip: options.ip,
    now: options.now,
  });
  if (report.problems.length > 0 || !report.kind) return ok({ report, token: null });
  const token = await stageImport(
    file.bytes,
    { organizationId: admin.organizationId, actorId: admin.id, fileName: file.name, kind: report.kind },
    options.now,
  );
  return ok({ report, token });
}

/** Step 2: import the staged file (all or nothing). */
export async function confirmStagedImport(
  admin: Admin,
  token: string,
  options: { ip?: string; now?: Date } = {},
): Promise<Result<{ report: ImportReport }>> {
  const staged = await takeStaged(token, { organizationId: admin.organizationId, actorId: admin.id }, options.now);
  if (!staged.ok) return staged;
  const table = await readImportFile(staged.bytes, staged.meta.fileName);
  if (!table.ok) return fail({ message: table.message });
  const report = await runImport({
    organizationId: admin.organizationId,
    actorId: admin.id,
    fileName: staged.meta.fileName,
    table,
    kind: staged.meta.kind,
    dryRun: false,
    ip: options.ip,
    now: options.now,
  });
  // A file that became invalid since the dry run (e.g. a coach was deactivated) writes nothing.
  if (report.written) await staged.remove();
  return ok({ report });
}
