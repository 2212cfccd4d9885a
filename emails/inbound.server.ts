// The inbound SMTP receiver (docs/product-rules.md#email, issue 6): replies to Brygga's notifications come back here
// and land in their thread. Started with the app when INBOUND_SMTP_PORT is set (server/index.ts),
// or alone with `npm run mail:inbound` (emails/inbound-cli.ts). See docs/decisions/0011-email-replies.md.
//
//   RCPT TO   only signed reply addresses (reply+<thread>.<user>.<sig>@INBOUND_DOMAIN) whose user
//             may still post in the thread; anything else → 550, nothing posted
//   SIZE/DATA over INBOUND_MAX_BYTES → 552, nothing posted
//   DATA      automated mail (out-of-office, bounces, lists) is accepted and dropped; the new text
//             (quoted text and signatures stripped) is posted with via "email"; a closed thread or
//             an empty reply is not posted and the user gets a polite answer through the outbox
//   errors    a database error answers 451, so the sending server tries again later; a reply
//             delivered twice is posted once (its Message-ID is unique per thread)
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer, type SMTPServerAddress, type SMTPServerDataStream, type SMTPServerSession } from "smtp-server";
import {
  loadReplyTarget,
  postReplyFromEmail,
  type PostedReplyOutcome,
  type ReplyTarget,
} from "../app/utils/email-replies.server.ts";
import { getEnv } from "../app/utils/env.server.ts";
import { inboundDomain, verifyReplyAddress } from "./reply-address.server.ts";
import { extractReplyText, isAutomatedMail } from "./reply-text.ts";

/** A reply goes to one thread; a few reply addresses in one mail are fine, a long list is not a reply. */
const MAX_RECIPIENTS = 5;

type Logger = Pick<Console, "info" | "warn" | "error">;

/** SMTP replies are ASCII (RFC 5321), so they are in English; the people get Swedish mail instead. */
function smtpError(responseCode: number, message: string): Error {
  return Object.assign(new Error(message), { responseCode });
}

/** Turn one received reply into a thread message (or a polite answer). Exported for tests. */
export async function handleReply(
  target: ReplyTarget,
  mail: ParsedMail,
  envelopeFrom: string | null | false,
): Promise<ReplyOutcome> {
  if (isAutomatedMail(mail.headers, envelopeFrom)) return "automated";
  const text = extractReplyText(mail.text ?? "");
  return postReplyFromEmail(target, { text, messageId: mail.messageId?.slice(0, 500) ?? null });
}

/** The thread and user a reply address points at, if that user may still post there. */
async function loadTarget(address: string) {
  const target = verifyReplyAddress(address);
  if (!target) return { ok: false as const, code: 550, message: "5.1.1 Unknown recipient" };
  const found = await loadReplyTarget(target);
  if (!found) return { ok: false as const, code: 550, message: "5.7.1 Recipient no longer accepts replies" };
  return { ok: true as const, ...found };
}

export type ReplyOutcome = PostedReplyOutcome | "automated";

export type InboundServer = {
  port: number;
  stop(): Promise<void>;
};

export type InboundOptions = {
  port?: number;
  host?: string;
  maxBytes?: number;
  logger?: Logger;
};

/** Start the receiver. Resolves when it listens (port 0 picks a free port, reported in `port`). */
export async function startInboundServer(options: InboundOptions = {}): Promise<InboundServer> {
  const env = getEnv();
  const maxBytes = options.maxBytes ?? env.INBOUND_MAX_BYTES;
  const logger = options.logger ?? console;
  const domain = inboundDomain();
  if (!domain) throw new Error("INBOUND_DOMAIN måste vara satt för att ta emot svar via e-post.");

  const server = new SMTPServer({
    name: domain,
    banner: "Brygga svar",
    secure: false,
    // Behind the organisation's mail server (MX) in production; TLS is the MX's job (docs/decisions/0011).
    disabledCommands: ["AUTH", "STARTTLS"],
    authOptional: true,
    size: maxBytes,
    maxClients: 50,
    socketTimeout: 60_000,
    closeTimeout: 2_000,
    disableReverseLookup: true,
    logger: false,
    onMailFrom(address: SMTPServerAddress, _session: SMTPServerSession, callback: (err?: Error | null) => void) {
      const declared = Number(
        (address.args as Record<string, string> | false | undefined) && (address.args as Record<string, string>).SIZE,
      );
      if (declared > maxBytes) return callback(smtpError(552, `5.3.4 Message too large (at most ${maxBytes} bytes)`));
      callback();
    },
    onRcptTo(address: SMTPServerAddress, session: SMTPServerSession, callback: (err?: Error | null) => void) {
      if (session.envelope.rcptTo.length >= MAX_RECIPIENTS)
        return callback(smtpError(452, "4.5.3 Too many recipients"));
      loadTarget(address.address).then(
        (target) => {
          if (target.ok) return callback();
          logger.warn(`[inbound] refused RCPT ${address.address}: ${target.message}`);
          callback(smtpError(target.code, target.message));
        },
        (error: unknown) => {
          logger.error("[inbound] RCPT check failed:", error);
          callback(smtpError(451, "4.3.0 Temporary failure, try again later"));
        },
      );
    },
    onData(stream: SMTPServerDataStream, session: SMTPServerSession, callback: (err?: Error | null) => void) {
      receive(stream, session, logger).then(
        () => callback(),
        (error: Error & { responseCode?: number }) => {
          if (!error.responseCode) logger.error("[inbound] processing failed:", error);
          callback(error.responseCode ? error : smtpError(451, "4.3.0 Temporary failure, try again later"));
        },
      );
    },
  });
  server.on("error", (error) => logger.error("[inbound] server error:", error));

  await new Promise<void>((resolve, reject) => {
    const onError = (error: Error) => reject(error);
    server.server.once("error", onError);
    server.listen(options.port ?? env.INBOUND_SMTP_PORT ?? 2525, options.host ?? env.INBOUND_SMTP_HOST, () => {
      server.server.off("error", onError);
      resolve();
    });
  });
  const address = server.server.address();
  const port = address && typeof address === "object" ? address.port : (options.port ?? 0);
  logger.info?.(`[inbound] tar emot svar för @${domain} på port ${port}`);
  return {
    port,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };

  async function receive(stream: SMTPServerDataStream, session: SMTPServerSession, log: Logger) {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of stream) {
      size += (chunk as Buffer).length;
      if (size <= maxBytes) chunks.push(chunk as Buffer);
    }
    if (stream.sizeExceeded || size > maxBytes)
      throw smtpError(552, `5.3.4 Message too large (at most ${maxBytes} bytes)`);
    const mail = await simpleParser(Buffer.concat(chunks), { skipImageLinks: true, skipTextToHtml: true });
    const from = session.envelope.mailFrom ? session.envelope.mailFrom.address : null;
    for (const rcpt of session.envelope.rcptTo) {
      const target = await loadTarget(rcpt.address);
      if (!target.ok) continue; // accepted at RCPT, no longer valid: nothing is posted
      const outcome = await handleReply(target, mail, from);
      log.info?.(`[inbound] ${rcpt.address.split("@")[0]!.slice(0, 40)}…: ${outcome}`);
    }
  }
}
