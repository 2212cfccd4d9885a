// The employers linked to the coach's organisation: who their contact is, what they have posted,
// open questions — and the way into their pages, to post and manage openings on their behalf.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { Field } from "~/components/forms.tsx";
import { sectors } from "~/domain/vocab/openings.ts";
import { requireOrgStaff } from "~/utils/auth.server.ts";
import { listOrganizationEmployers } from "~/utils/employers.server.ts";
import { TableRegion } from "~/components/table-region.tsx";

export const meta: MetaFunction = () => [{ title: "Arbetsgivare – Brygga" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireOrgStaff(request);
  const url = new URL(request.url);
  const q = (url.searchParams.get("q") ?? "").trim().slice(0, 100) || null;
  return { employers: await listOrganizationEmployers(user.organizationId, q), q, me: user.id };
}

export default function CoachEmployers() {
  const { employers, q, me } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Arbetsgivare</h1>
      <p className="lead">
        Arbetsgivare som är kopplade till er organisation. Du kan lägga upp och hantera annonser åt dem; det registreras
        som gjort för deras räkning.
      </p>
      <p>
        <Link to="/coach/arbetsgivare/ny" className="button">
          Lägg till arbetsgivare
        </Link>
      </p>
      <Form method="get" className="search-form" role="search" aria-label="Sök arbetsgivare">
        <Field label="Sök på namn" name="q" inputProps={{ type: "search", defaultValue: q ?? "" }} />
        <button type="submit" className="button button--secondary">
          Sök
        </button>
      </Form>
      {employers.length === 0 ? (
        <p>
          {q ? "Ingen arbetsgivare matchar sökningen." : "Inga arbetsgivare är kopplade till er organisation ännu."}
        </p>
      ) : (
        <TableRegion label="Arbetsgivare">
          <table className="table">
            <caption className="visually-hidden">Arbetsgivare</caption>
            <thead>
              <tr>
                <th scope="col">Arbetsgivare</th>
                <th scope="col">Kontaktperson</th>
                <th scope="col">Publicerade annonser</th>
                <th scope="col">Utkast</th>
                <th scope="col">Öppna frågor</th>
                <th scope="col">Mer</th>
              </tr>
            </thead>
            <tbody>
              {employers.map((e) => (
                <tr key={e.id}>
                  <td>
                    <Link to={`/coach/arbetsgivare/${e.id}/annonser`}>{e.name}</Link>
                    <br />
                    <span className="muted">
                      {sectors.label(e.sector)}
                      {e.orgNumber ? `, ${e.orgNumber}` : ""}
                    </span>
                  </td>
                  <td>
                    {e.contactCoach ? (
                      e.contactCoach.id === me ? (
                        "Du"
                      ) : (
                        e.contactCoach.name
                      )
                    ) : (
                      <span className="muted">Ingen</span>
                    )}
                  </td>
                  <td>{e.published}</td>
                  <td>{e.drafts}</td>
                  <td>{e.openQuestions > 0 ? <Link to="/coach/fragor">{e.openQuestions}</Link> : 0}</td>
                  <td>
                    <ul className="inline-list">
                      <li>
                        <Link to={`/coach/arbetsgivare/${e.id}/kontakter`}>Kontakter</Link>
                      </li>
                      <li>
                        <Link to={`/coach/arbetsgivare/${e.id}/arbetsplatser`}>Arbetsplatser ({e.workplaces})</Link>
                      </li>
                      <li>
                        <Link to={`/coach/arbetsgivare/${e.id}/kollegor`}>Användare ({e.users})</Link>
                      </li>
                    </ul>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
    </>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
