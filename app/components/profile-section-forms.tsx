// The forms of the profile editor, one per section (see app/domain/profile-forms.ts for the
// schemas they post to).
import { Form, Link } from "@remix-run/react";
import type { ReactNode } from "react";
import {
  disclosureItems,
  environmentDimensionCodes,
  experienceFactors,
  factorVerdicts,
  PROFILE_LIMITS,
  type ProfileData,
} from "~/domain/profile.ts";
import { accommodations } from "~/domain/vocab/accommodations.ts";
import { drivingLicences } from "~/domain/vocab/driving-licences.ts";
import { environmentDimensionLabels, environmentDimensions, instructionStyles } from "~/domain/vocab/environment.ts";
import { scheduleTimes, travelModes } from "~/domain/vocab/schedule.ts";
import type { FieldErrors } from "~/domain/forms.ts";
import { ChoiceGroup, kept, keptList, SelectField, TextareaField } from "./form-controls.tsx";
import { Field } from "./forms.tsx";
import type { ProfileViewLabels } from "./profile-view.tsx";
import { Combobox, type ComboboxOption } from "./combobox.tsx";

type SectionData = {
  id: string;
  section: { slug: string; title: string };
  profile: ProfileData;
  labels: ProfileViewLabels;
  groups: ComboboxOption[];
  languages: ComboboxOption[];
  editEntry: string | null;
};

type Props = { data: SectionData; errors?: FieldErrors; values?: Record<string, string | string[]>; busy: boolean };

/** After a failed submit, the picker shows what was posted (labels from the options we know). */
function keptItems(
  values: Props["values"],
  name: string,
  initial: ComboboxOption[],
  known: ComboboxOption[],
): ComboboxOption[] {
  if (!values) return initial;
  const byId = new Map([...known, ...initial].map((i) => [i.id, i]));
  return keptList(values, name).map((id) => byId.get(id) ?? { id, label: id });
}

function Save({ busy, label = "Spara" }: { busy: boolean; label?: string }) {
  return (
    <button type="submit" className="button" aria-disabled={busy || undefined}>
      {label}
    </button>
  );
}

function SectionShell({ children }: { children: ReactNode }) {
  return (
    <Form method="post" className="form form--wide" noValidate>
      {children}
    </Form>
  );
}

export function SectionForm(props: Props) {
  switch (props.data.section.slug) {
    case "intressen":
      return <InterestsForm {...props} />;
    case "styrkor":
      return <StrengthsForm {...props} />;
    case "erfarenhet":
      return <ExperienceSection {...props} />;
    case "bakgrund":
      return <BackgroundForm {...props} />;
    case "onskemal":
      return <PreferencesForm {...props} />;
    case "arbetsmiljo":
      return <EnvironmentForm {...props} />;
    case "anpassningar":
      return <NeedsForm {...props} />;
    case "aldrig":
      return <ExclusionsForm {...props} />;
    case "synlighet":
      return <DisclosureForm {...props} />;
    default:
      return null;
  }
}

function InterestsForm({ data, errors, values, busy }: Props) {
  return (
    <SectionShell>
      <Combobox
        name="occupationIds"
        label="Yrken"
        hint="Sök bland Arbetsförmedlingens yrkesbenämningar, till exempel lagerarbetare eller kock."
        multiple
        defaultSelected={keptItems(values, "occupationIds", data.labels.interestOccupations, [])}
        source={{ remote: "occupation" }}
        errors={errors?.occupationIds}
        selectedLabel="Valda yrken"
      />
      <Combobox
        name="groupCodes"
        label="Yrkesområden och yrkesgrupper"
        hint="Bredare intressen, till exempel Städare och Restaurang- och köksbiträden."
        multiple
        defaultSelected={keptItems(values, "groupCodes", data.labels.interestGroups, data.groups)}
        source={{ options: data.groups }}
        errors={errors?.groupCodes}
        selectedLabel="Valda yrkesområden"
      />
      <Save busy={busy} label="Spara intressen" />
    </SectionShell>
  );
}

function StrengthsForm({ data, errors, values, busy }: Props) {
  return (
    <SectionShell>
      <TextareaField
        label="Styrkor"
        name="strengths"
        hint={`En styrka per rad, med deltagarens egna ord. Högst ${PROFILE_LIMITS.maxStrengths}.`}
        errors={errors?.strengths}
        textareaProps={{ rows: 6, defaultValue: kept(values, "strengths", data.profile.strengths.join("\n")) }}
      />
      <Combobox
        name="skillIds"
        label="Kompetenser"
        hint="Sök bland Arbetsförmedlingens kompetenser, till exempel truckkort eller kassahantering."
        multiple
        defaultSelected={keptItems(values, "skillIds", data.labels.skills, [])}
        source={{ remote: "skill" }}
        errors={errors?.skillIds}
        selectedLabel="Valda kompetenser"
      />
      <Save busy={busy} label="Spara styrkor" />
    </SectionShell>
  );
}

