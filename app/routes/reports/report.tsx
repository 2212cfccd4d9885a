// "Rapporter": an organisation's outcome report for a period (issue 7, docs/product-rules.md#outcomes) for its admin
// and coaches — consent split, before/after tables in the funders' (SUS) shape, exit reasons,
// milestones, retention, the funnel, IPS fidelity and a municipality map, everything by gender,
// with charts beside their data tables, definitions, and CSV/JSON downloads of every table.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useLoaderData, useNavigation } from "@remix-run/react";
import { ChoiceGroup, SelectField } from "~/components/form-controls.tsx";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { ErrorSummary, Field } from "~/components/forms.tsx";
import { Report } from "~/components/report-view.tsx";
import { mapScopeParam, viewParam } from "~/domain/reports/filters.ts";
import { loadReportPage } from "~/utils/report-page.server.ts";

export const meta: MetaFunction = () => [{ title: "Rapporter – Brygga" }];

export function loader({ request }: LoaderFunctionArgs) {
  return loadReportPage(request);
}

export default function ReportsPage() {
  const d = useLoaderData<typeof loader>();
  const navigation = useNavigation();
  const errors = d.ok ? undefined : d.errors;
  const values = d.values;
  const views: Array<{ value: string; label: string }> = [
    { value: viewParam.exact, label: "Exakta tal (organisationens eget arbete)" },
    { value: viewParam.funder, label: "Som till finansiären (grupper med färre än 3 dolda)" },
  ];
  return (
    <>
      <h1>Rapporter</h1>
      <p className="lead">
        Resultat för {d.organization.name}
        {d.organization.funderName ? `, finansierat av ${d.organization.funderName}` : ""}: deltagare, sysselsättning
        och försörjning före och efter, avslut, tid till arbete och IPS-trohet. Se{" "}
        <a href="#definitioner">definitionerna</a> för hur allt räknas.
      </p>
      <ErrorSummary
        message={
          d.ok
            ? null
            : `Rapporten kunde inte tas fram. ${d.formError ?? errors?.mapScope?.join(" ") ?? "Rätta det som är markerat."}`
        }
      />
      <Form method="get" className="panel report-filters" noValidate>
        <h2 className="visually-hidden">Välj period</h2>
        <div className="filters">
          <Field
            label="Från och med"
            name="fran"
            errors={errors?.from}
            inputProps={{ type: "date", defaultValue: values.from }}
          />
          <Field
            label="Till och med"
            name="till"
            errors={errors?.to}
            inputProps={{ type: "date", defaultValue: values.to }}
          />
          <SelectField
            label="Kommun"
            name="kommun"
            placeholder="Alla kommuner"
            options={d.municipalityOptions}
            errors={errors?.municipalityCode}
            selectProps={{ defaultValue: values.municipalityCode }}
          />
        </div>
        <ChoiceGroup
          type="radio"
          legend="Visning"
          name="visning"
          options={views}
          errors={errors?.view}
          defaultValue={values.view}
          className="choices--inline"
        />
        <input
          type="hidden"
          name="karta"
          value={values.mapScope === mapScopeParam.country ? mapScopeParam.country : mapScopeParam.county}
        />
        <button type="submit" className="button" aria-disabled={navigation.state === "loading" || undefined}>
          Visa rapport
        </button>
      </Form>
      {d.ok ? <Report d={d} /> : null}
    </>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
