// "Importera": the admin brings the organisation's existing caseload into Brygga (issue 12,
// docs/import.md). Upload a CSV or .xlsx file → a dry run lists every problem (line, column,
// message) or what would be created and updated → confirm to import it (all or nothing).
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import {
  data,
  MaxPartSizeExceededError,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
} from "@remix-run/node";
import { Form, useActionData, useNavigation } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { z } from "zod";
import { SelectField } from "~/components/form-controls.tsx";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { ActionError } from "~/components/forms.tsx";
import {
  IMPORT_FORM_OVERHEAD_BYTES,
  IMPORT_MAX_BYTES,
  importColumns,
  importKindLabels,
  importKinds,
  importKindWords,
  type ImportKind,
} from "~/domain/import/columns.ts";
import type { RowProblem } from "~/domain/import/rows.ts";
import { requireOrgAdmin } from "~/utils/admin.server.ts";
import { checkUploadedImport, confirmStagedImport } from "~/utils/import/admin-import.server.ts";
import { formatImportReport, type ImportReport } from "~/utils/import/import.server.ts";
import { tooLargeMessage } from "~/utils/import/read-file.server.ts";
import { redirectWithNotice, samePage } from "~/utils/notice.server.ts";
import { clientIp } from "~/utils/rate-limit.server.ts";

export const meta: MetaFunction = () => [{ title: "Importera – Brygga" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireOrgAdmin(request);
  return {
    kinds: importKinds.map((kind) => ({
      kind,
      label: importKindLabels[kind],
      word: importKindWords[kind],
      required: importColumns[kind].filter((c) => c.required).map((c) => c.header),
    })),
    maxMegabytes: IMPORT_MAX_BYTES / 1024 / 1024,
  };
}

type ActionData =
  { ok: false; message: string; report?: ReportView } | { ok: true; report: ReportView; token: string | null };
type ReportView = Pick<ImportReport, "kind" | "fileName" | "rows" | "created" | "updated"> & {
  problems: RowProblem[];
  summary: string;
};

const view = (report: ImportReport): ReportView => ({
  kind: report.kind,
  fileName: report.fileName,
  rows: report.rows,
  created: report.created,
  updated: report.updated,
  problems: report.problems.slice(0, 500),
  summary: formatImportReport(report).split("\n")[0]!,
});

const kindWordSchema = z
  .string()
  .optional()
  .transform((v) => importKinds.find((k) => importKindWords[k] === v))
  .optional();

export async function action({ request, context }: ActionFunctionArgs) {
  const admin = await requireOrgAdmin(request);
  const ip = clientIp(context);
  const refuse = (message: string, status = 400, report?: ImportReport) =>
    data<ActionData>({ ok: false, message, report: report ? view(report) : undefined }, { status });

  const contentType = request.headers.get("content-type") ?? "";
  if (!contentType.startsWith("multipart/form-data")) {
    // Step 2: confirm a checked file.
    const form = await request.formData();
    const token = String(form.get("token") ?? "");
    const result = await confirmStagedImport(admin, token, { ip });
    if (!result.ok) return refuse(result.message, 404);
    if (!result.report.written)
      return refuse("Filen har fel sedan provkörningen. Inget har skrivits.", 400, result.report);
    throw await redirectWithNotice(samePage(request), formatImportReport(result.report));
  }

  // Step 1: the upload and its dry run. The size is checked before the body is read.
  const length = Number(request.headers.get("content-length") ?? "0");
  if (length > IMPORT_MAX_BYTES + IMPORT_FORM_OVERHEAD_BYTES) return refuse(tooLargeMessage(length), 413);
  let form: FormData;
  try {
    form = await unstable_parseMultipartFormData(
      request,
      unstable_createMemoryUploadHandler({ maxPartSize: IMPORT_MAX_BYTES }),
    );
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) return refuse(tooLargeMessage(), 413);
    return refuse("Filen kunde inte tas emot. Försök igen.");
  }
  const file = form.get("file");
  if (!(file instanceof File) || file.size === 0 || !file.name)
    return refuse("Välj en fil att importera (CSV eller Excel .xlsx).");
  const kind = kindWordSchema.safeParse(form.get("kind") ?? undefined);
  const result = await checkUploadedImport(
    admin,
    { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) },
    { kind: kind.success ? (kind.data as ImportKind | undefined) : undefined, ip },
  );
  if (!result.ok) return refuse(result.message);
  if (result.report.problems.length > 0)
    return refuse(`${result.report.problems.length} fel i filen. Inget har skrivits.`, 400, result.report);
  return data<ActionData>({ ok: true, report: view(result.report), token: result.token });
}

