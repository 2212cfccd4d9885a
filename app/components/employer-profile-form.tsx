// The employer profile form: name, organisation number (check digit verified), sector, contact
// details and a short description. Used by the employer (and a coach on their behalf) and when a
// coach adds a new employer.
import type { ReactNode } from "react";
import { EMPLOYER_LIMITS } from "~/domain/employers.ts";
import { sectors } from "~/domain/vocab/openings.ts";
import type { FieldErrors } from "~/domain/forms.ts";
import { ChoiceGroup, kept, TextareaField } from "./form-controls.tsx";
import { Field } from "./forms.tsx";

export function EmployerProfileFields({
  values,
  errors = {},
  children,
}: {
  values: Record<string, string | string[]>;
  errors?: FieldErrors;
  children?: ReactNode;
}) {
  return (
    <>
      <Field
        label="Namn"
        name="name"
        hint="Så som arbetsgivaren vill synas för coacher och deltagare."
        errors={errors.name}
        inputProps={{ defaultValue: kept(values, "name"), required: true, autoComplete: "organization" }}
      />
      <Field
        label="Organisationsnummer (valfritt)"
        name="orgNumber"
        hint="Tio siffror, till exempel 556036-0793."
        errors={errors.orgNumber}
        inputProps={{ defaultValue: kept(values, "orgNumber"), inputMode: "numeric", className: "input--short" }}
      />
      <ChoiceGroup
        type="radio"
        legend="Sektor"
        name="sector"
        options={sectors.options.map((o) => ({
          ...o,
          description:
            o.value === "public"
              ? "Kommun, region eller myndighet"
              : o.value === "private"
                ? "Företag"
                : "Förening, stiftelse eller kooperativ",
        }))}
        defaultValue={kept(values, "sector")}
        errors={errors.sector}
      />
      <Field
        label="Telefon (valfritt)"
        name="phone"
        errors={errors.phone}
        inputProps={{ type: "tel", defaultValue: kept(values, "phone"), autoComplete: "tel" }}
      />
      <Field
        label="Webbplats (valfritt)"
        name="website"
        errors={errors.website}
        inputProps={{ type: "url", defaultValue: kept(values, "website"), autoComplete: "url", inputMode: "url" }}
      />
      <TextareaField
        label="Om arbetsgivaren (valfritt)"
        name="description"
        hint="Några meningar om verksamheten. Det hjälper coacher att berätta om er för deltagare."
        errors={errors.description}
        textareaProps={{
          defaultValue: kept(values, "description"),
          rows: 4,
          maxLength: EMPLOYER_LIMITS.description + 100,
        }}
      />
      {children}
    </>
  );
}
