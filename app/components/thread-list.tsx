// A list of conversations: subject, state (waiting since / answered after), unread count, last message.
import { Link } from "@remix-run/react";
import { excerpt, formatDuration } from "~/domain/threads.ts";
import { formatDateTime } from "~/domain/swedish-time.ts";
import { countSv, NOUNS } from "~/domain/swedish.ts";

export type ThreadListItem = {
  id: string;
  kind: string;
  subject: string;
  status: string;
  employerName: string;
  createdByName: string | null;
  unread: number;
  lastMessageAt: Date | string;
  lastMessage: { body: string; authorName: string } | null;
  waitingSince: Date | string | null;
  firstAnswer: { at: Date | string; afterMs: number } | null;
  lastAnswer: { at: Date | string; afterMs: number } | null;
};

export function ThreadState({ thread, now }: { thread: ThreadListItem; now: Date | string }) {
  if (thread.waitingSince) {
    const waited = new Date(now).getTime() - new Date(thread.waitingSince).getTime();
    return (
      <>
        <span className="badge badge--warning">Väntar på svar</span>{" "}
        <span className="muted">i {formatDuration(waited)}</span>
      </>
    );
  }
  if (thread.lastAnswer) {
    return (
      <>
        <span className={`badge ${thread.status === "closed" ? "badge--muted" : "badge--success"}`}>
          {thread.status === "closed" ? "Avslutad" : "Besvarad"}
        </span>{" "}
        <span className="muted">efter {formatDuration(thread.lastAnswer.afterMs)}</span>
      </>
    );
  }
  return <span className="badge badge--muted">{thread.status === "closed" ? "Avslutad" : "Öppen"}</span>;
}

export function ThreadList({
  threads,
  basePath,
  now,
  audience,
}: {
  threads: ThreadListItem[];
  basePath: string;
  now: Date | string;
  audience: "employer" | "staff";
}) {
  return (
    <ul className="thread-list">
      {threads.map((t) => (
        <li key={t.id} className="thread-list__item">
          <h3 className="thread-list__subject">
            <Link to={`${basePath}/${t.id}`}>{t.subject}</Link>
            {t.unread > 0 ? <span className="badge badge--info"> {countSv(t.unread, NOUNS.new)}</span> : null}
          </h3>
          <p className="thread-list__meta">
            {audience === "staff" ? <strong>{t.employerName}. </strong> : null}
            <ThreadState thread={t} now={now} />{" "}
            <span className="muted">· Senast {formatDateTime(t.lastMessageAt)}</span>
          </p>
          {t.lastMessage ? (
            <p className="thread-list__excerpt">
              <span className="muted">{t.lastMessage.authorName}:</span> {excerpt(t.lastMessage.body, 140)}
            </p>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
