// "För arbetsgivare": what Brygga offers employers, and the registration form. On submit the contact
// confirms their email; a company already in Brygga is not created twice (its contact coach is told).
// Spam: a honeypot field and a limit per client address; a failed submit stores nothing.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { kept, SelectField, TextareaField } from "~/components/form-controls.tsx";
import { ErrorSummary, Field } from "~/components/forms.tsx";
import { municipalityGroups } from "~/components/workplace-form.tsx";
import { workplaceShape } from "~/domain/employers.ts";
import { formValues, type FieldErrors } from "~/domain/forms.ts";
import { HONEYPOT_FIELD, isHoneypotFilled, parseRegistration } from "~/domain/onboarding.ts";
import { sectors } from "~/domain/vocab/openings.ts";
import { municipalityOptions } from "~/utils/employers.server.ts";
import { clientIp } from "~/utils/rate-limit.server.ts";
import { submitRegistration } from "~/utils/registrations.server.ts";

export const meta: MetaFunction = () => [
  { title: "För arbetsgivare – Brygga" },
  {
    name: "description",
    content: "Riktiga arbetsuppgifter, en namngiven kontaktperson och stöd före, under och efter en anställning.",
  },
];

export async function loader(_args: LoaderFunctionArgs) {
  return { municipalities: await municipalityOptions() };
}

type Done =
  | { done: "confirm"; email: string; municipalityName: string; served: boolean }
  | { done: "exists"; companyName: string };

export async function action({ request, context }: ActionFunctionArgs) {
  const values = formValues(await request.formData());
  const failed = (errors: FieldErrors, message: string, status = 400) =>
    data({ done: null, errors, values, message }, { status });
  // A bot filled the hidden field: answer as if it worked, store and send nothing.
  if (isHoneypotFilled(values))
    return { done: "confirm", email: kept(values, "contactEmail") ?? "", municipalityName: "", served: true } as Done;
  const form = parseRegistration(values);
  const municipality = workplaceShape.municipalityCode.safeParse(values.municipalityCode);
  if (!form.ok || !municipality.success) {
    const errors = { ...(form.ok ? {} : form.errors) };
    if (!municipality.success) errors.municipalityCode = ["Välj en kommun i listan."];
    return failed(errors, "Anmälan skickades inte. Rätta det som är markerat.");
  }
  const result = await submitRegistration({ ...form.data, municipalityCode: municipality.data }, clientIp(context));
  if (!result.ok) {
    if ("limited" in result)
      return failed({}, "Det har kommit många anmälningar från din uppkoppling. Försök igen om en timme.", 429);
    return failed(result.errors, "Anmälan skickades inte. Rätta det som är markerat.");
  }
  return result.kind === "exists"
    ? ({ done: "exists", companyName: result.companyName } as Done)
    : ({ done: "confirm", email: result.email, municipalityName: result.municipalityName, served: result.served } as Done);
}

function Offer() {
  return (
    <section aria-labelledby="offer-title">
      <h2 id="offer-title">Det här får ni</h2>
      <ul className="card-list">
        <li className="panel">
          <h3>Riktiga arbetsuppgifter</h3>
          <p>Beskriv något som behöver göras hos er. Vi hittar en person som vill och kan göra det.</p>
        </li>
        <li className="panel">
          <h3>En kontaktperson som alltid svarar</h3>
          <p>Ni får en namngiven coach som ni kan ringa eller skriva till när som helst.</p>
        </li>
        <li className="panel">
          <h3>Stöd före, under och efter</h3>
          <p>Coachen hjälper till med introduktionen och finns kvar efter en anställning, så länge det behövs.</p>
        </li>
        <li className="panel">
          <h3>Hjälp med lönestöd</h3>
          <p>Vi hjälper er att ta reda på vilket stöd som finns, till exempel lönestöd eller nystartsjobb.</p>
        </li>
      </ul>
    </section>
  );
}

