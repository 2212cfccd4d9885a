// The coach prepares a lönestödsförslag (issue 15) on a proposal or a placement: the support form,
// the salary at full time and the hours, holiday pay, the employer contribution category (chosen
// by the coach; the employer sees only the rate), the start and the steps. Saving shows the cost
// month by month as the employer will see it. Coaches and admins of the participant's organisation
// only (another organisation: 404; other roles: 403).
import { currentTime } from "~/utils/clock.server.ts";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { CheckboxField, kept, SelectField, TextareaField } from "~/components/form-controls.tsx";
import { ActionError, ErrorSummary, Field } from "~/components/forms.tsx";
import {
  CostChart,
  CostTable,
  WageSubsidyDisclaimer,
  WageSubsidySources,
  WageSubsidySummary,
  WageSubsidyTotals,
} from "~/components/wage-subsidy-parts.tsx";
import { formValues, type FieldErrors } from "~/domain/forms.ts";
import { formLabels, MAX_STEPS, parseWageSubsidyForm } from "~/domain/wage-subsidy.ts";
import { CONTRIBUTION_CATEGORIES, PARAMETER_SETS, WAGE_SUBSIDY_FORMS } from "~/domain/wage-subsidy-parameters.ts";
import { requireOrgStaff } from "~/utils/auth.server.ts";
import { redirectWithNotice, samePage } from "~/utils/notice.server.ts";
import { clientIp } from "~/utils/rate-limit.server.ts";
import { badRequest } from "~/utils/responses.server.ts";
import {
  loadCoachWageSubsidy,
  saveWageSubsidyPlan,
  wageSubsidyPaths,
  type Target,
} from "~/utils/wage-subsidy.server.ts";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Lönestödsförslag${data ? ` – ${data.subject.pseudonym}` : ""} – Brygga` },
];

function targetOf(params: Record<string, string | undefined>): Target {
  if (params.proposalId) return { kind: "proposal", id: params.proposalId };
  if (params.placementId) return { kind: "placement", id: params.placementId };
  badRequest("Sidan saknar förslag eller placering.");
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireOrgStaff(request);
  const target = targetOf(params);
  const page = await loadCoachWageSubsidy(user, target);
  const latest = PARAMETER_SETS[PARAMETER_SETS.length - 1]!;
  return {
    ...page,
    target,
    employerPath: wageSubsidyPaths.employer(target),
    categoryOptions: CONTRIBUTION_CATEGORIES.map((c) => ({ value: c, label: latest.contributions[c].coachLabel })),
  };
}

type Failure = { errors: FieldErrors; values: Record<string, string | string[]>; message: string | null };

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireOrgStaff(request);
  const target = targetOf(params);
  const values = formValues(await request.formData());
  const parsed = parseWageSubsidyForm(values, currentTime());
  if (!parsed.ok)
    return data<Failure>(
      { errors: parsed.errors, values, message: "Förslaget kunde inte sparas. Rätta det som är markerat." },
      { status: 400 },
    );
  const saved = await saveWageSubsidyPlan(user, target, parsed.data, clientIp(context));
  if (!saved.ok)
    return data<Failure>(
      { errors: saved.field ? { [saved.field]: [saved.message] } : {}, values, message: saved.message },
      { status: saved.status },
    );
  throw await redirectWithNotice(samePage(request), saved.message);
}

export default function CoachWageSubsidy() {
  const { subject, plan, suggestedCategory, needsDisclosed, categoryOptions, employerPath, target } =
    useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  const errors = actionData?.errors ?? {};
  const values = actionData?.values;
  const input = plan?.input;
  const steps = input?.steps ?? [];
  const value = (name: string, fallback: string | number | null | undefined) =>
    kept(values, name, fallback === null || fallback === undefined ? undefined : String(fallback));
  return (
    <>
      <p className="breadcrumb">
        <Link to={subject.backTo}>
          ← {subject.pseudonym} – {subject.openingTitle}
        </Link>
      </p>
      <h1>Lönestödsförslag: {subject.pseudonym}</h1>
      <p>
        För {subject.employerName}, {subject.openingTitle}. Arbetsgivaren ser förslaget på{" "}
        {target.kind === "proposal" ? "förslaget när deltagaren är presenterad" : "placeringen"}
        {plan ? (
          <>
            {" "}
            – <Link to={employerPath}>så här ser det ut för arbetsgivaren</Link>
          </>
        ) : null}
        .
      </p>
      <ActionError result={actionData?.message ? { message: actionData.message } : null} />

      <Form method="post" noValidate className="panel stack" aria-labelledby="form-title">
        <h2 id="form-title">{plan ? "Ändra förslaget" : "Gör ett förslag"}</h2>
        <ErrorSummary message={actionData?.message ?? null} />
        <SelectField
          label="Stödform"
          name="form"
          errors={errors.form}
          hint={
            needsDisclosed
              ? "Arbetsförmedlingen beslutar. Välj den form ni tror blir aktuell."
              : "Lönestöd visar att arbetsförmågan är nedsatt. Deltagaren har inte valt att visa sina anpassningar, så lönestöd kan inte väljas förrän deltagaren säger ja."
          }
          options={WAGE_SUBSIDY_FORMS.map((f) => ({ value: f, label: formLabels[f] }))}
          selectProps={{ defaultValue: value("form", input?.form ?? "nystartsjobb") }}
        />
        <Field
          label="Månadslön vid heltid (kronor)"
          name="monthlySalary"
          hint="Lönen enligt kollektivavtal för en heltid, före skatt."
          errors={errors.monthlySalary}
          inputProps={{ inputMode: "numeric", size: 8, defaultValue: value("monthlySalary", input?.monthlySalary) }}
        />
        <Field
          label="Timmar per vecka"
          name="hoursPerWeek"
          hint="Heltid räknas som 40 timmar."
          errors={errors.hoursPerWeek}
          inputProps={{
            inputMode: "numeric",
            size: 4,
            defaultValue: value("hoursPerWeek", input?.hoursPerWeek ?? subject.hoursPerWeek),
          }}
        />
        <CheckboxField
          label="Räkna med semesterersättning (12 %)"
          name="holidayPay"
          defaultChecked={values ? kept(values, "holidayPay") !== undefined : (input?.holidayPay ?? true)}
        />
        <SelectField
          label="Arbetsgivaravgift"
          name="contributionCategory"
          errors={errors.contributionCategory}
          hint={
            (suggestedCategory
              ? `Utifrån födelseåret i deltagarens uppgifter gäller: ${categoryOptions.find((o) => o.value === suggestedCategory)?.label}. `
              : "Deltagarens födelseår är inte registrerat. ") +
            "Arbetsgivaren ser bara avgiften, aldrig en ålder. Välj nedsatt avgift bara om deltagaren har sagt ja till det."
          }
          options={categoryOptions}
          selectProps={{ defaultValue: value("contributionCategory", input?.contributionCategory ?? "standard") }}
        />
        <Field
          label="Startdatum"
          name="startDate"
          hint="Året avgör vilka siffror som används."
          errors={errors.startDate}
          inputProps={{ type: "date", defaultValue: value("startDate", input?.startDate ?? subject.startDate) }}
        />
        <fieldset className="stack">
          <legend>Perioden och dess steg</legend>
          <p className="muted">
            Andel av lönekostnaden som du tror att beslutet täcker, till exempel 6 månader med 80 % och sedan 6 månader
            med 60 %. Lämna steg 2 och 3 tomma om de inte behövs.
          </p>
          {Array.from({ length: MAX_STEPS }, (_, i) => {
            const n = i + 1;
            return (
              <div className="grid" key={n}>
                <Field
                  label={`Steg ${n}: antal månader`}
                  name={`step${n}Months`}
                  errors={errors[`step${n}Months`]}
                  inputProps={{
                    inputMode: "numeric",
                    size: 4,
                    defaultValue: value(`step${n}Months`, steps[i]?.months),
                  }}
                />
                <Field
                  label={`Steg ${n}: andel i procent`}
                  name={`step${n}Share`}
                  errors={errors[`step${n}Share`]}
                  inputProps={{
                    inputMode: "numeric",
                    size: 4,
                    defaultValue: value(`step${n}Share`, steps[i]?.sharePercent),
                  }}
                />
              </div>
            );
          })}
        </fieldset>
        <TextareaField
          label="Kommentar till arbetsgivaren (valfritt)"
          name="note"
          hint="Syns för arbetsgivaren. Skriv inget om hälsa eller diagnos."
          errors={errors.note}
          textareaProps={{ rows: 3, defaultValue: value("note", plan?.note) }}
        />
        <button type="submit" className="button" disabled={busy}>
          Spara förslaget
        </button>
      </Form>

      {plan?.calculation ? (
        <section aria-labelledby="preview-title">
          <h2 id="preview-title">Så ser arbetsgivaren förslaget</h2>
          <WageSubsidyDisclaimer calculation={plan.calculation} />
          <WageSubsidyTotals calculation={plan.calculation} />
          <WageSubsidySummary input={plan.input} calculation={plan.calculation} note={plan.note} />
          <CostChart calculation={plan.calculation} tableId="cost-table" />
          <CostTable calculation={plan.calculation} id="cost-table" />
          <WageSubsidySources input={plan.input} calculation={plan.calculation} />
        </section>
      ) : null}
    </>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
