// An employer's page for coaches: the organisation's whole contact history with that employer,
// and the form to log a new contact.
import { currentTime } from "~/utils/clock.server.ts";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { EmployerContactForm } from "~/components/employer-contact-form.tsx";
import { EmployerContactList } from "~/components/employer-contact-list.tsx";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { ErrorSummary } from "~/components/forms.tsx";
import { sectors } from "~/domain/vocab/openings.ts";
import { requireOrgStaff } from "~/utils/auth.server.ts";
import { db } from "~/utils/db.server.ts";
import { listEmployerContacts, recordEmployerContact } from "~/utils/employer-contacts.server.ts";
import { clientIp } from "~/utils/rate-limit.server.ts";
import { notFound } from "~/utils/responses.server.ts";
import { formatDate, dayKey } from "~/domain/swedish-time.ts";
import { redirectWithNotice } from "~/utils/notice.server.ts";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Kontakter med ${data?.employer.name ?? "arbetsgivare"} – Brygga` },
];

async function findEmployer(employerId: string | undefined) {
  const employer = await db.employer.findUnique({
    where: { id: employerId ?? "" },
    select: {
      id: true,
      name: true,
      orgNumber: true,
      sector: true,
      phone: true,
      contactCoach: { select: { name: true } },
      _count: { select: { openings: { where: { status: "published" } } } },
    },
  });
  if (!employer) notFound("Arbetsgivaren finns inte.");
  return employer;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireOrgStaff(request);
  const employer = await findEmployer(params.employerId);
  const [contacts, participants] = await Promise.all([
    listEmployerContacts(user.organizationId, { employerId: employer.id }),
    db.participant.findMany({
      where: { organizationId: user.organizationId, erasedAt: null, phase: { not: "exited" } },
      orderBy: { pseudonym: "asc" },
      select: { id: true, pseudonym: true },
    }),
  ]);
  return { employer, contacts, participants, today: dayKey(currentTime()) };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireOrgStaff(request);
  const employer = await findEmployer(params.employerId);
  const result = await recordEmployerContact(await request.formData(), {
    user,
    ip: clientIp(context),
    employerId: employer.id,
  });
  if (!result.ok) return data({ errors: result.errors, values: result.values }, { status: 400 });
  throw await redirectWithNotice(`/coach/arbetsgivare/${employer.id}/kontakter`, "Kontakten är sparad.");
}

export default function EmployerContactHistory() {
  const { employer, contacts, participants, today } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const last = contacts[0];
  return (
    <>
      <p>
        <Link to="/coach/kontakter">← Till alla arbetsgivarkontakter</Link>
      </p>
      <h1>{employer.name}</h1>
      <p className="muted">
        {sectors.label(employer.sector)}
        {employer.orgNumber ? ` · ${employer.orgNumber}` : ""}
        {employer.phone ? ` · ${employer.phone}` : ""}
        {employer.contactCoach ? ` · Kontaktcoach: ${employer.contactCoach.name}` : ""} · {employer._count.openings}{" "}
        publicerade uppdrag
      </p>
      <div className="two-columns">
        <section aria-labelledby="history-title">
          <h2 id="history-title">Organisationens kontakter ({contacts.length})</h2>
          {last ? <p>Senaste kontakt: {formatDate(last.occurredAt)}</p> : null}
          <EmployerContactList contacts={contacts} showEmployer={false} />
        </section>
        <section aria-labelledby="new-contact-title">
          <h2 id="new-contact-title">Logga en kontakt med {employer.name}</h2>
          <ErrorSummary message={actionData ? "Kontakten sparades inte. Rätta det som är markerat." : null} />
          <EmployerContactForm
            today={today}
            participants={participants}
            fixedEmployer={{ id: employer.id, name: employer.name }}
            errors={actionData?.errors}
            values={actionData?.values}
            busy={navigation.state === "submitting"}
          />
        </section>
      </div>
    </>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
