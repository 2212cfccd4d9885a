// A conversation between an employer and the coaching organisation: messages as plain text (links
// clickable, never HTML), who wrote and when, how long each answer took, and the reply form.
import { Form } from "@remix-run/react";
import { formatDuration, MESSAGE_MAX, type Side } from "~/domain/threads.ts";
import { TextareaField } from "./form-controls.tsx";
import { ErrorSummary } from "./forms.tsx";
import { LinkifiedText } from "./linkified-text.tsx";
import { formatDateTime } from "~/domain/swedish-time.ts";

export type MessageForView = {
  id: string;
  body: string;
  createdAt: Date | string;
  side: Side | null;
  authorName: string;
  via: string;
  responseMs: number | null;
  /** "shared": the participant sees it too (placement threads). */
  visibility?: string;
  /** New since the viewer last read the thread. */
  unread?: boolean;
};

function iso(d: Date | string) {
  return new Date(d).toISOString();
}

export function ThreadMessages({
  messages,
  sideLabels,
  viewerSide,
  showShared = false,
}: {
  messages: MessageForView[];
  sideLabels: Record<Side, string>;
  viewerSide: Side;
  /** Mark messages shared with the participant (placement threads). */
  showShared?: boolean;
}) {
  return (
    <ol className="messages" aria-label="Meddelanden">
      {messages.map((m) => {
        const mine = m.side === viewerSide;
        return (
          <li
            key={m.id}
            className={`message ${mine ? "message--mine" : "message--theirs"} ${m.side === "staff" ? "message--staff" : ""}`}
          >
            <article aria-label={`${m.authorName}, ${formatDateTime(m.createdAt)}`}>
              <header className="message__header">
                <strong>{m.authorName}</strong>
                {m.side ? <span className="muted"> · {sideLabels[m.side]}</span> : null}
                <br />
                <time dateTime={iso(m.createdAt)} className="muted">
                  {formatDateTime(m.createdAt)}
                </time>
                {m.via === "email" ? <span className="muted"> · via e-post</span> : null}
                {m.unread ? (
                  <>
                    {" "}
                    <span className="badge badge--info">Ny</span>
                  </>
                ) : null}
                {showShared && m.visibility === "shared" ? (
                  <>
                    {" "}
                    <span className="badge badge--success">Delas med deltagaren</span>
                  </>
                ) : null}
              </header>
              <div className="message__body">
                <LinkifiedText text={m.body} />
              </div>
              {m.responseMs != null ? <p className="message__meta">Svar efter {formatDuration(m.responseMs)}</p> : null}
            </article>
          </li>
        );
      })}
    </ol>
  );
}

/** "Väntar på svar sedan …" or "Besvarad … efter …". `now` comes from the server so both render the same. */
export function ResponseStatus({
  status,
  waitingSince,
  lastAnswer,
  now,
}: {
  status: string;
  waitingSince: Date | string | null;
  lastAnswer: { at: Date | string; afterMs: number } | null;
  now: Date | string;
}) {
  if (waitingSince) {
    const waited = new Date(now).getTime() - new Date(waitingSince).getTime();
    return (
      <p className="response-status response-status--waiting" role="status">
        <span className="badge badge--warning">Väntar på svar</span> sedan{" "}
        <time dateTime={iso(waitingSince)}>{formatDateTime(waitingSince)}</time> ({formatDuration(waited)}).
      </p>
    );
  }
  if (lastAnswer) {
    return (
      <p className="response-status" role="status">
        <span className="badge badge--success">{status === "closed" ? "Avslutad" : "Besvarad"}</span> Svar{" "}
        <time dateTime={iso(lastAnswer.at)}>{formatDateTime(lastAnswer.at)}</time>, efter{" "}
        {formatDuration(lastAnswer.afterMs)}.
      </p>
    );
  }
  return status === "closed" ? (
    <p className="response-status" role="status">
      <span className="badge badge--muted">Avslutad</span>
    </p>
  ) : null;
}

export function ReplyForm({
  errors,
  defaultBody,
  busy,
  label,
  hint,
  buttonLabel,
  formKey,
}: {
  /** A fresh key per page load (app/utils/form-key.server.ts): one message per form, however often it is sent. */
  formKey: string;
  errors?: string[];
  defaultBody?: string;
  busy: boolean;
  label: string;
  hint?: string;
  buttonLabel: string;
}) {
  return (
    <Form method="post" className="form reply-form" noValidate key={formKey}>
      <input type="hidden" name="formKey" value={formKey} />
      <ErrorSummary message={errors?.length ? "Meddelandet skickades inte. Rätta det som är markerat." : null} />
      <TextareaField
        label={label}
        name="body"
        hint={hint}
        errors={errors}
        textareaProps={{ rows: 5, defaultValue: defaultBody, maxLength: MESSAGE_MAX + 500, required: true }}
      />
      <button type="submit" name="intent" value="reply" className="button" aria-disabled={busy || undefined}>
        {busy ? "Skickar …" : buttonLabel}
      </button>
    </Form>
  );
}
