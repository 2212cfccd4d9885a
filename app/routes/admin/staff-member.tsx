// One staff member: change the role, deactivate (handing participants and employer contacts to named
// colleagues in the same step) or reactivate. Another organisation's people are a 404.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { SelectField } from "~/components/form-controls.tsx";
import { ActionError } from "~/components/forms.tsx";
import { formatDate } from "~/domain/swedish-time.ts";
import { formValues, parseWith, type FieldErrors } from "~/domain/forms.ts";
import { handOverShape, roleChangeShape, staffRoles } from "~/domain/onboarding.ts";
import { requireOrgAdmin } from "~/utils/admin.server.ts";
import { db } from "~/utils/db.server.ts";
import { organizationCoaches } from "~/utils/employers.server.ts";
import {
  changeRole,
  deactivateStaff,
  reactivateStaff,
  requireStaffMember,
  responsibilities,
} from "~/utils/organizations.server.ts";
import { clientIp } from "~/utils/rate-limit.server.ts";
import { redirectWithNotice, samePage } from "~/utils/notice.server.ts";

export const meta: MetaFunction = ({ data }) => [
  { title: `${(data as { person?: { name: string } } | undefined)?.person?.name ?? "Personal"} – Brygga` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const admin = await requireOrgAdmin(request);
  const person = await requireStaffMember(admin, params.userId);
  const [owns, colleagues] = await Promise.all([
    responsibilities(db, admin.organizationId, person.id),
    organizationCoaches(admin.organizationId),
  ]);
  return {
    me: admin.id,
    person: {
      id: person.id,
      name: person.name,
      email: person.email,
      role: person.role,
      employmentPercent: person.employmentPercent,
      deactivatedAt: person.deactivatedAt,
      pending: person.pending,
    },
    owns: {
      participants: owns.participantIds.length,
      employers: owns.employerIds.length,
      questionThreads: owns.questionThreads,
      placementThreads: owns.placementThreads,
    },
    colleagues: colleagues.filter((c) => c.id !== person.id).map((c) => ({ value: c.id, label: c.name })),
  };
}

const roleSchema = z.object(roleChangeShape);
const handOverSchema = z.object(handOverShape);

export async function action({ request, params, context }: ActionFunctionArgs) {
  const admin = await requireOrgAdmin(request);
  const person = await requireStaffMember(admin, params.userId);
  const values = formValues(await request.formData());
  const ip = clientIp(context);
  const fail = (errors: FieldErrors, message = "Det gick inte att spara. Rätta det som är markerat.") =>
    data({ ok: false as const, errors, message, intent: String(values.intent ?? "") }, { status: 400 });
  let result;
  if (values.intent === "role") {
    const form = parseWith(roleSchema, values, values);
    if (!form.ok) return fail(form.errors);
    result = await changeRole(admin, person.id, form.data.role, ip);
  } else if (values.intent === "deactivate") {
    const form = parseWith(handOverSchema, values, values);
    if (!form.ok) return fail(form.errors);
    result = await deactivateStaff(admin, person.id, form.data, ip);
  } else if (values.intent === "reactivate") {
    result = await reactivateStaff(admin, person.id, ip);
  } else {
    return fail({}, "Okänd åtgärd.");
  }
  if (!result.ok) return fail(result.errors, result.message);
  throw await redirectWithNotice(samePage(request), result.message);
}

export default function StaffMember() {
  const { me, person, owns, colleagues } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const errors: FieldErrors = result && !result.ok ? result.errors : {};
  const handsOver = owns.participants > 0 || owns.employers > 0;
  return (
    <>
      <p>
        <Link to="/admin/personal">← Personal</Link>
      </p>
      <h1>{person.name}</h1>
      <p className="lead">
        {staffRoles.label(person.role)}, {person.employmentPercent} % · {person.email}
        {person.pending ? " · inbjuden, har inte loggat in" : ""}
        {person.deactivatedAt ? ` · inaktiverad ${formatDate(person.deactivatedAt)}` : ""}
      </p>
      <ActionError result={result} />

      {person.deactivatedAt ? (
        <section className="panel" aria-labelledby="reactivate-title">
          <h2 id="reactivate-title">Aktivera igen</h2>
          <p>{person.name} kan logga in igen. Deltagare och arbetsgivare som lämnats över stannar hos kollegorna.</p>
          <Form method="post">
            <button type="submit" name="intent" value="reactivate" className="button" aria-disabled={busy || undefined}>
              Aktivera {person.name}
            </button>
          </Form>
        </section>
      ) : (
        <>
          <section className="panel" aria-labelledby="role-title">
            <h2 id="role-title">Roll</h2>
            <Form method="post" className="form" noValidate>
              <SelectField
                label={`Roll för ${person.name}`}
                name="role"
                options={staffRoles.options}
                errors={errors.role}
                selectProps={{ defaultValue: person.role }}
              />
              <button
                type="submit"
                name="intent"
                value="role"
                className="button button--secondary"
                aria-disabled={busy || undefined}
              >
                Spara roll
              </button>
            </Form>
          </section>

          {person.id !== me ? (
            <section className="panel" aria-labelledby="deactivate-title">
              <h2 id="deactivate-title">Inaktivera</h2>
              <p>
                {person.name} loggas ut direkt och kan inte logga in. Historiken finns kvar. {person.name} har{" "}
                {owns.participants} aktiva deltagare och är kontaktperson för {owns.employers} arbetsgivare (
                {owns.questionThreads} öppna frågor och {owns.placementThreads} öppna placeringstrådar).
                {handsOver ? " Välj vem som tar över – det sker i samma steg." : ""}
              </p>
              <p className="muted">
                Öppna förslag och uppföljningar följer med deltagarna. Frågor från arbetsgivare går till den nya
                kontaktpersonen.
              </p>
              <Form method="post" className="form" noValidate>
                {owns.participants > 0 ? (
                  <SelectField
                    label={`Ny coach för ${person.name}s ${owns.participants} deltagare`}
                    name="participantsTo"
                    placeholder="Välj kollega"
                    options={colleagues}
                    errors={errors.participantsTo}
                  />
                ) : null}
                {owns.employers > 0 ? (
                  <SelectField
                    label={`Ny kontaktperson för ${owns.employers} arbetsgivare`}
                    name="employersTo"
                    placeholder="Välj kollega"
                    options={colleagues}
                    errors={errors.employersTo}
                  />
                ) : null}
                <button
                  type="submit"
                  name="intent"
                  value="deactivate"
                  className="button button--danger"
                  aria-disabled={busy || undefined}
                >
                  Inaktivera {person.name}
                </button>
              </Form>
            </section>
          ) : null}
        </>
      )}
    </>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
