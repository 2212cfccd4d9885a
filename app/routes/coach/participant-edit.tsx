// "Ändra uppgifter": the enrolment data of a participant, changed in one transaction and audited.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { ErrorSummary } from "~/components/forms.tsx";
import { ParticipantFields } from "~/components/participant-fields.tsx";
import { enrolmentSchema } from "~/domain/enrolment.ts";
import { audit } from "~/utils/audit.server.ts";
import { requireOrgStaff } from "~/utils/auth.server.ts";
import { db, parseJson } from "~/utils/db.server.ts";
import { formValues, parseWith } from "~/domain/forms.ts";
import {
  assignableCoaches,
  checkEnrolment,
  enrolmentRefs,
  requireOrgParticipant,
  updateEnrolment,
} from "~/utils/participants.server.ts";
import { clientIp } from "~/utils/rate-limit.server.ts";
import { currentTime } from "~/utils/clock.server.ts";
import { dayKey } from "~/domain/swedish-time.ts";

export const meta: MetaFunction = () => [{ title: "Ändra uppgifter – Brygga" }];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireOrgStaff(request);
  const participant = await requireOrgParticipant(params.participantId, user.organizationId);
  const [municipalities, coaches] = await Promise.all([
    db.municipality.findMany({ orderBy: { name: "asc" }, select: { code: true, name: true } }),
    assignableCoaches(user.organizationId),
  ]);
  await audit(db, {
    actorId: user.id,
    participantId: participant.id,
    action: "read",
    entity: "participant",
    detail: "Ändringsformulär",
    ip: clientIp(context),
  });
  return {
    municipalities,
    coaches,
    participant: {
      id: participant.id,
      pseudonym: participant.pseudonym,
      realName: participant.realName,
      email: participant.email,
      phone: participant.phone,
      gender: participant.gender,
      birthYear: participant.birthYear,
      municipalityCode: participant.municipalityCode,
      postalCode: participant.postalCode,
      referralSource: participant.referralSource,
      goals: parseJson<string[]>(participant.goals, []),
      startOccupation: participant.startOccupation,
      startIncomeSources: parseJson<string[]>(participant.startIncomeSources, []),
      coachId: participant.coachId,
      enrolledAt: dayKey(participant.enrolledAt),
    },
    today: dayKey(currentTime()),
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireOrgStaff(request);
  const participant = await requireOrgParticipant(params.participantId, user.organizationId);
  const values = formValues(await request.formData());
  const form = parseWith(enrolmentSchema(currentTime()), values, values);
  if (!form.ok) {
    const refs = await checkEnrolment(enrolmentRefs(values), {
      organizationId: user.organizationId,
      participantUserId: participant.userId,
    });
    return data({ errors: { ...(refs.ok ? {} : refs.errors), ...form.errors }, values }, { status: 400 });
  }
  const input = form.data;
  const checked = await checkEnrolment(input, {
    organizationId: user.organizationId,
    participantUserId: participant.userId,
  });
  if (!checked.ok) return data({ errors: checked.errors, values }, { status: 400 });
  const saved = await updateEnrolment(user, participant, input, checked.place, clientIp(context));
  if (!saved.ok) return data({ errors: saved.errors, values }, { status: 400 });
  throw redirect(`/coach/deltagare/${participant.id}`);
}

export default function EditParticipant() {
  const { participant, municipalities, coaches, today } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <>
      <p>
        <Link to={`/coach/deltagare/${participant.id}`}>← Till {participant.pseudonym}</Link>
      </p>
      <h1>Ändra uppgifter för {participant.pseudonym}</h1>
      <ErrorSummary message={actionData ? "Det gick inte att spara. Rätta det som är markerat." : null} />
      <Form method="post" className="form form--wide" noValidate>
        <ParticipantFields
          defaults={participant}
          values={actionData?.values}
          errors={actionData?.errors}
          municipalities={municipalities}
          coaches={coaches}
          today={today}
        />
        <button type="submit" className="button">
          Spara ändringar
        </button>
      </Form>
    </>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
