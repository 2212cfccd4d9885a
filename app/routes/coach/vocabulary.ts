// JSON suggestions for the vocabulary picker (occupations and skills, search-as-you-type) and for
// the employer picker of the contact log. Staff only; no participant data.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { requireOrgStaff } from "~/utils/auth.server.ts";
import { db } from "~/utils/db.server.ts";
import { suggestVocabulary } from "../../../search/vocabulary.ts";

const QuerySchema = z.object({
  kind: z.enum(["occupation", "skill", "employer"]),
  q: z.string().trim().max(100),
});

export async function loader({ request }: LoaderFunctionArgs) {
  await requireOrgStaff(request);
  const url = new URL(request.url);
  const parsed = QuerySchema.safeParse({ kind: url.searchParams.get("kind"), q: url.searchParams.get("q") ?? "" });
  if (!parsed.success) return Response.json({ items: [] }, { status: 400 });
  const { kind, q } = parsed.data;
  if (!q) return Response.json({ items: [] });
  if (kind === "employer") {
    const employers = await db.employer.findMany({
      where: { name: { contains: q } },
      orderBy: { name: "asc" },
      take: 12,
      select: { id: true, name: true, orgNumber: true },
    });
    return Response.json({ items: employers.map((e) => ({ id: e.id, label: e.name, detail: e.orgNumber ?? undefined })) });
  }
  const hits = await suggestVocabulary(db, q, { kind, limit: 12 });
  return Response.json({ items: hits.map((h) => ({ id: h.id, label: h.label, detail: h.detail })) }, { headers: { "Cache-Control": "private, max-age=60" } });
}
