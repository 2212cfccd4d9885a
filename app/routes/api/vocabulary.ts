// GET /api/vokabular?q=lager&typ=yrke|kompetens — search-as-you-type over the JobTech occupations
// and skills, for the occupation and skill comboboxes (any signed-in user; reference data only).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { suggestVocabulary } from "../../../search/index.ts";
import { requireUser } from "~/utils/auth.server.ts";
import { db } from "~/utils/db.server.ts";

const QuerySchema = z.object({
  q: z.string().trim().max(100, "Sökordet får vara högst 100 tecken."),
  typ: z.enum(["yrke", "kompetens"], { error: "typ ska vara yrke eller kompetens." }),
  antal: z.coerce.number().int().min(1).max(20).default(10),
});

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  const url = new URL(request.url);
  const parsed = QuerySchema.safeParse({
    q: url.searchParams.get("q") ?? "",
    typ: url.searchParams.get("typ") ?? "",
    antal: url.searchParams.get("antal") ?? undefined,
  });
  if (!parsed.success) {
    return Response.json({ error: parsed.error.issues.map((i) => i.message).join(" "), hits: [] }, { status: 400 });
  }
  const { q, typ, antal } = parsed.data;
  const hits = q ? await suggestVocabulary(db, q, { kind: typ === "yrke" ? "occupation" : "skill", limit: antal }) : [];
  return Response.json(
    { hits: hits.map((h) => ({ id: h.id, label: h.label, ...(h.detail ? { detail: h.detail } : {}) })) },
    { headers: { "Cache-Control": "private, max-age=300" } },
  );
}
