// "Ärenden": every coach's caseload against the target, each coach's employment percentage, and
// reassignment of participants between coaches (one or many at a time).
import { currentTime } from "~/utils/clock.server.ts";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { SelectField } from "~/components/form-controls.tsx";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { FirstContactBadge } from "~/components/first-contact-badge.tsx";
import { ErrorSummary, Field } from "~/components/forms.tsx";
import { CASELOAD_PER_FULL_TIME, caseloadTarget } from "~/domain/caseload.ts";
import { employmentPercentField } from "~/domain/coach-settings.ts";
import { listOf } from "~/domain/enrolment.ts";
import { firstContactStatus } from "~/domain/first-contact.ts";
import { phases } from "~/domain/vocab/participants.ts";
import { requireOrgAdmin } from "~/utils/admin.server.ts";
import { audit } from "~/utils/audit.server.ts";
import { db } from "~/utils/db.server.ts";
import { notFound } from "~/utils/responses.server.ts";
import { formValues, parseWith } from "~/domain/forms.ts";
import { reassignParticipants } from "~/utils/organizations.server.ts";
import { assignableCoaches, caseloadRows } from "~/utils/participants.server.ts";
import { setEmploymentPercent } from "~/utils/staff-settings.server.ts";
import { clientIp } from "~/utils/rate-limit.server.ts";
import { daysBetween, formatDate } from "~/domain/swedish-time.ts";
import { redirectWithNotice, samePage } from "~/utils/notice.server.ts";
import { TableRegion } from "~/components/table-region.tsx";

export const meta: MetaFunction = () => [{ title: "Ärenden – Brygga" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireOrgAdmin(request);
  const [coaches, rows] = await Promise.all([
    assignableCoaches(user.organizationId),
    caseloadRows({ organizationId: user.organizationId }),
  ]);
  await audit(db, {
    actorId: user.id,
    participantId: null,
    action: "read",
    entity: "caseload",
    detail: `Organisationens ärenden: ${rows.length} deltagare`,
    ip: clientIp(context),
  });
  const now = currentTime();
  const participants = rows.map((p) => ({
    id: p.id,
    pseudonym: p.pseudonym,
    phase: p.phase,
    coachId: p.coachId,
    daysInPhase: daysBetween(p.phaseChangedAt, now),
    lastContactAt: p.lastContactAt,
    firstContact: firstContactStatus({ enrolledAt: p.enrolledAt, firstContactAt: p.firstEmployerContactAt, now }),
  }));
  const groups = [
    ...coaches.map((c) => ({
      coach: c,
      target: caseloadTarget(c.employmentPercent),
      participants: participants.filter((p) => p.coachId === c.id),
    })),
    {
      coach: null,
      target: 0,
      participants: participants.filter((p) => !p.coachId || !coaches.some((c) => c.id === p.coachId)),
    },
  ].filter((g) => g.coach?.role !== "admin" || g.participants.length > 0);
  return { groups, coaches: coaches.map((c) => ({ id: c.id, name: c.name })) };
}

const ReassignSchema = z.object({
  participantIds: listOf(z.string().min(1)).refine((v) => v.length > 0, "Välj minst en deltagare."),
  toCoachId: z.string({ error: "Välj en coach." }).min(1, "Välj en coach."),
});
const PercentSchema = z.object({ coachId: z.string().min(1), employmentPercent: employmentPercentField() });

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireOrgAdmin(request);
  const values = formValues(await request.formData());
  const here = samePage(request);
  if (values.intent === "percent") {
    const form = parseWith(PercentSchema, values, values);
    if (!form.ok) return data({ ok: false as const, errors: form.errors, values }, { status: 400 });
    const coach = await setEmploymentPercent(user.organizationId, form.data.coachId, form.data.employmentPercent);
    if (!coach) notFound("Coachen finns inte.");
    throw await redirectWithNotice(here, `${coach.name} har nu ${form.data.employmentPercent} % tjänstgöring.`);
  }
  const form = parseWith(ReassignSchema, values, values);
  if (!form.ok) return data({ ok: false as const, errors: form.errors, values }, { status: 400 });
  const result = await reassignParticipants(
    { id: user.id, name: user.name, organizationId: user.organizationId },
    form.data.participantIds,
    form.data.toCoachId,
    clientIp(context),
  );
  if (!result.ok) return data({ ok: false as const, errors: result.errors, values }, { status: 400 });
  throw await redirectWithNotice(here, result.message);
}

