// The opening form (new, edit): every field labelled, errors next to their fields, short help on why
// the environment and accommodation choices matter for a good match, and sections that follow the
// kind of opening. Without JavaScript every section is shown (the server ignores what does not apply).
import { Form, Link } from "@remix-run/react";
import { useEffect, useState } from "react";
import {
  HOURS,
  LIMITS,
  PERIOD_MAX_WEEKS,
  PLACES_MAX,
  PRACTICE_TYPICAL_WEEKS,
  environmentDimensionCodes,
  hasPeriod,
} from "~/domain/openings.ts";
import { accommodationHelp, accommodations } from "~/domain/vocab/accommodations.ts";
import { environmentDimensionLabels, environmentDimensions, instructionStyles } from "~/domain/vocab/environment.ts";
import { employmentSupports, leadsToEmployment, openingKinds } from "~/domain/vocab/openings.ts";
import { scheduleTimes } from "~/domain/vocab/schedule.ts";
import type { FieldErrors } from "~/domain/forms.ts";
import { Combobox, SuggestionChoices, type ComboboxOption } from "./combobox.tsx";
import { CheckboxField, ChoiceGroup, kept, keptList, SelectField, TextareaField } from "./form-controls.tsx";
import { Field } from "./forms.tsx";

export const kindDescriptions: Record<string, string> = {
  task: "En avgränsad arbetsuppgift som behöver göras, till exempel att packa inför en kampanj.",
  practice: "Praktik för att prova yrket eller träna arbetsuppgifter, med ett syfte och ett slutdatum.",
  work_trial: "Arbetsträning eller arbetsprövning i er verksamhet.",
  job: "En anställning, med eller utan stöd som lönestöd eller nystartsjobb.",
  visit: "Ett kort studiebesök eller en prova-på-dag för att se hur arbetet går till.",
};

export const environmentHelp =
  "Beskriv arbetsplatsen som den är en vanlig dag. Många klarar jobbet bra men behöver till exempel ett lugnt tempo eller " +
  "skriftliga instruktioner. Matchningen använder svaren för att föreslå personer som trivs hos er – och för att inte " +
  "föreslå någon som platsen inte passar. Lämna ett val tomt om du inte vet.";

function useHydrated() {
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  return hydrated;
}

export type OpeningFormProps = {
  values: Record<string, string | string[]>;
  errors?: FieldErrors;
  workplaces: ReadonlyArray<{ id: string; label: string }>;
  workplacesPath: string;
  selected: { occupation: ComboboxOption | null; skills: ComboboxOption[] };
  occupationSuggestions?: ComboboxOption[];
  skillSuggestions?: ComboboxOption[];
  submitting: boolean;
  /** Buttons: a draft can be saved or published; a published opening is saved (and stays published). */
  mode: "new" | "draft" | "published";
  cancelTo: string;
};

