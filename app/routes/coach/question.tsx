// A coach answers an employer's question. The employer is told by email and sees the answer, with
// the time it took, in Brygga.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { telHref } from "~/components/contact-card.tsx";
import { ErrorSummary } from "~/components/forms.tsx";
import { ReplyForm, ResponseStatus, ThreadMessages } from "~/components/thread-view.tsx";
import { requireOrgStaff } from "~/utils/auth.server.ts";
import { db } from "~/utils/db.server.ts";
import { coachQuestionPath, loadQuestionPage, questionAction } from "~/utils/questions.server.ts";
import { redirectWithNotice } from "~/utils/notice.server.ts";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.thread.subject ?? "Fråga"} – Brygga` },
];

const notices = {
  skickat: "Svaret är skickat. Arbetsgivaren får ett mejl.",
  avslutad: "Frågan är avslutad.",
  oppnad: "Frågan är öppen igen.",
} as const;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireOrgStaff(request);
  const page = await loadQuestionPage(user, params.threadId);
  const employer = await db.employer.findUniqueOrThrow({
    where: { id: page.thread.employerId },
    select: {
      phone: true,
      contactCoach: { select: { id: true, name: true } },
      users: { where: { role: "employer", deactivatedAt: null }, select: { name: true, email: true, phone: true } },
    },
  });
  return {
    ...page,
    employer,
    me: user.id,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireOrgStaff(request);
  const result = await questionAction(user, params.threadId, await request.formData());
  if (!result.ok) return data({ errors: result.errors, values: result.values }, { status: result.status });
  throw await redirectWithNotice(coachQuestionPath(params.threadId!), notices[result.notice]);
}

export default function CoachQuestion() {
  const { thread, messages, waitingSince, lastAnswer, now, employer, me, formKey } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  return (
    <>
      <p className="breadcrumb">
        <Link to="/coach/fragor">← Alla frågor</Link>
      </p>
      <h1>{thread.subject}</h1>
      <p className="muted">
        Från {thread.createdByName ?? "en användare"} på <strong>{thread.employerName}</strong>
        {employer.contactCoach
          ? `. Kontaktperson: ${employer.contactCoach.id === me ? "du" : employer.contactCoach.name}`
          : ". Ingen kontaktperson – frågan kom till den gemensamma inkorgen"}
        .
      </p>
      <ResponseStatus status={thread.status} waitingSince={waitingSince} lastAnswer={lastAnswer} now={now} />
      <ThreadMessages
        messages={messages}
        viewerSide="staff"
        sideLabels={{ employer: thread.employerName, staff: `Coach, ${thread.organizationName}` }}
      />
      <ErrorSummary message={actionData && !actionData.errors.body ? "Något gick fel. Försök igen." : null} />
      <section aria-labelledby="reply-title">
        <h2 id="reply-title">Svara</h2>
        <ReplyForm
          label="Ditt svar"
          hint="Arbetsgivaren får svaret med e-post och ser det i Brygga. Skriv inget om deltagare som de inte får se."
          errors={actionData?.errors.body}
          defaultBody={typeof actionData?.values.body === "string" ? actionData.values.body : undefined}
          busy={busy}
          formKey={formKey}
          buttonLabel="Skicka svaret"
        />
      </section>
      <Form method="post" className="inline-form">
        {thread.status === "open" ? (
          <button
            type="submit"
            name="intent"
            value="close"
            className="button button--secondary"
            aria-disabled={busy || undefined}
          >
            Markera som klar
          </button>
        ) : (
          <button
            type="submit"
            name="intent"
            value="reopen"
            className="button button--secondary"
            aria-disabled={busy || undefined}
          >
            Öppna igen
          </button>
        )}
      </Form>
      <section className="panel" aria-labelledby="reach-title">
        <h2 id="reach-title">Nå arbetsgivaren</h2>
        {employer.phone ? (
          <p>
            Växel: <a href={telHref(employer.phone)}>{employer.phone}</a>
          </p>
        ) : null}
        <ul>
          {employer.users.map((u, i) => (
            <li key={i}>
              {u.name}
              {u.email ? (
                <>
                  {" – "}
                  <a href={`mailto:${u.email}`}>{u.email}</a>
                </>
              ) : null}
              {u.phone ? (
                <>
                  {" – "}
                  <a href={telHref(u.phone)}>{u.phone}</a>
                </>
              ) : null}
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
