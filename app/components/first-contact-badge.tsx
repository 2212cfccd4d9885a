// The four-week first-employer-contact flag (IPS), as a badge with a text that does not rely on colour.
import type { FirstContactStatus } from "~/domain/first-contact.ts";
import { firstContactText } from "~/domain/first-contact.ts";
import { formatDate } from "~/domain/swedish-time.ts";

/** Dates arrive serialised from the loader: accept both. */
type Serialized<T> = { [K in keyof T]: T[K] extends Date ? Date | string : T[K] };
type Status = FirstContactStatus extends infer S ? (S extends unknown ? Serialized<S> : never) : never;

function revive(status: Status): FirstContactStatus {
  switch (status.kind) {
    case "done":
      return { ...status, at: new Date(status.at) };
    case "pending":
    case "overdue":
      return { ...status, dueAt: new Date(status.dueAt) } as FirstContactStatus;
    default:
      return status;
  }
}

export function FirstContactBadge({ status: raw }: { status: Status }) {
  const status = revive(raw);
  const text = firstContactText(status, (d) => formatDate(d));
  if (status.kind === "overdue") return <span className="badge badge--danger">{text}</span>;
  if (status.kind === "done")
    return <span className={status.withinTarget ? "badge badge--success" : "badge"}>{text}</span>;
  if (status.kind === "pending")
    return <span className={status.daysLeft <= 7 ? "badge badge--warning" : "badge"}>{text}</span>;
  return <span className="muted">{text}</span>;
}