export default function Caseloads() {
  const { groups, coaches } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const errors = result && !result.ok ? result.errors : undefined;
  return (
    <>
      <h1>Ärenden</h1>
      <p className="lead">Målet är högst {CASELOAD_PER_FULL_TIME} aktiva deltagare per heltidscoach.</p>
      <ErrorSummary message={errors ? "Det gick inte att spara. Rätta det som är markerat." : null} />
      {groups.map((g) => {
        const active = g.participants.filter((p) => p.phase !== "exited").length;
        const title = g.coach ? g.coach.name : "Utan coach";
        return (
          <section key={g.coach?.id ?? "none"} className="panel" aria-labelledby={`coach-${g.coach?.id ?? "none"}`}>
            <h2 id={`coach-${g.coach?.id ?? "none"}`}>
              {title}{" "}
              {g.coach ? (
                <span className="muted">
                  ({active} av {g.target})
                </span>
              ) : null}{" "}
              {g.coach && active > g.target ? <span className="badge badge--warning">Över målet</span> : null}
            </h2>
            {g.coach ? (
              <Form method="post" className="inline-form" noValidate>
                <input type="hidden" name="intent" value="percent" />
                <input type="hidden" name="coachId" value={g.coach.id} />
                <Field
                  label={`Tjänstgöringsgrad för ${g.coach.name} (procent)`}
                  name="employmentPercent"
                  errors={
                    result && !result.ok && result.values.coachId === g.coach.id ? errors?.employmentPercent : undefined
                  }
                  inputProps={{ inputMode: "numeric", defaultValue: String(g.coach.employmentPercent) }}
                />
                <button
                  type="submit"
                  className="button button--secondary"
                  aria-disabled={navigation.state === "submitting" || undefined}
                >
                  Spara tjänstgöringsgrad
                </button>
              </Form>
            ) : null}
            {g.participants.length === 0 ? (
              <p>Inga deltagare.</p>
            ) : (
              <Form method="post" noValidate>
                <input type="hidden" name="intent" value="reassign" />
                <input type="hidden" name="group" value={g.coach?.id ?? "none"} />
                <TableRegion label={`Deltagare hos ${title}`}>
                  <table className="table">
                    <caption className="visually-hidden">Deltagare hos {title}</caption>
                    <thead>
                      <tr>
                        <th scope="col">Välj</th>
                        <th scope="col">Deltagare</th>
                        <th scope="col">Fas</th>
                        <th scope="col">Dagar i fasen</th>
                        <th scope="col">Senaste kontakt</th>
                        <th scope="col">Första arbetsgivarkontakt</th>
                      </tr>
                    </thead>
                    <tbody>
                      {g.participants.map((p) => (
                        <tr key={p.id}>
                          <td>
                            <input
                              type="checkbox"
                              className="checkbox"
                              name="participantIds"
                              value={p.id}
                              id={`pick-${p.id}`}
                              aria-label={`Välj ${p.pseudonym}`}
                            />
                          </td>
                          <th scope="row">
                            <Link to={`/coach/deltagare/${p.id}`}>{p.pseudonym}</Link>
                          </th>
                          <td>{phases.label(p.phase)}</td>
                          <td>{p.daysInPhase}</td>
                          <td>{p.lastContactAt ? formatDate(p.lastContactAt) : "–"}</td>
                          <td>
                            <FirstContactBadge status={p.firstContact} />
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </TableRegion>
                {result && !result.ok && result.values.group === (g.coach?.id ?? "none") && errors?.participantIds ? (
                  <p className="field-error">{errors.participantIds.join(" ")}</p>
                ) : null}
                <SelectField
                  label={`Flytta valda deltagare hos ${title} till`}
                  name="toCoachId"
                  placeholder="Välj coach"
                  options={coaches.map((c) => ({ value: c.id, label: c.name }))}
                  errors={
                    result && !result.ok && result.values.group === (g.coach?.id ?? "none")
                      ? errors?.toCoachId
                      : undefined
                  }
                />
                <button
                  type="submit"
                  className="button button--secondary"
                  aria-disabled={navigation.state === "submitting" || undefined}
                >
                  Flytta valda
                </button>
              </Form>
            )}
          </section>
        );
      })}
    </>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
