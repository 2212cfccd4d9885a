// The employer's placements: who works or practises where, the status of the support, the next
// check-in, and new messages from the coach.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { PlacementStatusBadge } from "~/components/placement-parts.tsx";
import { supportPaths } from "~/domain/support.ts";
import { openingKinds } from "~/domain/vocab/openings.ts";
import { requireEmployerUser } from "~/utils/auth.server.ts";
import { listPlacements } from "~/utils/support.server.ts";
import { formatDate } from "~/domain/swedish-time.ts";
import { countSv, NOUNS } from "~/domain/swedish.ts";

export const meta: MetaFunction = () => [{ title: "Placeringar – Brygga" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireEmployerUser(request);
  const includeEnded = new URL(request.url).searchParams.get("avslutade") === "ja";
  const placements = await listPlacements({ employerId: user.employerId }, user.id, { includeEnded });
  return { placements, includeEnded };
}

export default function EmployerPlacements() {
  const { placements, includeEnded } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Placeringar</h1>
      <p>
        Här ser ni de deltagare som har praktik, arbetsträning eller anställning hos er, och stödet runt dem. Coachen
        finns kvar så länge ni och deltagaren vill.
      </p>
      <p className="button-row">
        <Link
          to={includeEnded ? supportPaths.employerPlacements : `${supportPaths.employerPlacements}?avslutade=ja`}
          className="button button--secondary"
        >
          {includeEnded ? "Dölj avslutade" : "Visa även avslutade"}
        </Link>
        <Link to={supportPaths.employerSettings} className="button button--secondary">
          E-postinställningar
        </Link>
      </p>
      {placements.length === 0 ? (
        <p>Ni har inga {includeEnded ? "" : "pågående "}placeringar.</p>
      ) : (
        <ul className="card-list">
          {placements.map((p) => (
            <li key={p.id} className="panel">
              <h2 className="card-title">
                <Link to={supportPaths.employerPlacement(p.id)}>
                  {p.pseudonym} – {p.opening.title}
                </Link>{" "}
                {p.unread > 0 ? <span className="badge badge--info">{countSv(p.unread, NOUNS.newMessage)}</span> : null}
              </h2>
              <p>
                {openingKinds.label(p.kind)} från {formatDate(p.startDate)}
                {p.endDate ? ` till ${formatDate(p.endDate)}` : ""}. <PlacementStatusBadge status={p.status} />
              </p>
              {p.nextCheckInAt && p.status !== "ended" ? (
                <p className="muted">Nästa uppföljning: {formatDate(p.nextCheckInAt)}</p>
              ) : null}
              {p.coachName ? <p className="muted">Coach: {p.coachName}</p> : null}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