export default function ImportPage() {
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  return (
    <>
      <h1>Importera</h1>
      <p className="lead">
        Flytta in organisationens deltagare, anställningar och placeringar, arbetsgivare och arbetsgivarkontakter från
        en fil. Datum från förr sparas som de är och loggas som bakåtdaterade.
      </p>
      <Templates />
      <h2>Ladda upp en fil</h2>
      <p>
        Importera i ordningen deltagare, arbetsgivare, placeringar, kontakter. En provkörning kontrollerar varje rad
        först; inget skrivs förrän du bekräftar. Samma fil två gånger uppdaterar, den dubblerar inget.
      </p>
      <ActionError result={result && !result.ok ? result : undefined} />
      <Form method="post" encType="multipart/form-data" className="form" noValidate>
        <div className="field">
          <label htmlFor="import-file">Fil (CSV i UTF-8 eller Excel .xlsx, högst 10 MB)</label>
          <input id="import-file" name="file" type="file" accept=".csv,.xlsx,text/csv" required />
        </div>
        <SelectField
          label="Typ av fil"
          name="kind"
          hint="Känns annars igen på rubrikraden."
          placeholder="Känn igen automatiskt"
          options={importKinds.map((k) => ({ value: importKindWords[k], label: importKindLabels[k] }))}
        />
        <button type="submit" className="button" aria-disabled={busy || undefined}>
          Provkör
        </button>
      </Form>
      {result?.report ? <DryRunReport report={result.report} token={result.ok ? result.token : null} /> : null}
    </>
  );
}

function Templates() {
  return (
    <section aria-labelledby="templates-heading">
      <h2 id="templates-heading">Mallar</h2>
      <p>Varje mall har rubrikraden och en exempelrad. Kolumnerna och koderna förklaras i docs/import.md.</p>
      <ul>
        {importKinds.map((k) => (
          <li key={k}>
            {importKindLabels[k]}:{" "}
            <a href={`/admin/import/mall/${importKindWords[k]}.csv`} download>
              CSV<span className="visually-hidden"> – {importKindLabels[k]}</span>
            </a>{" "}
            ·{" "}
            <a href={`/admin/import/mall/${importKindWords[k]}.xlsx`} download>
              Excel<span className="visually-hidden"> – {importKindLabels[k]}</span>
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}

function DryRunReport({ report, token }: { report: ReportView; token: string | null }) {
  // A clean dry run has no error alert to take focus: the report's heading takes it, so keyboard and
  // screen-reader users land on the result (with problems, the alert above is focused instead).
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (report.problems.length === 0) heading.current?.focus();
  }, [report]);
  return (
    <section aria-labelledby="dry-run-heading">
      <h2 id="dry-run-heading" tabIndex={-1} ref={heading}>
        Provkörning: {report.fileName}
      </h2>
      <p role="status">{report.summary}</p>
      {report.problems.length > 0 ? (
        <div className="table-wrap">
          <table className="table">
            <caption>Fel i filen ({report.problems.length})</caption>
            <thead>
              <tr>
                <th scope="col">Rad</th>
                <th scope="col">Kolumn</th>
                <th scope="col">Fel</th>
              </tr>
            </thead>
            <tbody>
              {report.problems.map((p, i) => (
                <tr key={i}>
                  <td>{p.line}</td>
                  <td>{p.column ?? "–"}</td>
                  <td>{p.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {token ? (
        <Form method="post" className="form">
          <input type="hidden" name="token" value={token} />
          <p>
            {report.created} nya och {report.updated} uppdaterade ({report.kind ? importKindLabels[report.kind] : ""}
            ). Allt skrivs på en gång, eller inget.
          </p>
          <button type="submit" className="button">
            Importera
          </button>
        </Form>
      ) : null}
    </section>
  );
}

export { GeneralErrorBoundary as ErrorBoundary };
