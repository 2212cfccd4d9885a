// The enrolment fields, shared by "Skriv in deltagare" and "Ändra uppgifter".
import { birthYearRange } from "~/domain/enrolment.ts";
import { incomeSources, occupationStatuses } from "~/domain/vocab/outcomes.ts";
import { genders, goals, referralSources } from "~/domain/vocab/participants.ts";
import type { FieldErrors } from "~/domain/forms.ts";
import { ChoiceGroup, kept, keptList, SelectField } from "./form-controls.tsx";
import { Field } from "./forms.tsx";

export type ParticipantDefaults = {
  pseudonym?: string;
  realName?: string | null;
  email?: string | null;
  phone?: string | null;
  gender?: string;
  birthYear?: number | null;
  municipalityCode?: string | null;
  postalCode?: string | null;
  referralSource?: string;
  goals?: string[];
  startOccupation?: string | null;
  startIncomeSources?: string[];
  coachId?: string | null;
  /** ÅÅÅÅ-MM-DD */
  enrolledAt?: string;
};

type Props = {
  defaults: ParticipantDefaults;
  values?: Record<string, string | string[]>;
  errors?: FieldErrors;
  municipalities: Array<{ code: string; name: string }>;
  coaches: Array<{ id: string; name: string }>;
  /** Today (ÅÅÅÅ-MM-DD, Swedish time): the latest enrolment date allowed. */
  today: string;
};

export function ParticipantFields({ defaults, values, errors, municipalities, coaches, today }: Props) {
  const years = birthYearRange();
  return (
    <>
      <fieldset className="panel">
        <legend className="panel__legend">Vem är deltagaren?</legend>
        <Field
          label="Namn eller initialer (visas i Brygga)"
          name="pseudonym"
          hint="Förnamn eller initialer räcker. Visas aldrig för arbetsgivare utan deltagarens ja."
          errors={errors?.pseudonym}
          inputProps={{
            defaultValue: kept(values, "pseudonym", defaults.pseudonym),
            required: true,
            autoComplete: "off",
          }}
        />
        <Field
          label="Fullständigt namn (valfritt)"
          name="realName"
          hint="Visas bara för coacher i din organisation, aldrig för arbetsgivare."
          errors={errors?.realName}
          inputProps={{ defaultValue: kept(values, "realName", defaults.realName), autoComplete: "off" }}
        />
        <ChoiceGroup
          type="radio"
          legend="Kön (för statistiken)"
          name="gender"
          options={genders.options}
          errors={errors?.gender}
          defaultValue={kept(values, "gender", defaults.gender)}
          className="choices--inline"
        />
        <Field
          label="Födelseår"
          name="birthYear"
          hint={`Fyra siffror, mellan ${years.min} och ${years.max}.`}
          errors={errors?.birthYear}
          inputProps={{
            defaultValue: kept(values, "birthYear", defaults.birthYear?.toString()),
            inputMode: "numeric",
            autoComplete: "off",
          }}
        />
      </fieldset>

      <fieldset className="panel">
        <legend className="panel__legend">Var bor deltagaren?</legend>
        <p className="hint">Fyll i postnummer eller välj kommun. Postnumret ger kommunen.</p>
        <Field
          label="Postnummer"
          name="postalCode"
          errors={errors?.postalCode}
          inputProps={{
            defaultValue: kept(values, "postalCode", defaults.postalCode),
            inputMode: "numeric",
            autoComplete: "off",
          }}
        />
        <SelectField
          label="Kommun"
          name="municipalityCode"
          placeholder="Välj kommun (om du inte fyllt i postnummer)"
          options={municipalities.map((m) => ({ value: m.code, label: m.name }))}
          errors={errors?.municipalityCode}
          selectProps={{
            defaultValue: kept(values, "municipalityCode", defaults.postalCode ? "" : defaults.municipalityCode) ?? "",
          }}
        />
      </fieldset>

      <fieldset className="panel">
        <legend className="panel__legend">Kontaktuppgifter (valfria)</legend>
        <Field
          label="E-post"
          name="email"
          hint="Med e-post kan deltagaren logga in med en länk. Utan e-post skapar du en inloggningskod."
          errors={errors?.email}
          inputProps={{ type: "email", defaultValue: kept(values, "email", defaults.email), autoComplete: "off" }}
        />
        <Field
          label="Telefon"
          name="phone"
          errors={errors?.phone}
          inputProps={{ type: "tel", defaultValue: kept(values, "phone", defaults.phone), autoComplete: "off" }}
        />
      </fieldset>

      <fieldset className="panel">
        <legend className="panel__legend">Inskrivning</legend>
        <SelectField
          label="Remitterad av"
          name="referralSource"
          placeholder="Välj"
          options={referralSources.options}
          errors={errors?.referralSource}
          selectProps={{ defaultValue: kept(values, "referralSource", defaults.referralSource) ?? "" }}
        />
        <ChoiceGroup
          type="checkbox"
          legend="Mål"
          name="goals"
          options={goals.options}
          errors={errors?.goals}
          defaultValue={keptList(values, "goals", defaults.goals)}
          className="choices--inline"
        />
        <SelectField
          label="Sysselsättning vid start"
          name="startOccupation"
          placeholder="Välj"
          options={occupationStatuses.options}
          errors={errors?.startOccupation}
          selectProps={{ defaultValue: kept(values, "startOccupation", defaults.startOccupation) ?? "" }}
        />
        <ChoiceGroup
          type="checkbox"
          legend="Försörjning vid start"
          name="startIncomeSources"
          hint="Flera kan gälla."
          options={incomeSources.options}
          errors={errors?.startIncomeSources}
          defaultValue={keptList(values, "startIncomeSources", defaults.startIncomeSources)}
        />
        <Field
          label="Inskrivningsdatum"
          name="enrolledAt"
          hint="Dagens datum om deltagaren skrivs in nu. Ett tidigare datum sparas som tillbakadaterat."
          errors={errors?.enrolledAt}
          inputProps={{
            type: "date",
            defaultValue: kept(values, "enrolledAt", defaults.enrolledAt ?? today),
            max: today,
          }}
        />
        <SelectField
          label="Ansvarig coach"
          name="coachId"
          options={coaches.map((c) => ({ value: c.id, label: c.name }))}
          errors={errors?.coachId}
          selectProps={{ defaultValue: kept(values, "coachId", defaults.coachId) ?? "" }}
        />
      </fieldset>
    </>
  );
}
