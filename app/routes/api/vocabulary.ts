// GET /api/vokabular?q=lager&typ=yrke|kompetens|arbetsgivare — search-as-you-type for the
// comboboxes (app/components/combobox.tsx): the JobTech occupations and skills for any signed-in
// user (reference data only), and the employers in Brygga for coaches and admins only.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { suggestVocabulary } from "../../../search/index.ts";
import { requireOrgStaff, requireUser } from "~/utils/auth.server.ts";
import { db } from "~/utils/db.server.ts";

const QuerySchema = z.object({
  q: z.string().trim().max(100, "Sökordet får vara högst 100 tecken."),
  typ: z.enum(["yrke", "kompetens", "arbetsgivare"], { error: "typ ska vara yrke, kompetens eller arbetsgivare." }),
  antal: z.coerce.number().int().min(1).max(20).default(10),
});

type Hit = { id: string; label: string; detail?: string };

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  // Employers are not reference data: only staff search them (403 for everyone else).
  if (url.searchParams.get("typ") === "arbetsgivare") await requireOrgStaff(request);
  else await requireUser(request);
  const parsed = QuerySchema.safeParse({
    q: url.searchParams.get("q") ?? "",
    typ: url.searchParams.get("typ") ?? "",
    antal: url.searchParams.get("antal") ?? undefined,
  });
  if (!parsed.success) {
    return Response.json({ error: parsed.error.issues.map((i) => i.message).join(" "), hits: [] }, { status: 400 });
  }
  const { q, typ, antal } = parsed.data;
  if (typ === "arbetsgivare") {
    const employers = q
      ? await db.employer.findMany({
          where: { name: { contains: q } },
          orderBy: { name: "asc" },
          take: antal,
          select: { id: true, name: true, orgNumber: true },
        })
      : [];
    return Response.json({ hits: employers.map((e) => hit({ id: e.id, label: e.name, detail: e.orgNumber })) });
  }
  const hits = q ? await suggestVocabulary(db, q, { kind: typ === "yrke" ? "occupation" : "skill", limit: antal }) : [];
  return Response.json({ hits: hits.map(hit) }, { headers: { "Cache-Control": "private, max-age=300" } });
}

function hit(h: { id: string; label: string; detail?: string | null }): Hit {
  return { id: h.id, label: h.label, ...(h.detail ? { detail: h.detail } : {}) };
}
