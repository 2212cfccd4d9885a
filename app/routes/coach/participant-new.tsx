// "Skriv in deltagare": enrolment with consent (docs/product-rules.md#enrolment). The participant, the consents, the
// first phase, the sign-in account (when there is an email) and the audit event are written in one
// transaction; a bad field changes nothing.
import { currentTime } from "~/utils/clock.server.ts";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { ChoiceGroup, kept } from "~/components/form-controls.tsx";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { ErrorSummary, Field } from "~/components/forms.tsx";
import { ParticipantFields } from "~/components/participant-fields.tsx";
import { consentSchema, enrolmentSchema } from "~/domain/enrolment.ts";
import { requireOrgStaff } from "~/utils/auth.server.ts";
import { db } from "~/utils/db.server.ts";
import { formValues, parseWith, type FieldErrors } from "~/domain/forms.ts";
import { assignableCoaches, checkEnrolment, enrolmentRefs, enrolParticipant } from "~/utils/participants.server.ts";
import { clientIp } from "~/utils/rate-limit.server.ts";
import { dayKey } from "~/domain/swedish-time.ts";
import { redirectWithNotice } from "~/utils/notice.server.ts";

export const meta: MetaFunction = () => [{ title: "Skriv in deltagare – Brygga" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireOrgStaff(request);
  const [municipalities, coaches] = await Promise.all([
    db.municipality.findMany({ orderBy: { name: "asc" }, select: { code: true, name: true } }),
    assignableCoaches(user.organizationId),
  ]);
  return { municipalities, coaches, currentUserId: user.id, today: dayKey(currentTime()) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireOrgStaff(request);
  const values = formValues(await request.formData());
  const enrolment = parseWith(enrolmentSchema(currentTime()), values, values);
  const consent = parseWith(consentSchema(currentTime()), values, values);
  const fail = (errors: FieldErrors, formError?: string) =>
    data({ errors, values, formError: formError ?? "Formuläret har fel. Rätta det som är markerat." }, { status: 400 });
  if (!enrolment.ok || !consent.ok) {
    const refs = await checkEnrolment(enrolmentRefs(values), { organizationId: user.organizationId });
    return fail({
      ...(refs.ok ? {} : refs.errors),
      ...(enrolment.ok ? {} : enrolment.errors),
      ...(consent.ok ? {} : consent.errors),
    });
  }
  const input = enrolment.data;
  const checked = await checkEnrolment(input, { organizationId: user.organizationId });
  if (!checked.ok) return fail(checked.errors);

  const participant = await enrolParticipant(user, input, checked.place, consent.data, {
    sendWelcome: values.sendWelcome === "yes",
    ip: clientIp(context),
  });
  throw await redirectWithNotice(
    `/coach/deltagare/${participant.id}`,
    `${input.pseudonym} är inskriven. Börja gärna med yrkesprofilen.`,
  );
}

export default function NewParticipant() {
  const { municipalities, coaches, currentUserId, today } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const errors = actionData?.errors;
  const values = actionData?.values;
  return (
    <>
      <p>
        <Link to="/coach/deltagare">← Till mina deltagare</Link>
      </p>
      <h1>Skriv in deltagare</h1>
      <p className="lead">Fyll i det som behövs för att börja. Yrkesprofilen gör ni tillsammans efteråt.</p>
      <ErrorSummary message={actionData?.formError} />
      <Form method="post" className="form form--wide" noValidate>
        <fieldset className="panel">
          <legend className="panel__legend">Samtycke</legend>
          <p>Deltagaren ska ha fått information om hur uppgifterna används och ha sagt ja innan du skriver in hen.</p>
          <ChoiceGroup
            type="checkbox"
            legend="Användning i Brygga"
            name="consentBrygga"
            options={[{ value: "yes", label: "Deltagaren samtycker till att uppgifterna används i Brygga" }]}
            errors={errors?.consentBrygga}
            defaultValue={kept(values, "consentBrygga") ? ["yes"] : []}
          />
          <Field
            label="Datum för samtycket"
            name="consentBryggaDate"
            errors={errors?.consentBryggaDate}
            inputProps={{ type: "date", defaultValue: kept(values, "consentBryggaDate", today), max: today }}
          />
          <ChoiceGroup
            type="radio"
            legend="Registrering för statistik till finansiären (SUS)"
            name="consentStatistics"
            hint="Utan samtycke räknas deltagaren bara anonymt i statistiken."
            options={[
              { value: "yes", label: "Ja, deltagaren samtycker" },
              { value: "no", label: "Nej" },
            ]}
            errors={errors?.consentStatistics}
            defaultValue={kept(values, "consentStatistics")}
          />
          <Field
            label="Datum för statistiksamtycket"
            name="consentStatisticsDate"
            hint="Lämna tomt om det är samma dag."
            errors={errors?.consentStatisticsDate}
            inputProps={{ type: "date", defaultValue: kept(values, "consentStatisticsDate"), max: today }}
          />
        </fieldset>
        <ParticipantFields
          defaults={{ coachId: currentUserId, goals: ["work"] }}
          values={values}
          errors={errors}
          municipalities={municipalities}
          coaches={coaches}
          today={today}
        />
        <ChoiceGroup
          type="checkbox"
          legend="Välkomstmejl"
          name="sendWelcome"
          options={[{ value: "yes", label: "Skicka ett välkomstmejl med inloggning (om e-post finns)" }]}
          defaultValue={values ? (kept(values, "sendWelcome") ? ["yes"] : []) : ["yes"]}
        />
        <button type="submit" className="button" aria-disabled={navigation.state === "submitting" || undefined}>
          Skriv in deltagaren
        </button>
      </Form>
    </>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
