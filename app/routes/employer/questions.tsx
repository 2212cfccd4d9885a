// "Frågor till coachen": the employer's conversations with their coaching organisation — whether
// each question is answered and how long it took — and the way to ask a new one.
import { currentTime } from "~/utils/clock.server.ts";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { ContactCard } from "~/components/contact-card.tsx";
import { ThreadList } from "~/components/thread-list.tsx";
import { requireEmployerUser } from "~/utils/auth.server.ts";
import { db } from "~/utils/db.server.ts";
import { listEmployerThreads, questionRecipient, recipientForEmployer } from "~/utils/questions.server.ts";

export const meta: MetaFunction = () => [{ title: "Frågor till coachen – Brygga" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireEmployerUser(request);
  const [threads, recipient] = await Promise.all([
    listEmployerThreads(user.employerId, user.id),
    questionRecipient(db, user.employerId),
  ]);
  return { threads, recipient: recipientForEmployer(recipient), now: currentTime() };
}

export default function EmployerQuestions() {
  const { threads, recipient, now } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Frågor till coachen</h1>
      <p className="lead">
        Fråga om vad som helst – stöd, anpassningar, lönestöd eller en deltagare – före, under och efter en anställning.
      </p>
      <div className="grid">
        <ContactCard recipient={recipient} />
      </div>
      {recipient ? (
        <p>
          <Link to="/arbetsgivare/fragor/ny" className="button">
            Ställ en fråga
          </Link>
        </p>
      ) : null}
      <h2>Era konversationer</h2>
      {threads.length === 0 ? (
        <p>Ni har inte ställt några frågor ännu.</p>
      ) : (
        <ThreadList threads={threads} basePath="/arbetsgivare/fragor" now={now} audience="employer" />
      )}
    </>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