export default function ForEmployers() {
  const { municipalities } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  if (result?.done === "confirm") {
    return (
      <section className="panel" aria-labelledby="done-title">
        <h1 id="done-title">Kolla din e-post</h1>
        <p className="lead">
          Vi har skickat ett mejl till {result.email}. Klicka på länken i mejlet för att bekräfta anmälan och logga in.
        </p>
        {result.served ? (
          <p>När du har bekräftat ser coacherna i {result.municipalityName || "er kommun"} er anmälan.</p>
        ) : (
          <p>
            Ännu arbetar ingen organisation i Brygga i {result.municipalityName} kommun. Vi sparar er anmälan och hör av
            oss när någon gör det. Tack för att ni vill vara med!
          </p>
        )}
      </section>
    );
  }
  if (result?.done === "exists") {
    return (
      <section className="panel" aria-labelledby="done-title">
        <h1 id="done-title">{result.companyName} finns redan i Brygga</h1>
        <p className="lead">
          Ert företag är redan anslutet. Vi har sagt till er kontaktperson, som hör av sig till dig.
        </p>
        <p>
          Har du redan ett konto? <Link to="/logga-in">Logga in</Link>.
        </p>
      </section>
    );
  }
  const errors: FieldErrors = result?.errors ?? {};
  const values = result?.values;
  return (
    <>
      <h1>För arbetsgivare</h1>
      <p className="lead">
        Brygga hjälper er att hitta rätt person till arbetsuppgifter som behöver göras – med stöd av en jobbcoach hela
        vägen. Det kostar ingenting.
      </p>
      <Offer />
      <section className="panel" aria-labelledby="register-title">
        <h2 id="register-title">Anmäl ert företag</h2>
        <p>Alla fält behöver fyllas i. Efteråt får du ett mejl för att bekräfta din e-postadress.</p>
        <ErrorSummary message={result?.message} />
        <Form method="post" className="form" noValidate>
          <fieldset>
            <legend>Företaget</legend>
            <Field
              label="Företagets namn"
              name="companyName"
              errors={errors.companyName}
              inputProps={{ defaultValue: kept(values, "companyName"), autoComplete: "organization" }}
            />
            <Field
              label="Organisationsnummer"
              name="orgNumber"
              hint="Tio siffror, till exempel 556036-0793."
              errors={errors.orgNumber}
              inputProps={{ defaultValue: kept(values, "orgNumber"), inputMode: "numeric" }}
            />
            <SelectField
              label="Sektor"
              name="sector"
              placeholder="Välj sektor"
              options={sectors.options}
              errors={errors.sector}
              selectProps={{ defaultValue: kept(values, "sector") }}
            />
            <Field
              label="Arbetsplatsens gatuadress"
              name="street"
              errors={errors.street}
              inputProps={{ defaultValue: kept(values, "street"), autoComplete: "street-address" }}
            />
            <Field
              label="Postnummer"
              name="postalCode"
              hint="Kommunen tas fram från postnumret."
              errors={errors.postalCode}
              inputProps={{ defaultValue: kept(values, "postalCode"), inputMode: "numeric", autoComplete: "postal-code" }}
            />
            <SelectField
              label="Kommun (bara om vi inte hittar postnumret)"
              name="municipalityCode"
              placeholder="Tas från postnumret"
              groups={municipalityGroups(municipalities)}
              errors={errors.municipalityCode}
              selectProps={{ defaultValue: kept(values, "municipalityCode") }}
            />
          </fieldset>
          <fieldset>
            <legend>Kontaktperson</legend>
            <Field
              label="Ditt namn"
              name="contactName"
              errors={errors.contactName}
              inputProps={{ defaultValue: kept(values, "contactName"), autoComplete: "name" }}
            />
            <Field
              label="E-postadress"
              name="contactEmail"
              errors={errors.contactEmail}
              inputProps={{ type: "email", defaultValue: kept(values, "contactEmail"), autoComplete: "email" }}
            />
            <Field
              label="Telefon"
              name="contactPhone"
              errors={errors.contactPhone}
              inputProps={{ type: "tel", defaultValue: kept(values, "contactPhone"), autoComplete: "tel" }}
            />
          </fieldset>
          <TextareaField
            label="Vad skulle ni kunna erbjuda?"
            name="offer"
            hint="Till exempel arbetsuppgifter, praktik eller ett jobb. Några meningar räcker."
            errors={errors.offer}
            textareaProps={{ defaultValue: kept(values, "offer"), rows: 4 }}
          />
          <div className="visually-hidden" aria-hidden="true">
            <label htmlFor="hp-field">Lämna det här fältet tomt</label>
            <input id="hp-field" type="text" name={HONEYPOT_FIELD} tabIndex={-1} autoComplete="off" defaultValue="" />
          </div>
          <button type="submit" className="button" aria-disabled={busy || undefined}>
            Skicka anmälan
          </button>
        </Form>
      </section>
    </>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
