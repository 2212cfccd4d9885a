// One question to the coach: the conversation, whether and when it was answered and how long it
// took, a follow-up message, and closing the question when it is settled.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { ErrorSummary } from "~/components/forms.tsx";
import { ReplyForm, ResponseStatus, ThreadMessages } from "~/components/thread-view.tsx";
import { requireEmployerUser } from "~/utils/auth.server.ts";
import { employerQuestionPath, loadQuestionPage, questionAction } from "~/utils/questions.server.ts";
import { redirectWithNotice } from "~/utils/notice.server.ts";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.thread.subject ?? "Fråga"} – Brygga` },
];

const notices = {
  skickat: "Ditt meddelande är skickat.",
  avslutad: "Frågan är avslutad. Skriv ett nytt meddelande om du vill öppna den igen.",
  oppnad: "Frågan är öppen igen.",
} as const;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireEmployerUser(request);
  const page = await loadQuestionPage(user, params.threadId);
  return page;
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireEmployerUser(request);
  const result = await questionAction(user, params.threadId, await request.formData());
  if (!result.ok) return data({ errors: result.errors, values: result.values }, { status: result.status });
  throw await redirectWithNotice(employerQuestionPath(params.threadId!), notices[result.notice]);
}

export default function EmployerQuestion() {
  const { thread, messages, waitingSince, lastAnswer, now, formKey } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  return (
    <>
      <p className="breadcrumb">
        <Link to="/arbetsgivare/fragor">← Alla frågor</Link>
      </p>
      <h1>{thread.subject}</h1>
      <ResponseStatus status={thread.status} waitingSince={waitingSince} lastAnswer={lastAnswer} now={now} />
      <ThreadMessages
        messages={messages}
        viewerSide="employer"
        sideLabels={{ employer: thread.employerName, staff: `Coach, ${thread.organizationName}` }}
      />
      <ErrorSummary message={actionData && !actionData.errors.body ? "Något gick fel. Försök igen." : null} />
      <section aria-labelledby="reply-title">
        <h2 id="reply-title">{thread.status === "closed" ? "Skriv igen" : "Skriv ett meddelande"}</h2>
        <ReplyForm
          label="Meddelande"
          hint="Coachen får ett mejl. Skriv inga personnummer eller hälsouppgifter."
          errors={actionData?.errors.body}
          defaultBody={typeof actionData?.values.body === "string" ? actionData.values.body : undefined}
          busy={busy}
          formKey={formKey}
          buttonLabel="Skicka"
        />
      </section>
      {thread.status === "open" ? (
        <Form method="post" className="inline-form">
          <button
            type="submit"
            name="intent"
            value="close"
            className="button button--secondary"
            aria-disabled={busy || undefined}
          >
            Jag har fått svar – avsluta frågan
          </button>
        </Form>
      ) : null}
    </>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
