// Download one attachment of a message in the local mailbox (a calendar invitation, say). Like the
// mailbox itself, it exists only when mail goes to the local mailbox (usesLocalMailbox).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { readMailboxAttachment } from "../../../emails/mailbox.server.ts";
import { usesLocalMailbox } from "~/utils/env.server.ts";
import { notFound } from "~/utils/responses.server.ts";

export async function loader({ params }: LoaderFunctionArgs) {
  if (!usesLocalMailbox()) notFound();
  const index = /^\d{1,3}$/.test(params.index ?? "") ? Number(params.index) : -1;
  const attachment = await readMailboxAttachment(params.messageId ?? "", index);
  if (!attachment) notFound("Bilagan finns inte.");
  // An ASCII fallback name and the real one (RFC 6266), always as a download, never shown inline.
  const ascii = attachment.filename.replace(/[^\w.-]+/g, "_");
  return new Response(new Uint8Array(attachment.content), {
    headers: {
      "Content-Type": /^[\w.+-]+\/[\w.+-]+$/.test(attachment.contentType)
        ? attachment.contentType
        : "application/octet-stream",
      "Content-Disposition": `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(attachment.filename)}`,
      "Cache-Control": "no-store",
    },
  });
}
