import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { openingKinds, openingStatuses } from "~/domain/vocab/openings.ts";
import { requireEmployerUser } from "~/utils/auth.server.ts";
import { db } from "~/utils/db.server.ts";
import { formatDate } from "~/utils/format.ts";

export const meta: MetaFunction = () => [{ title: "Start – Brygga" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireEmployerUser(request);
  const employer = await db.employer.findUniqueOrThrow({
    where: { id: user.employerId },
    select: {
      name: true,
      contactCoach: { select: { name: true, email: true, phone: true, title: true } },
      organization: { select: { name: true, sharedInboxEmail: true } },
      openings: {
        orderBy: [{ status: "asc" }, { updatedAt: "desc" }],
        select: {
          id: true,
          title: true,
          kind: true,
          status: true,
          startDate: true,
          places: true,
          _count: { select: { placements: { where: { endedAt: null } } } },
        },
      },
    },
  });
  return { employer };
}

export default function EmployerHome() {
  const { employer } = useLoaderData<typeof loader>();
  const coach = employer.contactCoach;
  return (
    <>
      <h1>{employer.name}</h1>
      <div className="grid">
        <section className="panel" aria-labelledby="coach-title">
          <h2 id="coach-title">Din kontakt</h2>
          {coach ? (
            <div className="stack">
              <p>
                <strong>{coach.name}</strong>
                {coach.title ? <span className="muted">, {coach.title}</span> : null}
                <br />
                {employer.organization?.name}
              </p>
              {coach.phone ? (
                <p>
                  Telefon: <a href={`tel:${coach.phone.replace(/[^+\d]/g, "")}`}>{coach.phone}</a>
                </p>
              ) : null}
              {coach.email ? (
                <p>
                  E-post: <a href={`mailto:${coach.email}`}>{coach.email}</a>
                </p>
              ) : null}
              <p className="muted">Du kan alltid höra av dig – före, under och efter en anställning.</p>
            </div>
          ) : (
            <p>Ni har ingen kontaktperson ännu. {employer.organization?.sharedInboxEmail ? `Skriv till ${employer.organization.sharedInboxEmail}.` : null}</p>
          )}
        </section>
      </div>
      <h2>Era annonser</h2>
      {employer.openings.length === 0 ? (
        <p>Ni har inga annonser ännu.</p>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">Era annonser</caption>
            <thead>
              <tr>
                <th scope="col">Titel</th>
                <th scope="col">Typ</th>
                <th scope="col">Status</th>
                <th scope="col">Start</th>
                <th scope="col">Pågående placeringar</th>
              </tr>
            </thead>
            <tbody>
              {employer.openings.map((o) => (
                <tr key={o.id}>
                  <td>{o.title}</td>
                  <td>{openingKinds.label(o.kind)}</td>
                  <td>{openingStatuses.label(o.status)}</td>
                  <td>{o.startDate ? formatDate(o.startDate) : <span className="muted">Enligt överenskommelse</span>}</td>
                  <td>{o._count.placements}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
