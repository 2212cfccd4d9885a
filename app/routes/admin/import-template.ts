// /admin/import/mall/<typ>.csv|.xlsx: the import templates (header row and an example row).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { importKinds, importKindWords } from "~/domain/import/columns.ts";
import { requireOrgAdmin } from "~/utils/admin.server.ts";
import { templateCsv, templateXlsx } from "~/utils/import/templates.server.ts";
import { notFound } from "~/utils/responses.server.ts";

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireOrgAdmin(request);
  const match = /^([a-z]+)\.(csv|xlsx)$/.exec(params.file ?? "");
  const kind = importKinds.find((k) => importKindWords[k] === match?.[1]);
  if (!match || !kind) throw notFound("Mallen finns inte.");
  const name = `brygga-import-${importKindWords[kind]}.${match[2]}`;
  const disposition = `attachment; filename="${name}"`;
  if (match[2] === "csv")
    return new Response(templateCsv(kind), {
      headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": disposition },
    });
  return new Response(new Uint8Array(await templateXlsx(kind)), {
    headers: {
      "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": disposition,
    },
  });
}
