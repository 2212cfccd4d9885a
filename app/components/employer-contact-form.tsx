// The form for logging an employer contact (used on the contact log and on an employer's page).
import { Form } from "@remix-run/react";
import { employerContactKinds } from "~/domain/vocab/outcomes.ts";
import { sectors } from "~/domain/vocab/openings.ts";
import type { FieldErrors } from "~/domain/forms.ts";
import { ChoiceGroup, kept, SelectField, TextareaField } from "./form-controls.tsx";
import { Field } from "./forms.tsx";
import { Combobox } from "./combobox.tsx";

type Props = {
  today: string;
  participants: Array<{ id: string; pseudonym: string }>;
  /** Fixed employer (on the employer's page): no employer picker. */
  fixedEmployer?: { id: string; name: string };
  defaultParticipantId?: string | null;
  errors?: FieldErrors;
  values?: Record<string, string | string[]>;
  busy: boolean;
};

export function EmployerContactForm({
  today,
  participants,
  fixedEmployer,
  defaultParticipantId,
  errors,
  values,
  busy,
}: Props) {
  return (
    <Form method="post" className="form" noValidate>
      {fixedEmployer ? null : (
        <fieldset className="panel">
          <legend className="panel__legend">Arbetsgivare</legend>
          <Combobox
            name="employerId"
            label="Sök arbetsgivare i Brygga"
            source={{ remote: "employer" }}
            errors={errors?.employerId}
            selectedLabel="Vald arbetsgivare"
          />
          <p className="hint">Finns arbetsgivaren inte i Brygga? Skriv namnet nedan så läggs den till.</p>
          <Field
            label="Ny arbetsgivare (namn)"
            name="newEmployerName"
            errors={errors?.newEmployerName}
            inputProps={{ defaultValue: kept(values, "newEmployerName"), autoComplete: "organization" }}
          />
          <SelectField
            label="Sektor för ny arbetsgivare"
            name="newEmployerSector"
            placeholder="Välj"
            options={sectors.options}
            errors={errors?.newEmployerSector}
            selectProps={{ defaultValue: kept(values, "newEmployerSector") ?? "" }}
          />
        </fieldset>
      )}
      <ChoiceGroup
        type="radio"
        legend="Typ av kontakt"
        name="kind"
        options={employerContactKinds.options}
        errors={errors?.kind}
        defaultValue={kept(values, "kind", "visit")}
        className="choices--inline"
      />
      <Field
        label="Datum"
        name="occurredAt"
        errors={errors?.occurredAt}
        inputProps={{ type: "date", max: today, defaultValue: kept(values, "occurredAt", today) }}
      />
      <TextareaField
        label="Anteckningar"
        name="notes"
        hint="Vad ni pratade om, vilka arbetsuppgifter som finns, vem du träffade."
        errors={errors?.notes}
        textareaProps={{ rows: 4, defaultValue: kept(values, "notes") }}
      />
      <Field
        label="Följ upp senast (valfritt)"
        name="followUpDate"
        errors={errors?.followUpDate}
        inputProps={{ type: "date", min: today, defaultValue: kept(values, "followUpDate") }}
      />
      <SelectField
        label="Gäller deltagare (valfritt)"
        name="participantId"
        placeholder="Ingen särskild deltagare"
        hint="Välj om kontakten gällde en av dina deltagare. Den räknas då som deltagarens arbetsgivarkontakt."
        options={participants.map((p) => ({ value: p.id, label: p.pseudonym }))}
        errors={errors?.participantId}
        selectProps={{ defaultValue: kept(values, "participantId", defaultParticipantId) ?? "" }}
      />
      <button type="submit" className="button" aria-disabled={busy || undefined}>
        Spara kontakten
      </button>
    </Form>
  );
}
