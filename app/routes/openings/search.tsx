// "Sök uppdrag": published openings across the whole marketplace, for coaches (and employers who
// want to see what others post), found with the search engine: text plus kind, municipality and
// hours filters. Closed, filled and draft openings are never in the index.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { SelectField } from "~/components/form-controls.tsx";
import { Field } from "~/components/forms.tsx";
import { formatHours, HOURS } from "~/domain/openings.ts";
import { openingKinds } from "~/domain/vocab/openings.ts";
import { requireRole } from "~/utils/auth.server.ts";
import { municipalityOptions } from "~/utils/employers.server.ts";
import { SEARCH_PAGE_SIZE, searchPublishedOpenings } from "~/utils/openings.server.ts";
import { formatDate } from "~/domain/swedish-time.ts";
import { countSv, NOUNS } from "~/domain/swedish.ts";

export const meta: MetaFunction = () => [{ title: "Sök uppdrag – Brygga" }];

const blank = (v: unknown) => (v === null || v === "" ? undefined : v);
const hoursParam = z.preprocess(
  blank,
  z.coerce
    .number({ error: `Skriv ett heltal mellan ${HOURS.min} och ${HOURS.max}.` })
    .int(`Skriv ett heltal mellan ${HOURS.min} och ${HOURS.max}.`)
    .min(HOURS.min, `Skriv ett heltal mellan ${HOURS.min} och ${HOURS.max}.`)
    .max(HOURS.max, `Skriv ett heltal mellan ${HOURS.min} och ${HOURS.max}.`)
    .optional(),
);

const SearchSchema = z.object({
  q: z.preprocess((v) => v ?? "", z.string().trim().max(200, "Sökningen får vara högst 200 tecken.")),
  typ: z.preprocess(blank, openingKinds.schema.optional()),
  kommun: z.preprocess(
    blank,
    z
      .string()
      .regex(/^\d{4}$/, "Välj en kommun i listan.")
      .optional(),
  ),
  timmarMin: hoursParam,
  timmarMax: hoursParam,
  sida: z.preprocess(blank, z.coerce.number().int().min(1).max(500).optional()),
});

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, ["coach", "admin", "employer"]);
  const url = new URL(request.url);
  const raw = Object.fromEntries(
    ["q", "typ", "kommun", "timmarMin", "timmarMax", "sida"].map((k) => [k, url.searchParams.get(k)]),
  );
  const values = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, v ?? ""])) as Record<string, string>;
  const municipalities = await municipalityOptions();
  const parsed = SearchSchema.safeParse(raw);
  const errors: Record<string, string[]> = {};
  if (!parsed.success)
    for (const issue of parsed.error.issues) (errors[String(issue.path[0])] ??= []).push(issue.message);
  const p = parsed.success ? parsed.data : null;
  if (p?.timmarMin != null && p.timmarMax != null && p.timmarMin > p.timmarMax)
    errors.timmarMax = ["Högsta antal timmar kan inte vara mindre än minsta."];
  if (p?.kommun && !municipalities.some((m) => m.code === p.kommun)) errors.kommun = ["Välj en kommun i listan."];
  const base = { values, municipalities, role: user.role, pageSize: SEARCH_PAGE_SIZE };
  if (!p || Object.keys(errors).length) return data({ ...base, errors, results: null, page: 1 }, { status: 400 });

  const page = p.sida ?? 1;
  const hours =
    p.timmarMin != null || p.timmarMax != null
      ? { min: p.timmarMin ?? HOURS.min, max: p.timmarMax ?? HOURS.max }
      : undefined;
  const results = await searchPublishedOpenings({
    text: p.q,
    filters: {
      ...(p.typ ? { kinds: [p.typ] } : {}),
      ...(p.kommun ? { municipalityCodes: [p.kommun] } : {}),
      ...(hours ? { hours } : {}),
    },
    limit: SEARCH_PAGE_SIZE,
    offset: (page - 1) * SEARCH_PAGE_SIZE,
  });
  return data({ ...base, errors, results, page });
}