export function OpeningForm({
  values,
  errors = {},
  workplaces,
  workplacesPath,
  selected,
  occupationSuggestions = [],
  skillSuggestions = [],
  submitting,
  mode,
  cancelTo,
}: OpeningFormProps) {
  const hydrated = useHydrated();
  const [kind, setKind] = useState(kept(values, "kind", "practice") ?? "practice");
  const showFor = (condition: boolean) => !hydrated || condition;
  const errorCount = Object.keys(errors).length;
  const e = (name: string) => errors[name];

  return (
    <Form method="post" className="form form--wide" noValidate>
      {errorCount > 0 ? (
        <div className="alert alert--error" role="alert">
          <p>
            <strong>Annonsen är inte sparad.</strong> Rätta{" "}
            {errorCount === 1 ? "det markerade fältet" : `de ${errorCount} markerade fälten`} och försök igen.
          </p>
        </div>
      ) : null}

      <section className="form-section" aria-labelledby="section-what">
        <h2 id="section-what">Vad gäller det?</h2>
        <ChoiceGroup
          type="radio"
          legend="Typ av annons"
          name="kind"
          options={openingKinds.options.map((o) => ({ ...o, description: kindDescriptions[o.value] }))}
          defaultValue={kind}
          errors={e("kind")}
          onChange={(value, checked) => checked && setKind(value)}
        />
        <Field
          label="Rubrik"
          name="title"
          hint="Kort och konkret, till exempel ”Packa webborder på förmiddagar”."
          errors={e("title")}
          inputProps={{ defaultValue: kept(values, "title"), maxLength: LIMITS.title + 20, required: true }}
        />
        {workplaces.length > 0 ? (
          <SelectField
            label="Arbetsplats"
            name="workplaceId"
            placeholder="Välj arbetsplats"
            options={workplaces.map((w) => ({ value: w.id, label: w.label }))}
            errors={e("workplaceId")}
            hint={
              <>
                Saknas arbetsplatsen? <Link to={`${workplacesPath}/ny`}>Lägg till en arbetsplats</Link>.
              </>
            }
            selectProps={{
              defaultValue: kept(values, "workplaceId", workplaces.length === 1 ? workplaces[0]!.id : ""),
              required: true,
            }}
          />
        ) : (
          <div className="alert alert--warning">
            <p>
              Lägg till en arbetsplats först, så att deltagarna vet var arbetet finns.{" "}
              <Link to={`${workplacesPath}/ny`}>Lägg till arbetsplats</Link>
            </p>
          </div>
        )}
      </section>

      <section className="form-section" aria-labelledby="section-work">
        <h2 id="section-work">Yrke och arbetsuppgifter</h2>
        <Combobox
          source={{ remote: "occupation" }}
          label="Yrke"
          selectedLabel="Valt yrke"
          name="occupationId"
          queryName="occupationQuery"
          hint="Börja skriva, till exempel ”lager” eller ”städ”, och välj i listan med pil ned och Enter."
          errors={e("occupationId")}
          defaultSelected={selected.occupation ? [selected.occupation] : []}
          defaultQuery={values.occupationQuery !== undefined ? kept(values, "occupationQuery") : undefined}
        />
        <SuggestionChoices
          type="radio"
          name="occupationChoice"
          legend="Menade du något av de här yrkena?"
          options={occupationSuggestions}
        />
        <TextareaField
          label="Beskrivning"
          name="description"
          hint="Vad är det för arbetsplats, och hur ser en vanlig dag ut?"
          errors={e("description")}
          textareaProps={{ defaultValue: kept(values, "description"), rows: 5, required: true }}
        />
        <TextareaField
          label="Arbetsuppgifter"
          name="tasks"
          hint={`Konkreta uppgifter, en per rad (högst ${LIMITS.tasks}). Till exempel ”Plocka varor efter plocklista”.`}
          errors={e("tasks")}
          textareaProps={{ defaultValue: kept(values, "tasks"), rows: 5, required: true }}
        />
        <Combobox
          source={{ remote: "skill" }}
          label="Kompetenser (valfritt)"
          selectedLabel="Valda: Kompetenser (valfritt)"
          name="skillIds"
          queryName="skillQuery"
          multiple
          max={LIMITS.skills}
          hint="Det som är bra att kunna. Skriv och välj en i taget."
          errors={e("skillIds")}
          defaultSelected={selected.skills}
          defaultQuery={kept(values, "skillQuery")}
        />
        <SuggestionChoices
          type="checkbox"
          name="skillChoice"
          legend="Menade du någon av de här kompetenserna?"
          options={skillSuggestions}
        />
      </section>

      <section className="form-section" aria-labelledby="section-time">
        <h2 id="section-time">Tider</h2>
        <fieldset className="field">
          <legend>Timmar per vecka</legend>
          <span className="hint">
            Från {HOURS.min} till {HOURS.max} timmar. Ett spann gör det lättare för fler att börja, till exempel 10–20.
          </span>
          <div className="inline-fields">
            <Field
              label="Minst"
              name="hoursMin"
              errors={e("hoursMin")}
              inputProps={{
                type: "number",
                inputMode: "numeric",
                min: HOURS.min,
                max: HOURS.max,
                defaultValue: kept(values, "hoursMin"),
                required: true,
              }}
            />
            <Field
              label="Högst"
              name="hoursMax"
              errors={e("hoursMax")}
              inputProps={{
                type: "number",
                inputMode: "numeric",
                min: HOURS.min,
                max: HOURS.max,
                defaultValue: kept(values, "hoursMax"),
                required: true,
              }}
            />
          </div>
        </fieldset>
        <ChoiceGroup
          type="checkbox"
          legend="När på dygnet eller veckan?"
          name="scheduleTimes"
          options={scheduleTimes.options}
          defaultValue={keptList(values, "scheduleTimes")}
          errors={e("scheduleTimes")}
          columns
        />
        <ChoiceGroup
          type="radio"
          legend="Starttid"
          name="startFlexible"
          options={[
            { value: "fixed", label: "Fast starttid" },
            {
              value: "flexible",
              label: "Flexibel starttid",
              description: "Det går att börja lite senare en dag som är tung.",
            },
          ]}
          defaultValue={kept(values, "startFlexible", "fixed")}
          errors={e("startFlexible")}
        />
      </section>

      <section className="form-section" aria-labelledby="section-environment">
        <h2 id="section-environment">Arbetsmiljö</h2>
        <p className="hint" id="environment-help">
          {environmentHelp}
        </p>
        <div className="environment-grid">
          {environmentDimensionCodes.map((d) => (
            <SelectField
              key={d}
              label={environmentDimensionLabels[d]}
              name={d}
              placeholder="Vet inte / varierar"
              options={environmentDimensions[d].options}
              errors={e(d)}
              describedBy="environment-help"
              selectProps={{ defaultValue: kept(values, d) }}
            />
          ))}
        </div>
        <ChoiceGroup
          type="checkbox"
          legend="Hur ges instruktioner?"
          name="instructions"
          hint="Välj alla som stämmer. Skriftliga instruktioner är ett vanligt behov."
          options={instructionStyles.options}
          defaultValue={keptList(values, "instructions")}
          errors={e("instructions")}
          columns
        />
      </section>

      <section className="form-section" aria-labelledby="section-accommodations">
        <h2 id="section-accommodations">Anpassningar ni kan erbjuda</h2>
        <ChoiceGroup
          type="checkbox"
          legend="Anpassningar"
          name="accommodations"
          hint={accommodationHelp}
          options={accommodations.options}
          defaultValue={keptList(values, "accommodations")}
          errors={e("accommodations")}
          columns
        />
      </section>

      <section className="form-section" aria-labelledby="section-supervisor">
        <h2 id="section-supervisor">Handledare och vägen till jobb</h2>
        <Field
          label="Handledare (valfritt)"
          name="supervisorName"
          hint="Personen på plats som deltagaren kan fråga. En namngiven handledare gör det tryggare att börja."
          errors={e("supervisorName")}
          inputProps={{ defaultValue: kept(values, "supervisorName"), autoComplete: "off" }}
        />
        <CheckboxField
          label="Samma handledare hela tiden"
          name="supervisorFixed"
          hint="En fast person att vända sig till är en av de vanligaste anpassningarna."
          defaultChecked={Boolean(kept(values, "supervisorFixed"))}
          errors={e("supervisorFixed")}
        />
        {showFor(kind !== "job") ? (
          <ChoiceGroup
            type="radio"
            legend="Kan det leda till en anställning?"
            name="leadsToEmployment"
            hint={
              kind === "job" && hydrated
                ? undefined
                : "Gäller inte anställningar. Matchningen föredrar vägar till riktigt, betalt arbete."
            }
            options={leadsToEmployment.options}
            defaultValue={kept(values, "leadsToEmployment", "maybe")}
            errors={e("leadsToEmployment")}
          />
        ) : null}
        {showFor(kind === "job") ? (
          <SelectField
            label="Anställningsform"
            name="employmentSupport"
            hint={
              hydrated
                ? "Med stöd betyder att Arbetsförmedlingen eller kommunen betalar en del av lönen."
                : "Bara för anställning. Med stöd betyder att Arbetsförmedlingen eller kommunen betalar en del av lönen."
            }
            placeholder="Välj anställningsform"
            options={employmentSupports.options}
            errors={e("employmentSupport")}
            selectProps={{ defaultValue: kept(values, "employmentSupport") }}
          />
        ) : null}
      </section>

      <section className="form-section" aria-labelledby="section-period">
        <h2 id="section-period">Period och platser</h2>
        {showFor(hasPeriod(kind)) ? (
          <>
            <TextareaField
              label="Syfte"
              name="purpose"
              hint={`${hydrated ? "" : "Bara för praktik och arbetsträning. "}Vad ska deltagaren få prova eller träna på? Till exempel ”Prova lagerarbete och träna på att följa en plocklista”.`}
              errors={e("purpose")}
              textareaProps={{ defaultValue: kept(values, "purpose"), rows: 3, maxLength: LIMITS.purpose + 50 }}
            />
            <Field
              label="Längd i veckor"
              name="lengthWeeks"
              hint={`Vanligt är ${PRACTICE_TYPICAL_WEEKS.min}–${PRACTICE_TYPICAL_WEEKS.max} veckor, med möjlighet att förlänga. Högst ${PERIOD_MAX_WEEKS} veckor (sex månader).`}
              errors={e("lengthWeeks")}
              inputProps={{
                type: "number",
                inputMode: "numeric",
                min: 1,
                max: PERIOD_MAX_WEEKS,
                defaultValue: kept(values, "lengthWeeks"),
              }}
            />
          </>
        ) : null}
        <Field
          label="Antal platser"
          name="places"
          errors={e("places")}
          inputProps={{
            type: "number",
            inputMode: "numeric",
            min: 1,
            max: PLACES_MAX,
            defaultValue: kept(values, "places", "1"),
            required: true,
          }}
        />
        <div className="inline-fields">
          <Field
            label="Startdatum (valfritt)"
            name="startDate"
            hint="Tomt betyder enligt överenskommelse."
            errors={e("startDate")}
            inputProps={{ type: "date", defaultValue: kept(values, "startDate") }}
          />
          <Field
            label="Slutdatum (valfritt)"
            name="endDate"
            hint={hasPeriod(kind) ? "Räknas ut från längden om du lämnar det tomt." : "Måste vara efter startdatum."}
            errors={e("endDate")}
            inputProps={{ type: "date", defaultValue: kept(values, "endDate") }}
          />
        </div>
      </section>

      <div className="button-row">
        {mode === "published" ? (
          <button type="submit" name="intent" value="save" className="button" aria-disabled={submitting || undefined}>
            {submitting ? "Sparar …" : "Spara ändringarna"}
          </button>
        ) : (
          <>
            <button
              type="submit"
              name="intent"
              value="publish"
              className="button"
              aria-disabled={submitting || undefined}
            >
              {submitting ? "Sparar …" : "Spara och publicera"}
            </button>
            <button
              type="submit"
              name="intent"
              value="save"
              className="button button--secondary"
              aria-disabled={submitting || undefined}
            >
              Spara som utkast
            </button>
          </>
        )}
        <Link to={cancelTo} className="button button--quiet">
          Avbryt
        </Link>
      </div>
    </Form>
  );
}
