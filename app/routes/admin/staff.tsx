// "Personal": the organisation's coaches and admins, pending invitations (send again, withdraw)
// and deactivated people; the admin invites a coach or an admin by email.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { kept, SelectField } from "~/components/form-controls.tsx";
import { ActionError, Field } from "~/components/forms.tsx";
import { formatDate } from "~/domain/swedish-time.ts";
import { formValues, type FieldErrors } from "~/domain/forms.ts";
import { parseStaffInvite, STAFF_INVITATION_DAYS, staffRoles } from "~/domain/onboarding.ts";
import { requireOrgAdmin } from "~/utils/admin.server.ts";
import { inviteStaff, listStaff, resendInvitation, revokeInvitation } from "~/utils/organizations.server.ts";
import { clientIp } from "~/utils/rate-limit.server.ts";
import { redirectWithNotice, samePage } from "~/utils/notice.server.ts";
import { TableRegion } from "~/components/table-region.tsx";

export const meta: MetaFunction = () => [{ title: "Personal – Brygga" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const admin = await requireOrgAdmin(request);
  return { me: admin.id, staff: await listStaff(admin.organizationId) };
}

const invitationSchema = z.object({ userId: z.string().min(1).max(64) });

export async function action({ request, context }: ActionFunctionArgs) {
  const admin = await requireOrgAdmin(request);
  const values = formValues(await request.formData());
  const ip = clientIp(context);
  if (values.intent === "resend" || values.intent === "revoke") {
    const parsed = invitationSchema.safeParse(values);
    if (!parsed.success)
      return data(
        { ok: false as const, errors: {} as FieldErrors, values, message: "Välj en inbjudan." },
        { status: 400 },
      );
    const result =
      values.intent === "resend"
        ? await resendInvitation(admin, parsed.data.userId, ip)
        : await revokeInvitation(admin, parsed.data.userId, ip);
    if (!result.ok) return data({ ...result, values }, { status: 400 });
    throw await redirectWithNotice(samePage(request), result.message);
  }
  const form = parseStaffInvite(values);
  if (!form.ok)
    return data(
      {
        ok: false as const,
        errors: form.errors,
        values,
        message: "Inbjudan skickades inte. Rätta det som är markerat.",
      },
      { status: 400 },
    );
  const result = await inviteStaff(admin, form.data, ip);
  if (!result.ok)
    return data(
      { ...result, values, message: result.message ?? "Inbjudan skickades inte. Rätta det som är markerat." },
      { status: 400 },
    );
  throw await redirectWithNotice(samePage(request), result.message);
}

export default function Staff() {
  const { me, staff } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const errors: FieldErrors = result && !result.ok ? result.errors : {};
  const values = result && !result.ok ? result.values : {};
  return (
    <>
      <h1>Personal</h1>
      <p className="lead">Coacher och administratörer i er organisation.</p>
      <ActionError result={result} />

      <TableRegion label="Aktiv personal">
        <table className="table">
          <caption>Aktiva ({staff.active.length})</caption>
          <thead>
            <tr>
              <th scope="col">Namn</th>
              <th scope="col">Roll</th>
              <th scope="col">Tjänstgöring</th>
              <th scope="col">Deltagare</th>
              <th scope="col">Arbetsgivare</th>
            </tr>
          </thead>
          <tbody>
            {staff.active.map((p) => (
              <tr key={p.id}>
                <th scope="row">
                  <Link to={`/admin/personal/${p.id}`}>{p.name}</Link>
                  {p.id === me ? <span className="muted"> (du)</span> : null}
                  <br />
                  <span className="muted">{p.email}</span>
                </th>
                <td>{staffRoles.label(p.role)}</td>
                <td>{p.employmentPercent} %</td>
                <td>{p.participants}</td>
                <td>{p.employers}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>

      <section className="panel" aria-labelledby="pending-title">
        <h2 id="pending-title">Väntande inbjudningar</h2>
        {staff.pending.length === 0 ? (
          <p>Inga inbjudningar väntar.</p>
        ) : (
          <ul className="plain-list">
            {staff.pending.map((p) => (
              <li key={p.id}>
                <strong>{p.name}</strong> ({p.email}), {staffRoles.label(p.role).toLowerCase()}, inbjuden{" "}
                {p.invitedAt ? formatDate(p.invitedAt) : ""}
                <Form method="post" className="button-row">
                  <input type="hidden" name="userId" value={p.id} />
                  <button
                    type="submit"
                    name="intent"
                    value="resend"
                    className="button button--secondary"
                    aria-disabled={busy || undefined}
                  >
                    Skicka igen till {p.name}
                  </button>
                  <button
                    type="submit"
                    name="intent"
                    value="revoke"
                    className="button button--quiet"
                    aria-disabled={busy || undefined}
                  >
                    Dra tillbaka inbjudan till {p.name}
                  </button>
                </Form>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="panel" aria-labelledby="invite-title">
        <h2 id="invite-title">Bjud in en coach eller administratör</h2>
        <p>
          Personen får ett mejl med en länk som loggar in direkt. Länken gäller i {STAFF_INVITATION_DAYS} dagar och
          fungerar en gång.
        </p>
        <Form method="post" className="form" noValidate>
          <input type="hidden" name="intent" value="invite" />
          <Field
            label="Namn"
            name="name"
            errors={errors.name}
            inputProps={{ defaultValue: kept(values, "name"), autoComplete: "off" }}
          />
          <Field
            label="E-postadress"
            name="email"
            errors={errors.email}
            inputProps={{ type: "email", defaultValue: kept(values, "email"), autoComplete: "off" }}
          />
          <SelectField
            label="Roll"
            name="role"
            options={staffRoles.options}
            errors={errors.role}
            selectProps={{ defaultValue: kept(values, "role", "coach") }}
          />
          <Field
            label="Tjänstgöringsgrad (procent)"
            name="employmentPercent"
            hint="Styr målet för antal deltagare: högst 20 per heltid."
            errors={errors.employmentPercent}
            inputProps={{ inputMode: "numeric", defaultValue: kept(values, "employmentPercent", "100") }}
          />
          <button type="submit" className="button" aria-disabled={busy || undefined}>
            Skicka inbjudan
          </button>
        </Form>
      </section>

      {staff.deactivated.length > 0 ? (
        <section className="panel" aria-labelledby="deactivated-title">
          <h2 id="deactivated-title">Inaktiverade</h2>
          <ul className="plain-list">
            {staff.deactivated.map((p) => (
              <li key={p.id}>
                <Link to={`/admin/personal/${p.id}`}>{p.name}</Link>{" "}
                <span className="muted">
                  ({staffRoles.label(p.role).toLowerCase()}, inaktiverad{" "}
                  {p.deactivatedAt ? formatDate(p.deactivatedAt) : ""})
                </span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
