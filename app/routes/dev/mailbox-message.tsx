import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { readMailboxMessage } from "../../../emails/mailbox.server.ts";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { LinkifiedText } from "~/components/linkified-text.tsx";
import { usesLocalMailbox } from "~/utils/env.server.ts";
import { notFound } from "~/utils/responses.server.ts";
import { formatDateTime } from "~/domain/swedish-time.ts";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.message.subject ?? "Meddelande"} – Lokal brevlåda` },
];

export async function loader({ params }: LoaderFunctionArgs) {
  if (!usesLocalMailbox()) notFound();
  const message = await readMailboxMessage(params.messageId ?? "");
  if (!message) notFound("Meddelandet finns inte.");
  return { message };
}

function formatSize(bytes: number) {
  return bytes < 1024 ? `${bytes} byte` : `${(bytes / 1024).toFixed(1).replace(".", ",")} kB`;
}

export default function MailboxMessage() {
  const { message } = useLoaderData<typeof loader>();
  return (
    <>
      <p>
        <Link to="/dev/mejl">← Alla meddelanden</Link>
      </p>
      <h1>{message.subject}</h1>
      <dl className="panel">
        <dt>Från</dt>
        <dd>{message.from}</dd>
        <dt>Till</dt>
        <dd>{message.to}</dd>
        <dt>Skickat</dt>
        <dd>{formatDateTime(message.date)}</dd>
      </dl>
      {message.attachments.length > 0 ? (
        <section aria-labelledby="attachments-title">
          <h2 id="attachments-title">Bilagor ({message.attachments.length})</h2>
          <ul className="link-list">
            {message.attachments.map((a, i) => (
              <li key={i}>
                <a href={`/dev/mejl/${message.id}/bilaga/${i}`} download={a.filename ?? undefined}>
                  Ladda ner {a.filename ?? `bilaga ${i + 1}`}
                </a>{" "}
                <span className="muted">
                  ({a.contentType}, {formatSize(a.size)})
                </span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <h2>Textversion</h2>
      <div className="plain-text">
        <LinkifiedText text={message.text} />
      </div>
      <h2>HTML-version</h2>
      <iframe className="mail-frame" title={`HTML-versionen av ${message.subject}`} sandbox="" srcDoc={message.html} />
    </>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
