// Employers' questions to the organisation ("fråga coachen"): the ones waiting for an answer first,
// oldest wait first — fast answers are what employers value most — then answered and closed ones.
import { currentTime } from "~/utils/clock.server.ts";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { ThreadList } from "~/components/thread-list.tsx";
import { formatDuration } from "~/domain/threads.ts";
import { requireOrgStaff } from "~/utils/auth.server.ts";
import { listOrganizationQuestions, typicalResponseMs } from "~/utils/questions.server.ts";

export const meta: MetaFunction = () => [{ title: "Frågor från arbetsgivare – Brygga" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireOrgStaff(request);
  const mine = new URL(request.url).searchParams.get("visa") === "mina";
  const [lists, typical] = await Promise.all([
    listOrganizationQuestions(user.organizationId, user.id, mine ? { contactCoachId: user.id } : {}),
    typicalResponseMs(user.organizationId),
  ]);
  return { ...lists, mine, typical, now: currentTime() };
}

export default function CoachQuestions() {
  const { waiting, answered, closed, mine, typical, now } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Frågor från arbetsgivare</h1>
      <p className="lead">
        Arbetsgivare som får snabba svar fortsätter att ta emot deltagare.
        {typical != null ? ` Organisationen svarar oftast inom ${formatDuration(typical)}.` : ""}
      </p>
      <nav aria-label="Visa frågor">
        <ul className="filter-list">
          <li>
            <Link to="/coach/fragor" aria-current={!mine ? "page" : undefined}>
              Hela organisationen
            </Link>
          </li>
          <li>
            <Link to="/coach/fragor?visa=mina" aria-current={mine ? "page" : undefined}>
              Mina arbetsgivare
            </Link>
          </li>
        </ul>
      </nav>
      <section aria-labelledby="waiting-title">
        <h2 id="waiting-title">Väntar på svar ({waiting.length})</h2>
        {waiting.length === 0 ? (
          <p>Inga frågor väntar på svar.</p>
        ) : (
          <ThreadList threads={waiting} basePath="/coach/fragor" now={now} audience="staff" />
        )}
      </section>
      <section aria-labelledby="answered-title">
        <h2 id="answered-title">Besvarade ({answered.length})</h2>
        {answered.length === 0 ? (
          <p className="muted">Inga besvarade, öppna frågor.</p>
        ) : (
          <ThreadList threads={answered} basePath="/coach/fragor" now={now} audience="staff" />
        )}
      </section>
      <section aria-labelledby="closed-title">
        <h2 id="closed-title">Avslutade</h2>
        {closed.length === 0 ? (
          <p className="muted">Inga avslutade frågor.</p>
        ) : (
          <ThreadList threads={closed} basePath="/coach/fragor" now={now} audience="staff" />
        )}
      </section>
    </>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