function ExperienceSection({ data, errors, values, busy }: Props) {
  const editing =
    data.profile.experience.find((e) => e.id === (values ? kept(values, "entryId") : data.editEntry)) ?? null;
  const v = (name: string, fallback?: string | number | null) =>
    kept(values, name, fallback == null ? undefined : String(fallback));
  const occupation: ComboboxOption[] = editing?.occupationId
    ? [{ id: editing.occupationId, label: data.labels.occupationLabel[editing.occupationId] ?? editing.occupationId }]
    : [];
  return (
    <>
      <section aria-labelledby="entries-title">
        <h2 id="entries-title">Erfarenheter</h2>
        {data.profile.experience.length === 0 ? <p>Inga erfarenheter ännu.</p> : null}
        <ul className="entry-list">
          {data.profile.experience.map((e) => (
            <li key={e.id} className="entry">
              <span>
                <strong>{e.what}</strong>
                {e.where ? ` – ${e.where}` : ""}
                {e.when ? ` (${e.when})` : ""}
              </span>
              <span className="entry__actions">
                <Link to={`?post=${e.id}`} className="button button--secondary">
                  Ändra <span className="visually-hidden">{e.what}</span>
                </Link>
                <Form method="post">
                  <input type="hidden" name="intent" value="delete" />
                  <input type="hidden" name="entryId" value={e.id} />
                  <button type="submit" className="button button--quiet">
                    Ta bort <span className="visually-hidden">{e.what}</span>
                  </button>
                </Form>
              </span>
            </li>
          ))}
        </ul>
      </section>
      <Form method="post" className="form form--wide" noValidate key={editing?.id ?? "new"}>
        <h2>{editing ? `Ändra: ${editing.what}` : "Lägg till erfarenhet"}</h2>
        <input type="hidden" name="intent" value="save" />
        {editing ? <input type="hidden" name="entryId" value={editing.id} /> : null}
        <Field
          label="Vad gjorde deltagaren?"
          name="what"
          hint="Till exempel Praktik i butik eller Extrajobb på lager."
          errors={errors?.what}
          inputProps={{ defaultValue: v("what", editing?.what) }}
        />
        <Field
          label="Var? (valfritt)"
          name="where"
          errors={errors?.where}
          inputProps={{ defaultValue: v("where", editing?.where) }}
        />
        <Field
          label="När? (valfritt)"
          name="when"
          hint="Till exempel 2021 eller våren 2023."
          errors={errors?.when}
          inputProps={{ defaultValue: v("when", editing?.when) }}
        />
        <Combobox
          name="occupationId"
          label="Yrke (valfritt)"
          defaultSelected={keptItems(values, "occupationId", occupation, [])}
          source={{ remote: "occupation" }}
          errors={errors?.occupationId}
          selectedLabel="Valt yrke"
        />
        <Field
          label="Timmar per vecka (valfritt)"
          name="hoursPerWeek"
          errors={errors?.hoursPerWeek}
          inputProps={{ inputMode: "numeric", defaultValue: v("hoursPerWeek", editing?.hoursPerWeek) }}
        />
        <Field
          label="Antal kollegor (valfritt)"
          name="colleagues"
          errors={errors?.colleagues}
          inputProps={{ inputMode: "numeric", defaultValue: v("colleagues", editing?.colleagues) }}
        />
        <ChoiceGroup
          type="checkbox"
          legend="Hur gavs instruktionerna?"
          name="instructions"
          options={instructionStyles.options}
          defaultValue={keptList(values, "instructions", editing?.instructions ?? [])}
          className="choices--inline"
        />
        <fieldset className="panel">
          <legend className="panel__legend">Vad fungerade, och vad fungerade inte?</legend>
          {experienceFactors.codes.map((f) => (
            <div key={f} className="factor">
              <ChoiceGroup
                type="radio"
                legend={experienceFactors.label(f)}
                name={`factor_${f}`}
                options={[...factorVerdicts.options, { value: "", label: "Vet inte" }]}
                errors={errors?.[`factor_${f}`]}
                defaultValue={kept(values, `factor_${f}`, editing?.factors[f]?.verdict ?? "")}
                className="choices--inline"
              />
              <Field
                label={`Kommentar om ${experienceFactors.label(f).toLowerCase()} (valfritt)`}
                name={`factor_${f}_note`}
                errors={errors?.[`factor_${f}_note`]}
                inputProps={{ defaultValue: v(`factor_${f}_note`, editing?.factors[f]?.note) }}
              />
            </div>
          ))}
        </fieldset>
        <TextareaField
          label="Annat som fungerade bra (valfritt)"
          name="worked"
          errors={errors?.worked}
          textareaProps={{ rows: 3, defaultValue: v("worked", editing?.worked) }}
        />
        <TextareaField
          label="Annat som inte fungerade (valfritt)"
          name="didNotWork"
          errors={errors?.didNotWork}
          textareaProps={{ rows: 3, defaultValue: v("didNotWork", editing?.didNotWork) }}
        />
        <Save busy={busy} label={editing ? "Spara ändringar" : "Lägg till erfarenheten"} />
        {editing ? (
          <p>
            <Link to=".">Avbryt och lägg till en ny i stället</Link>
          </p>
        ) : null}
      </Form>
    </>
  );
}

