// Handledarstöd on the employer's placement (issue 15): the guides for the accommodations the
// participant has disclosed, and the introduction checklist the supervisor ticks (before day one,
// the first day, the first week, after a month). The coach sees the progress. Only the employer's
// own placements (else 404).
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { ActionError } from "~/components/forms.tsx";
import { GuideView } from "~/components/supervisor-guide.tsx";
import { parseFields } from "~/domain/form-rules.ts";
import { formValues } from "~/domain/forms.ts";
import { CHECKLIST_PHASES, formatProgress, phaseLabels } from "~/domain/supervisor-guide.ts";
import { supportPaths } from "~/domain/support.ts";
import { requireEmployerUser } from "~/utils/auth.server.ts";
import { redirectWithNotice, samePage } from "~/utils/notice.server.ts";
import { requirePlacement } from "~/utils/support.server.ts";
import { loadChecklist, setChecklistItem, tickShape } from "~/utils/supervisor-checklist.server.ts";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Handledarstöd${data ? ` – ${data.pseudonym}` : ""} – Brygga` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireEmployerUser(request);
  const placement = await requirePlacement(user, params.placementId, "employer");
  const checklist = await loadChecklist(placement);
  return {
    placementId: placement.id,
    pseudonym: placement.participant.pseudonym,
    openingTitle: placement.opening.title,
    ended: placement.status === "ended",
    ...checklist,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireEmployerUser(request);
  const placement = await requirePlacement(user, params.placementId, "employer");
  const values = formValues(await request.formData());
  const form = parseFields(tickShape, values);
  if (!form.ok) return data({ message: "Välj en punkt i listan." }, { status: 400 });
  const result = await setChecklistItem(user, placement, { itemId: form.data.itemId, done: form.data.done === "yes" });
  if (!result.ok) return data({ message: result.message }, { status: 400 });
  throw await redirectWithNotice(samePage(request), result.message);
}

export default function EmployerSupervisor() {
  const page = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  return (
    <>
      <p className="breadcrumb">
        <Link to={supportPaths.employerPlacement(page.placementId)}>
          ← {page.pseudonym} – {page.openingTitle}
        </Link>
      </p>
      <h1>Handledarstöd: {page.pseudonym}</h1>
      <p>
        Här finns en lista för introduktionen och korta råd om de anpassningar som {page.pseudonym} har valt att berätta
        om. Coachen ser hur långt ni har kommit. Alla råd finns på{" "}
        <Link to="/for-arbetsgivare/handledare">sidan för handledare</Link>.
      </p>
      <ActionError result={actionData} />

      <section className="panel" aria-labelledby="checklist-title">
        <h2 id="checklist-title">Introduktionen</h2>
        <p>
          <label htmlFor="checklist-progress">{formatProgress(page.progress)}</label>{" "}
          <progress
            id="checklist-progress"
            className="checklist-progress"
            max={page.progress.total}
            value={page.progress.done}
          />
        </p>
        {CHECKLIST_PHASES.map((phase) => {
          const items = page.items.filter((i) => i.phase === phase);
          return (
            <div key={phase}>
              <h3>{phaseLabels[phase]}</h3>
              <ul className="tick-list">
                {items.map((item) => (
                  <li key={item.id}>
                    <span className="tick-list__text">
                      {item.done ? <span className="tick-list__done">Klart: </span> : null}
                      {item.text}
                    </span>
                    {page.ended ? null : (
                      <Form method="post" className="no-print">
                        <input type="hidden" name="itemId" value={item.id} />
                        <input type="hidden" name="done" value={item.done ? "no" : "yes"} />
                        <button
                          type="submit"
                          className={item.done ? "button button--quiet" : "button button--secondary"}
                          disabled={busy}
                          aria-label={`${item.done ? "Ångra" : "Markera klar"}: ${item.text}`}
                        >
                          {item.done ? "Ångra" : "Markera klar"}
                        </button>
                      </Form>
                    )}
                  </li>
                ))}
              </ul>
            </div>
          );
        })}
      </section>

      <section aria-labelledby="guides-title">
        <h2 id="guides-title">Anpassningar för {page.pseudonym}</h2>
        {page.guides.length === 0 ? (
          <p>
            {page.pseudonym} har inte valt att berätta om några anpassningar. Fråga gärna coachen om något känns oklart.
          </p>
        ) : (
          page.guides.map((guide) => <GuideView key={guide.code} guide={guide} level={3} />)
        )}
      </section>
    </>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
