// Change a workplace, or remove one that has no openings. Published openings there follow the
// change in the search index.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { EmployerScopeHeader } from "~/components/employer-scope.tsx";
import { ErrorSummary } from "~/components/forms.tsx";
import { WorkplaceForm } from "~/components/workplace-form.tsx";
import { parseWorkplace } from "~/domain/employers.ts";
import { db } from "~/utils/db.server.ts";
import { requireEmployerScope, scopeForClient } from "~/utils/employer-access.server.ts";
import { deleteWorkplace, municipalityOptions, requireWorkplace, updateWorkplace } from "~/utils/employers.server.ts";
import { formValues, type FieldErrors } from "~/domain/forms.ts";
import { redirectWithNotice } from "~/utils/notice.server.ts";
import { countSv, NOUNS } from "~/domain/swedish.ts";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.name ?? "Arbetsplats"} – Brygga` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const scope = await requireEmployerScope(request, params);
  const w = await requireWorkplace(scope, params.workplaceId);
  // Show the municipality and coordinates only when they were chosen, not derived.
  const postal = await db.postalCode.findUnique({ where: { code: w.postalCode }, select: { municipalityCode: true } });
  const derivedMunicipality = postal?.municipalityCode === w.municipalityCode;
  const derivedCoordinates = w.lat === w.municipality.lat && w.lng === w.municipality.lng;
  return {
    scope: scopeForClient(scope),
    workplaceId: w.id,
    name: w.name,
    openings: w._count.openings,
    municipalities: await municipalityOptions(),
    defaults: {
      name: w.name,
      street: w.street,
      postalCode: w.postalCode,
      municipalityCode: derivedMunicipality ? "" : w.municipalityCode,
      lat: derivedCoordinates ? "" : String(w.lat),
      lng: derivedCoordinates ? "" : String(w.lng),
    } as Record<string, string | string[]>,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const scope = await requireEmployerScope(request, params);
  const workplace = await requireWorkplace(scope, params.workplaceId);
  const values = formValues(await request.formData());
  const base = `${scope.basePath}/arbetsplatser`;
  if (values.intent === "delete") {
    const result = await deleteWorkplace(scope, workplace.id);
    if (!result.ok) return data({ errors: {} as FieldErrors, values: null, message: result.message }, { status: 409 });
    throw await redirectWithNotice(base, "Arbetsplatsen är borttagen.");
  }
  const form = parseWorkplace(values);
  if (!form.ok) return data({ errors: form.errors, values, message: null }, { status: 400 });
  const result = await updateWorkplace(scope, workplace.id, form.data);
  if (!result.ok) return data({ errors: result.errors, values, message: null }, { status: 400 });
  throw await redirectWithNotice(base, "Arbetsplatsen är sparad.");
}

export default function EditWorkplace() {
  const { scope, workplaceId, name, openings, municipalities, defaults } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const base = `${scope.basePath}/arbetsplatser`;
  return (
    <>
      <EmployerScopeHeader scope={scope} />
      <p className="breadcrumb">
        <Link to={base}>← Alla arbetsplatser</Link>
      </p>
      <h1>{name}</h1>
      <ErrorSummary message={actionData?.message} />
      <WorkplaceForm
        values={actionData?.values ?? defaults}
        errors={actionData?.errors}
        municipalities={municipalities}
        submitting={navigation.state === "submitting"}
        submitLabel="Spara ändringarna"
        cancelTo={base}
      />
      <section className="panel" aria-labelledby="remove-title">
        <h2 id="remove-title">Ta bort arbetsplatsen</h2>
        {openings > 0 ? (
          <p>Arbetsplatsen har {countSv(openings, NOUNS.opening)} och kan inte tas bort.</p>
        ) : (
          <Form method="post" key={workplaceId}>
            <p>Arbetsplatsen har inga annonser och kan tas bort.</p>
            <button
              type="submit"
              name="intent"
              value="delete"
              className="button button--danger"
              aria-disabled={navigation.state === "submitting" || undefined}
            >
              Ta bort arbetsplatsen
            </button>
          </Form>
        )}
      </section>
    </>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