function BackgroundForm({ data, errors, values, busy }: Props) {
  return (
    <SectionShell>
      <TextareaField
        label="Utbildning"
        name="education"
        hint="Skola, kurser och certifikat. Skriv med deltagarens ord."
        errors={errors?.education}
        textareaProps={{ rows: 4, defaultValue: kept(values, "education", data.profile.education) }}
      />
      <ChoiceGroup
        type="checkbox"
        legend="Körkort"
        name="drivingLicences"
        options={drivingLicences.options}
        errors={errors?.drivingLicences}
        defaultValue={keptList(values, "drivingLicences", data.profile.drivingLicences)}
      />
      <Combobox
        name="languageIds"
        label="Språk"
        hint="Språk deltagaren kan använda på jobbet."
        multiple
        defaultSelected={keptItems(values, "languageIds", data.labels.languages, data.languages)}
        source={{ options: data.languages }}
        errors={errors?.languageIds}
        selectedLabel="Valda språk"
      />
      <Save busy={busy} label="Spara" />
    </SectionShell>
  );
}

function PreferencesForm({ data, errors, values, busy }: Props) {
  const p = data.profile.preferences;
  return (
    <SectionShell>
      <fieldset className="panel">
        <legend className="panel__legend">Timmar per vecka</legend>
        <Field
          label="Minst"
          name="hoursMin"
          hint={`Mellan ${PROFILE_LIMITS.hoursMin} och ${PROFILE_LIMITS.hoursMax}.`}
          errors={errors?.hoursMin}
          inputProps={{ inputMode: "numeric", defaultValue: kept(values, "hoursMin", p.hoursMin?.toString()) }}
        />
        <Field
          label="Högst"
          name="hoursMax"
          errors={errors?.hoursMax}
          inputProps={{ inputMode: "numeric", defaultValue: kept(values, "hoursMax", p.hoursMax?.toString()) }}
        />
      </fieldset>
      <ChoiceGroup
        type="checkbox"
        legend="När på dygnet och veckan kan deltagaren jobba?"
        name="schedule"
        options={scheduleTimes.options}
        errors={errors?.schedule}
        defaultValue={keptList(values, "schedule", p.schedule)}
        className="choices--inline"
      />
      <ChoiceGroup
        type="checkbox"
        legend="Starttid"
        name="startFlexible"
        options={[{ value: "yes", label: "Behöver kunna börja olika tider (flexibel start)" }]}
        defaultValue={keptList(values, "startFlexible", p.startFlexible ? ["yes"] : [])}
      />
      <Field
        label="Längsta resväg till jobbet (km)"
        name="maxCommuteKm"
        hint="Mellan 0 och 200 km, enkel väg."
        errors={errors?.maxCommuteKm}
        inputProps={{ inputMode: "numeric", defaultValue: kept(values, "maxCommuteKm", p.maxCommuteKm?.toString()) }}
      />
      <SelectField
        label="Färdsätt"
        name="travelMode"
        placeholder="Inte angivet"
        options={travelModes.options}
        errors={errors?.travelMode}
        selectProps={{ defaultValue: kept(values, "travelMode", p.travelMode) ?? "" }}
      />
      <Save busy={busy} label="Spara" />
    </SectionShell>
  );
}

