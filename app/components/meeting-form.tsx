// The meeting form (book or move a follow-up or three-party meeting): kind, date and time (Swedish
// time), length, where (place, phone or video link), agenda, and who gets the invitation.
import { Form } from "@remix-run/react";
import { meetingKinds, SUPPORT_LIMITS } from "~/domain/support.ts";
import { ChoiceGroup, kept, keptList, SelectField, TextareaField } from "./form-controls.tsx";
import { ErrorSummary, Field } from "./forms.tsx";

export type MeetingFormDefaults = {
  kind: string;
  date: string;
  time: string;
  durationMin: string;
  place: string;
  videoLink: string;
  phone: string;
  agenda: string;
  invite: string[];
};

const durations = [15, 30, 45, 60, 90, 120].map((m) => ({ value: String(m), label: `${m} minuter` }));

export function MeetingForm({
  defaults,
  inviteOptions,
  errors,
  values,
  busy,
  submitLabel,
  intent,
}: {
  defaults: MeetingFormDefaults;
  inviteOptions: ReadonlyArray<{ value: string; label: string }>;
  errors?: Record<string, string[] | undefined>;
  values?: Record<string, string | string[]>;
  busy: boolean;
  submitLabel: string;
  intent?: string;
}) {
  const v = (name: keyof MeetingFormDefaults) => kept(values, name, defaults[name] as string);
  return (
    <Form method="post" className="form" noValidate>
      {intent ? <input type="hidden" name="intent" value={intent} /> : null}
      <ErrorSummary
        message={errors && Object.keys(errors).length > 0 ? "Mötet är inte bokat. Rätta det som är markerat." : null}
      />
      <ChoiceGroup
        type="radio"
        legend="Vilket slags möte?"
        name="kind"
        options={meetingKinds.options}
        defaultValue={v("kind")}
        errors={errors?.kind}
      />
      <div className="inline-fields">
        <Field
          label="Datum"
          name="date"
          errors={errors?.date}
          inputProps={{ type: "date", defaultValue: v("date"), required: true }}
        />
        <Field
          label="Klockan"
          name="time"
          hint="Svensk tid, TT:MM"
          errors={errors?.time}
          inputProps={{ type: "time", defaultValue: v("time"), required: true }}
        />
        <SelectField
          label="Längd"
          name="durationMin"
          options={durations}
          errors={errors?.durationMin}
          selectProps={{ defaultValue: v("durationMin") }}
        />
      </div>
      <Field
        label="Plats"
        name="place"
        hint="Till exempel arbetsplatsens adress eller ett rum."
        errors={errors?.place}
        inputProps={{ defaultValue: v("place"), maxLength: SUPPORT_LIMITS.place }}
      />
      <Field
        label="Telefonnummer att ringa in på (valfritt)"
        name="phone"
        errors={errors?.phone}
        inputProps={{ type: "tel", defaultValue: v("phone"), maxLength: SUPPORT_LIMITS.phone }}
      />
      <Field
        label="Videolänk (valfritt)"
        name="videoLink"
        hint="Hela länken, som börjar med https://"
        errors={errors?.videoLink}
        inputProps={{ type: "url", defaultValue: v("videoLink"), maxLength: SUPPORT_LIMITS.videoLink }}
      />
      <TextareaField
        label="Dagordning"
        name="agenda"
        hint="Vad ni ska prata om. Skriv inga hälsouppgifter."
        errors={errors?.agenda}
        textareaProps={{ rows: 3, defaultValue: v("agenda"), maxLength: SUPPORT_LIMITS.agenda }}
      />
      {inviteOptions.length > 0 ? (
        <ChoiceGroup
          type="checkbox"
          legend="Skicka inbjudan till"
          name="invite"
          hint="De får ett mejl med en kalenderfil. Du får också en."
          options={inviteOptions}
          defaultValue={keptList(values, "invite", defaults.invite)}
          errors={errors?.invite}
        />
      ) : (
        <p className="muted">Ingen har en e-postadress att skicka inbjudan till.</p>
      )}
      <button type="submit" className="button" aria-disabled={busy || undefined}>
        {busy ? "Bokar …" : submitLabel}
      </button>
    </Form>
  );
}
