import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { CASELOAD_PER_FULL_TIME, caseloadTarget } from "~/domain/caseload.ts";
import { requireOrgAdmin } from "~/utils/admin.server.ts";
import { db } from "~/utils/db.server.ts";
import { TableRegion } from "~/components/table-region.tsx";

export const meta: MetaFunction = () => [{ title: "Översikt – Brygga" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireOrgAdmin(request);
  const organization = await db.organization.findUniqueOrThrow({
    where: { id: user.organizationId },
    select: {
      name: true,
      users: {
        where: { role: "coach", deactivatedAt: null },
        orderBy: { name: "asc" },
        select: {
          id: true,
          name: true,
          email: true,
          employmentPercent: true,
          _count: { select: { caseload: { where: { phase: { not: "exited" }, erasedAt: null } } } },
        },
      },
      _count: { select: { participants: { where: { phase: { not: "exited" }, erasedAt: null } }, employers: true } },
    },
  });
  return { organization };
}

export default function AdminHome() {
  const { organization } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{organization.name}</h1>
      <h2 className="visually-hidden">Nyckeltal</h2>
      <ul className="key-figures key-figures--large">
        <li className="key-figure">
          <span className="key-figure__value">{organization._count.participants}</span> aktiva deltagare
        </li>
        <li className="key-figure">
          <span className="key-figure__value">{organization._count.employers}</span> arbetsgivare
        </li>
      </ul>
      <TableRegion label="Coacher och ärenden">
        <table className="table">
          <caption>Coacher och ärenden (mål: högst {CASELOAD_PER_FULL_TIME} per heltid)</caption>
          <thead>
            <tr>
              <th scope="col">Coach</th>
              <th scope="col">Tjänstgöring</th>
              <th scope="col">Aktiva ärenden</th>
              <th scope="col">Mål</th>
            </tr>
          </thead>
          <tbody>
            {organization.users.map((coach) => {
              const target = caseloadTarget(coach.employmentPercent);
              const over = coach._count.caseload > target;
              return (
                <tr key={coach.id}>
                  <td>
                    {coach.name}
                    <br />
                    <span className="muted">{coach.email}</span>
                  </td>
                  <td>{coach.employmentPercent} %</td>
                  <td>
                    {coach._count.caseload} {over ? <span className="badge badge--warning">Över målet</span> : null}
                  </td>
                  <td>{target}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableRegion>
    </>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