function EnvironmentForm({ data, errors, values, busy }: Props) {
  const env = data.profile.environmentPrefs as Record<string, string | string[] | undefined>;
  return (
    <SectionShell>
      <p>Välj det som passar deltagaren bäst. Välj Ingen preferens om det inte spelar någon roll.</p>
      {environmentDimensionCodes.map((d) => (
        <ChoiceGroup
          type="radio"
          key={d}
          legend={environmentDimensionLabels[d]}
          name={d}
          options={[...environmentDimensions[d].options, { value: "", label: "Ingen preferens" }]}
          errors={errors?.[d]}
          defaultValue={kept(values, d, (env[d] as string | undefined) ?? "")}
          className="choices--inline"
        />
      ))}
      <ChoiceGroup
        type="checkbox"
        legend="Instruktioner som fungerar"
        name="instructions"
        options={instructionStyles.options}
        defaultValue={keptList(values, "instructions", (env.instructions as string[] | undefined) ?? [])}
        className="choices--inline"
      />
      <Save busy={busy} label="Spara" />
    </SectionShell>
  );
}

function NeedsForm({ data, errors, values, busy }: Props) {
  const current = new Map(data.profile.needs.map((n) => [n.code, n.must ? "must" : "nice"]));
  return (
    <SectionShell>
      <p>
        Funktionella behov, inte diagnoser. Måste finnas betyder att en arbetsplats utan anpassningen inte föreslås.
      </p>
      {accommodations.codes.map((code) => (
        <ChoiceGroup
          type="radio"
          key={code}
          legend={accommodations.label(code)}
          name={`need_${code}`}
          options={[
            { value: "", label: "Behövs inte" },
            { value: "nice", label: "Bra att ha" },
            { value: "must", label: "Måste finnas" },
          ]}
          errors={errors?.[`need_${code}`]}
          defaultValue={kept(values, `need_${code}`, current.get(code) ?? "")}
          className="choices--inline"
        />
      ))}
      <Save busy={busy} label="Spara anpassningar" />
    </SectionShell>
  );
}

function ExclusionsForm({ data, errors, values, busy }: Props) {
  const ex = data.profile.exclusions;
  return (
    <SectionShell>
      <p>Det deltagaren aldrig vill. Matchningen visar aldrig platser med något av detta.</p>
      <Combobox
        name="occupationIds"
        label="Yrken"
        multiple
        defaultSelected={keptItems(values, "occupationIds", data.labels.excludedOccupations, [])}
        source={{ remote: "occupation" }}
        errors={errors?.occupationIds}
        selectedLabel="Uteslutna yrken"
      />
      <Combobox
        name="groupCodes"
        label="Yrkesområden och yrkesgrupper"
        multiple
        defaultSelected={keptItems(values, "groupCodes", data.labels.excludedGroups, data.groups)}
        source={{ options: data.groups }}
        errors={errors?.groupCodes}
        selectedLabel="Uteslutna yrkesområden"
      />
      {environmentDimensionCodes.map((d) => (
        <ChoiceGroup
          type="checkbox"
          key={d}
          legend={`Aldrig: ${environmentDimensionLabels[d].toLowerCase()}`}
          name="environment"
          options={environmentDimensions[d].options.map((o) => ({ value: `${d}:${o.value}`, label: o.label }))}
          defaultValue={keptList(values, "environment", ex.environment)}
          className="choices--inline"
        />
      ))}
      {errors?.environment ? <p className="field-error">{errors.environment.join(" ")}</p> : null}
      <ChoiceGroup
        type="checkbox"
        legend="Aldrig jobba på de här tiderna"
        name="schedule"
        options={scheduleTimes.options}
        errors={errors?.schedule}
        defaultValue={keptList(values, "schedule", ex.schedule)}
        className="choices--inline"
      />
      <Save busy={busy} label="Spara" />
    </SectionShell>
  );
}

function DisclosureForm({ data, errors, values, busy }: Props) {
  return (
    <SectionShell>
      <p>Fråga deltagaren om varje del. Inget visas för en arbetsgivare utan deltagarens ja. Namn visas aldrig.</p>
      {disclosureItems.codes.map((item) => (
        <ChoiceGroup
          type="radio"
          key={item}
          legend={`${disclosureItems.label(item)} – får arbetsgivaren se?`}
          name={`disclose_${item}`}
          options={[
            { value: "yes", label: "Ja" },
            { value: "no", label: "Nej" },
          ]}
          errors={errors?.[`disclose_${item}`]}
          defaultValue={kept(values, `disclose_${item}`, data.profile.disclosure[item] === true ? "yes" : "no")}
          className="choices--inline"
        />
      ))}
      <Save busy={busy} label="Spara" />
    </SectionShell>
  );
}