export default function SearchOpenings() {
  const { values, municipalities, errors, results, page, pageSize } = useLoaderData<typeof loader>();
  const navigation = useNavigation();
  const counties = [...new Set(municipalities.map((m) => m.county))].sort((a, b) => a.localeCompare(b, "sv"));
  const pageLink = (n: number) => `?${new URLSearchParams({ ...values, sida: String(n) })}`;
  const pages = results ? Math.ceil(results.total / pageSize) : 0;
  return (
    <>
      <h1>Sök uppdrag</h1>
      <p className="lead">
        Publicerade uppdrag, praktikplatser, arbetsträningar, anställningar och studiebesök hos alla arbetsgivare i
        Brygga.
      </p>
      <Form method="get" className="search-panel" role="search" aria-label="Sök uppdrag">
        <Field
          label="Sökord"
          name="q"
          hint="Yrke, arbetsuppgift eller arbetsgivare, till exempel ”lager”."
          errors={errors.q}
          inputProps={{ type: "search", defaultValue: values.q }}
        />
        <div className="search-panel__filters">
          <SelectField
            label="Typ"
            name="typ"
            placeholder="Alla typer"
            options={openingKinds.options}
            errors={errors.typ}
            selectProps={{ defaultValue: values.typ }}
          />
          <SelectField
            label="Kommun"
            name="kommun"
            placeholder="Hela Sverige"
            groups={counties.map((c) => ({
              label: c,
              options: municipalities.filter((m) => m.county === c).map((m) => ({ value: m.code, label: m.name })),
            }))}
            errors={errors.kommun}
            selectProps={{ defaultValue: values.kommun }}
          />
          <Field
            label="Timmar per vecka, minst"
            name="timmarMin"
            errors={errors.timmarMin}
            inputProps={{
              type: "number",
              inputMode: "numeric",
              min: HOURS.min,
              max: HOURS.max,
              defaultValue: values.timmarMin,
            }}
          />
          <Field
            label="Timmar per vecka, högst"
            name="timmarMax"
            errors={errors.timmarMax}
            inputProps={{
              type: "number",
              inputMode: "numeric",
              min: HOURS.min,
              max: HOURS.max,
              defaultValue: values.timmarMax,
            }}
          />
        </div>
        <button type="submit" className="button">
          Sök
        </button>
      </Form>

      <section aria-labelledby="results-title" aria-busy={navigation.state === "loading"}>
        <h2 id="results-title" aria-live="polite">
          {results ? countSv(results.total, NOUNS.hit) : "Rätta sökningen"}
        </h2>
        {results && results.openings.length === 0 ? (
          <p>Inga publicerade uppdrag matchar. Prova färre filter eller ett annat ord.</p>
        ) : null}
        {results ? (
          <ul className="result-list">
            {results.openings.map((o) => (
              <li key={o.id} className="result">
                <h3 className="result__title">
                  <Link to={`/uppdrag/${o.id}`}>{o.title}</Link>
                </h3>
                <p className="result__meta">
                  <strong>{o.employerName}</strong> · {openingKinds.label(o.kind)} · {o.municipalityName} ·{" "}
                  {formatHours(o.hoursMin, o.hoursMax)}
                </p>
                <p className="muted">
                  {o.occupationLabel}
                  {o.startDate ? ` · Start ${formatDate(o.startDate)}` : ""}
                </p>
              </li>
            ))}
          </ul>
        ) : null}
        {pages > 1 ? (
          <nav aria-label="Sidor" className="pagination">
            {page > 1 ? <Link to={pageLink(page - 1)}>← Föregående</Link> : null}
            <span>
              Sida {page} av {pages}
            </span>
            {page < pages ? <Link to={pageLink(page + 1)}>Nästa →</Link> : null}
          </nav>
        ) : null}
      </section>
    </>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
