// The opening form's round trip, shared by the new and edit pages (for employers and for coaches on
// an employer's behalf): parse with the shared schema, check the ids against the database, save —
// or answer 400 with every problem next to its field, the typed values kept, and nothing saved.
import { redirectWithNotice } from "./notice.server.ts";
import { data } from "@remix-run/node";
import { parseOpeningForm } from "~/domain/openings.ts";
import { db } from "./db.server.ts";
import type { EmployerScope } from "./employer-access.server.ts";
import { formValues, type FieldErrors } from "~/domain/forms.ts";
import {
  checkOpeningReferences,
  createOpening,
  selectedConcepts,
  updateOpening,
  type ReferenceProblems,
} from "./openings.server.ts";

export type OpeningFormFailure = ReferenceProblems & {
  values: Record<string, string | string[]>;
  formError: string | undefined;
};

function first(v: string | string[] | undefined): string {
  return (Array.isArray(v) ? v[0] : v)?.trim() ?? "";
}
function list(v: string | string[] | undefined): string[] {
  return (v === undefined ? [] : Array.isArray(v) ? v : [v]).map((x) => x.trim()).filter(Boolean);
}

/** Field errors from the schema plus what the database says about the ids, for one 400 answer. */
async function problemsFor(
  employerId: string,
  values: Record<string, string | string[]>,
  parseErrors: FieldErrors,
): Promise<ReferenceProblems> {
  const choice = first(values.occupationChoice);
  const refs = await checkOpeningReferences(db, employerId, {
    workplaceId: first(values.workplaceId),
    occupationId: choice || first(values.occupationId) || null,
    occupationQuery: choice ? null : first(values.occupationQuery) || null,
    skillIds: [...new Set([...list(values.skillIds), ...list(values.skillChoice)])].slice(0, 50),
    skillQuery: first(values.skillQuery) || null,
  });
  if (refs.ok) {
    return {
      errors: parseErrors,
      selected: await selectedConcepts(refs.occupationId, refs.skillIds),
      occupationSuggestions: [],
      skillSuggestions: [],
    };
  }
  // Schema messages first (they are about the field itself); database messages where the schema had none.
  const errors: FieldErrors = { ...refs.errors, ...parseErrors };
  return { ...refs, errors };
}

function failure(problems: ReferenceProblems, values: Record<string, string | string[]>) {
  const { intent: _intent, ...kept } = values;
  const body: OpeningFormFailure = { ...problems, values: kept, formError: undefined };
  return data(body, { status: 400 });
}

export async function submitOpeningForm(scope: EmployerScope, request: Request, options: { openingId?: string } = {}) {
  const values = formValues(await request.formData());
  const publish = first(values.intent) === "publish";
  const parsed = parseOpeningForm(values);
  if (!parsed.ok) return failure(await problemsFor(scope.employerId, values, parsed.errors), values);

  const result = options.openingId
    ? await updateOpening(scope, options.openingId, parsed.data, { publish })
    : await createOpening(scope, parsed.data, { publish });
  if (!result.ok) {
    if ("errors" in result) return failure(result, values);
    const body: OpeningFormFailure = {
      errors: {},
      values,
      selected: { occupation: null, skills: [] },
      occupationSuggestions: [],
      skillSuggestions: [],
      formError: result.message,
    };
    return data(body, { status: result.status });
  }
  const notice = publish
    ? "Annonsen är publicerad. Coacher kan nu hitta den i sökningen."
    : options.openingId
      ? "Ändringarna är sparade."
      : "Annonsen är sparad som utkast. Den syns inte för andra förrän du publicerar den.";
  throw await redirectWithNotice(`${scope.basePath}/annonser/${result.openingId}`, notice);
}
