// The workplace form (new, edit): address with postal code; the municipality comes from the postal
// code unless chosen, and the coordinates are the municipality's centre unless typed.
import { Form, Link } from "@remix-run/react";
import type { FieldErrors } from "~/domain/forms.ts";
import { kept, SelectField } from "./form-controls.tsx";
import { Field } from "./forms.tsx";

export type MunicipalityOption = { code: string; name: string; county: string };

/** Municipalities grouped by county, for a select with <optgroup>s. */
export function municipalityGroups(municipalities: MunicipalityOption[]) {
  const counties = [...new Set(municipalities.map((m) => m.county))].sort((a, b) => a.localeCompare(b, "sv"));
  return counties.map((county) => ({
    label: county,
    options: municipalities.filter((m) => m.county === county).map((m) => ({ value: m.code, label: m.name })),
  }));
}

export function WorkplaceForm({
  values,
  errors = {},
  municipalities,
  submitting,
  submitLabel,
  cancelTo,
}: {
  values: Record<string, string | string[]>;
  errors?: FieldErrors;
  municipalities: MunicipalityOption[];
  submitting: boolean;
  submitLabel: string;
  cancelTo: string;
}) {
  const groups = municipalityGroups(municipalities);
  const errorCount = Object.keys(errors).length;
  return (
    <Form method="post" className="form" noValidate>
      {errorCount > 0 ? (
        <div className="alert alert--error" role="alert">
          <p>
            <strong>Arbetsplatsen är inte sparad.</strong> Rätta{" "}
            {errorCount === 1 ? "det markerade fältet" : `de ${errorCount} markerade fälten`}.
          </p>
        </div>
      ) : null}
      <Field
        label="Namn på arbetsplatsen"
        name="name"
        hint="Till exempel ”Lagret i Torsvik” eller ”Huvudkontoret”."
        errors={errors.name}
        inputProps={{ defaultValue: kept(values, "name"), required: true, autoComplete: "organization" }}
      />
      <Field
        label="Gatuadress"
        name="street"
        errors={errors.street}
        inputProps={{ defaultValue: kept(values, "street"), required: true, autoComplete: "street-address" }}
      />
      <Field
        label="Postnummer"
        name="postalCode"
        hint="Fem siffror. Kommunen hämtas från postnumret."
        errors={errors.postalCode}
        inputProps={{
          defaultValue: kept(values, "postalCode"),
          required: true,
          inputMode: "numeric",
          autoComplete: "postal-code",
          className: "input--short",
        }}
      />
      <SelectField
        label="Kommun (valfritt)"
        name="municipalityCode"
        hint="Behövs bara om vi inte hittar postnumret, eller om arbetsplatsen ligger i en annan kommun än postnumret."
        placeholder="Hämta från postnumret"
        groups={groups}
        errors={errors.municipalityCode}
        selectProps={{ defaultValue: kept(values, "municipalityCode") }}
      />
      <details className="field" open={errors.lat || errors.lng ? true : undefined}>
        <summary>Exakt läge (valfritt)</summary>
        <p className="hint">
          Utan koordinater räknar vi avstånd från kommunens centrum. Med exakt läge blir avståndet till deltagarnas hem
          rätt. Du hittar koordinaterna i en kartapp.
        </p>
        <div className="inline-fields">
          <Field
            label="Latitud"
            name="lat"
            hint="Till exempel 57.7826"
            errors={errors.lat}
            inputProps={{ defaultValue: kept(values, "lat"), inputMode: "decimal" }}
          />
          <Field
            label="Longitud"
            name="lng"
            hint="Till exempel 14.1618"
            errors={errors.lng}
            inputProps={{ defaultValue: kept(values, "lng"), inputMode: "decimal" }}
          />
        </div>
      </details>
      <div className="button-row">
        <button type="submit" name="intent" value="save" className="button" aria-disabled={submitting || undefined}>
          {submitting ? "Sparar …" : submitLabel}
        </button>
        <Link to={cancelTo} className="button button--quiet">
          Avbryt
        </Link>
      </div>
    </Form>
  );
}
