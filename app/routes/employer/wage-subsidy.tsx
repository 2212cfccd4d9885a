// The employer's lönestödsförslag (issue 15), on a presented candidate or a placement: what the hire
// costs month by month (chart and table), where the figures come from, that Arbetsförmedlingen
// decides, and a question to the coach about it (in the placement's thread, or as a new question on
// a proposal). Printable. Only the employer's own presented proposals and placements (else 404).
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { kept, TextareaField } from "~/components/form-controls.tsx";
import { ActionError } from "~/components/forms.tsx";
import {
  CostChart,
  CostTable,
  WageSubsidyDisclaimer,
  WageSubsidySources,
  WageSubsidySummary,
  WageSubsidyTotals,
} from "~/components/wage-subsidy-parts.tsx";
import { parseFields, requiredText } from "~/domain/form-rules.ts";
import { formValues, type FieldErrors } from "~/domain/forms.ts";
import { requireEmployerUser } from "~/utils/auth.server.ts";
import { redirectWithNotice } from "~/utils/notice.server.ts";
import { clientIp } from "~/utils/rate-limit.server.ts";
import { badRequest } from "~/utils/responses.server.ts";
import { askAboutWageSubsidy, loadEmployerWageSubsidy, type Target } from "~/utils/wage-subsidy.server.ts";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Lönestödsförslag${data ? ` – ${data.subject.pseudonym}, ${data.subject.openingTitle}` : ""} – Brygga` },
];

function targetOf(params: Record<string, string | undefined>): Target {
  if (params.proposalId) return { kind: "proposal", id: params.proposalId };
  if (params.placementId) return { kind: "placement", id: params.placementId };
  badRequest("Sidan saknar förslag eller placering.");
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireEmployerUser(request);
  const target = targetOf(params);
  const page = await loadEmployerWageSubsidy(user, target, clientIp(context));
  return { ...page, kind: target.kind };
}

const askShape = { body: requiredText("frågan", 2000, 2) };

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireEmployerUser(request);
  const target = targetOf(params);
  const values = formValues(await request.formData());
  const form = parseFields(askShape, values);
  if (!form.ok) return data({ errors: form.errors, values, message: null as string | null }, { status: 400 });
  const result = await askAboutWageSubsidy(user, target, form.data.body);
  if (!result.ok) return data({ errors: {} as FieldErrors, values, message: result.message }, { status: 400 });
  throw await redirectWithNotice(result.redirectTo, result.message);
}

export default function EmployerWageSubsidy() {
  const { subject, plan, kind } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  const calculation = plan.calculation;
  return (
    <article className="wage-subsidy">
      <p className="breadcrumb">
        <Link to={subject.backTo}>
          ← {subject.pseudonym} – {subject.openingTitle}
        </Link>
      </p>
      <h1>Lönestödsförslag: {subject.pseudonym}</h1>
      <p>
        {subject.coachName ? `${subject.coachName} har` : "Coachen har"} räknat på vad en anställning som{" "}
        {subject.openingTitle.toLowerCase()} kan kosta er, månad för månad.
      </p>
      {calculation ? (
        <>
          <WageSubsidyDisclaimer calculation={calculation} />
          <WageSubsidyTotals calculation={calculation} />
          <section className="panel" aria-labelledby="plan-title">
            <h2 id="plan-title">Förslaget</h2>
            <WageSubsidySummary input={plan.input} calculation={calculation} note={plan.note} />
          </section>
          <section aria-labelledby="months-title">
            <h2 id="months-title">Månad för månad</h2>
            <CostChart calculation={calculation} tableId="cost-table" />
            <CostTable calculation={calculation} id="cost-table" />
          </section>
          <p className="no-print">
            <button type="button" className="button button--secondary" onClick={() => window.print()}>
              Skriv ut eller spara som PDF
            </button>
          </p>
          <WageSubsidySources input={plan.input} calculation={calculation} />
        </>
      ) : (
        <p>Förslaget har ett startdatum som beräkningen saknar siffror för. Fråga coachen.</p>
      )}

      <section className="panel no-print" aria-labelledby="ask-title">
        <h2 id="ask-title">Fråga coachen om förslaget</h2>
        <p>
          {kind === "placement"
            ? "Frågan hamnar i er tråd med coachen för placeringen."
            : "Frågan skickas till coachen, som svarar här i Brygga och med e-post."}
        </p>
        <ActionError result={actionData?.message ? { message: actionData.message } : null} />
        <Form method="post" noValidate className="stack">
          <TextareaField
            label="Din fråga"
            name="body"
            hint="Skriv inga personnummer eller hälsouppgifter."
            errors={actionData?.errors?.body}
            textareaProps={{ rows: 4, defaultValue: kept(actionData?.values, "body") }}
          />
          <button type="submit" className="button" disabled={busy}>
            Skicka frågan
          </button>
        </Form>
      </section>
    </article>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
