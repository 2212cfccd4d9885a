// "Arbetsgivarkontakter": the organisation's log of employer contacts, follow-ups that are due,
// and the form to log a new contact (optionally about a participant).
import { currentTime } from "~/utils/clock.server.ts";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { EmployerContactForm } from "~/components/employer-contact-form.tsx";
import { EmployerContactList } from "~/components/employer-contact-list.tsx";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { ErrorSummary } from "~/components/forms.tsx";
import { requireOrgStaff } from "~/utils/auth.server.ts";
import { db } from "~/utils/db.server.ts";
import { listEmployerContacts, recordEmployerContact, upcomingFollowUps } from "~/utils/employer-contacts.server.ts";
import { clientIp } from "~/utils/rate-limit.server.ts";
import { formatDate, dayKey } from "~/domain/swedish-time.ts";
import { redirectWithNotice } from "~/utils/notice.server.ts";

export const meta: MetaFunction = () => [{ title: "Arbetsgivarkontakter – Brygga" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireOrgStaff(request);
  const [contacts, followUps, participants] = await Promise.all([
    listEmployerContacts(user.organizationId, { take: 100 }),
    upcomingFollowUps(user.organizationId, user.id),
    db.participant.findMany({
      where: { organizationId: user.organizationId, erasedAt: null, phase: { not: "exited" } },
      orderBy: { pseudonym: "asc" },
      select: { id: true, pseudonym: true },
    }),
  ]);
  const preselected = new URL(request.url).searchParams.get("deltagare");
  return {
    contacts,
    followUps,
    participants,
    today: dayKey(currentTime()),
    preselected: participants.some((p) => p.id === preselected) ? preselected : null,
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireOrgStaff(request);
  const result = await recordEmployerContact(await request.formData(), { user, ip: clientIp(context) });
  if (!result.ok) return data({ errors: result.errors, values: result.values }, { status: 400 });
  throw await redirectWithNotice(`/coach/arbetsgivare/${result.employerId}/kontakter`, "Kontakten är sparad.");
}

export default function EmployerContacts() {
  const { contacts, followUps, participants, today, preselected } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const [params] = useSearchParams();
  const overdue = (d: string) => d.slice(0, 10) < today;
  return (
    <>
      <h1>Arbetsgivarkontakter</h1>
      <p className="lead">
        Logga besök, samtal, möten och studiebesök. Hela organisationen ser historiken med varje arbetsgivare.
      </p>
      {followUps.length > 0 ? (
        <section className="panel" aria-labelledby="follow-ups-title">
          <h2 id="follow-ups-title">Dina uppföljningar</h2>
          <ul>
            {followUps.map((f) => (
              <li key={f.id}>
                {formatDate(f.followUpDate)}:{" "}
                <Link to={`/coach/arbetsgivare/${f.employer.id}/kontakter`}>{f.employer.name}</Link>
                {overdue(new Date(f.followUpDate).toISOString()) ? (
                  <span className="badge badge--danger">Passerad</span>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <div className="two-columns">
        <section aria-labelledby="new-contact-title">
          <h2 id="new-contact-title">Logga en kontakt</h2>
          <ErrorSummary message={actionData ? "Kontakten sparades inte. Rätta det som är markerat." : null} />
          <EmployerContactForm
            key={params.get("deltagare") ?? "none"}
            today={today}
            participants={participants}
            defaultParticipantId={preselected}
            errors={actionData?.errors}
            values={actionData?.values}
            busy={navigation.state === "submitting"}
          />
        </section>
        <section aria-labelledby="log-title">
          <h2 id="log-title">Senaste kontakterna</h2>
          <EmployerContactList contacts={contacts} showEmployer />
        </section>
      </div>
    </>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
