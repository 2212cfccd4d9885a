// Participants presented to the employer, across their openings: what waits for an answer, booked
// study visits, starts, and the ones they said no to. Only presented proposals (after the
// participant's yes), only the employer's own openings, pseudonyms only.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { employerProposalPath, employerStatusText } from "~/domain/proposals.ts";
import { requireEmployerUser } from "~/utils/auth.server.ts";
import { db } from "~/utils/db.server.ts";
import { employerProposalWhere } from "~/utils/proposals.server.ts";
import { formatDate, formatDateTime } from "~/domain/swedish-time.ts";
import { TableRegion } from "~/components/table-region.tsx";

export const meta: MetaFunction = () => [{ title: "Presenterade deltagare – Brygga" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireEmployerUser(request);
  const rows = await db.proposal.findMany({
    where: employerProposalWhere(user.employerId),
    orderBy: { presentedAt: "desc" },
    take: 200,
    select: {
      id: true,
      status: true,
      presentedAt: true,
      visitAt: true,
      participant: { select: { pseudonym: true } },
      opening: { select: { id: true, title: true } },
      placement: { select: { startDate: true } },
    },
  });
  return {
    proposals: rows.map((r) => ({
      id: r.id,
      pseudonym: r.participant.pseudonym,
      opening: r.opening,
      presentedAt: r.presentedAt,
      waiting: r.status === "presented",
      statusText: employerStatusText(
        { status: r.status, visitAt: r.visitAt, placementStart: r.placement?.startDate ?? null },
        { date: formatDate, dateTime: formatDateTime },
      ),
    })),
  };
}

export default function EmployerProposals() {
  const { proposals } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Presenterade deltagare</h1>
      <p>
        Deltagare som själva har sagt ja och som coachen har presenterat för er. Ni ser bara det deltagaren har valt att
        visa.
      </p>
      {proposals.length === 0 ? (
        <p>Inga deltagare är presenterade för er än.</p>
      ) : (
        <TableRegion label="Presenterade deltagare">
          <table className="table">
            <caption className="visually-hidden">Presenterade deltagare</caption>
            <thead>
              <tr>
                <th scope="col">Deltagare</th>
                <th scope="col">Annons</th>
                <th scope="col">Presenterad</th>
                <th scope="col">Läge</th>
              </tr>
            </thead>
            <tbody>
              {proposals.map((p) => (
                <tr key={p.id}>
                  <td>
                    <Link to={employerProposalPath(p.id)}>{p.pseudonym}</Link>
                  </td>
                  <td>
                    <Link to={`/arbetsgivare/annonser/${p.opening.id}`}>{p.opening.title}</Link>
                  </td>
                  <td>{formatDate(p.presentedAt)}</td>
                  <td>{p.waiting ? <strong>{p.statusText}</strong> : p.statusText}</td>
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
