// A real SMTP server for tests, in process (docs/product-rules.md#email): smtp-server on 127.0.0.1, no TLS, no
// auth required. Every message it receives is parsed with mailparser and kept in `messages`.
//
//   import { useTestSmtpServer, extractLinks } from "../setup/smtp.ts";
//   const smtp = useTestSmtpServer(); // started before all tests, SMTP_URL set, cleared before each
//   ...
//   const [mail] = await smtp.waitForMessages(1);
//   const link = extractLinks(mail)[0];
//
// Or by hand: `const smtp = await startTestSmtpServer(); process.env.SMTP_URL = smtp.url; ...
// await smtp.stop()`. stop() and start() again reuse the same port, to simulate an outage.
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from "smtp-server";
import { afterAll, beforeAll, beforeEach } from "vitest";

export type ReceivedMessage = ParsedMail & {
  /** The SMTP envelope: MAIL FROM and RCPT TO addresses. */
  envelope: { from: string | null; to: string[] };
  /** The message as received. */
  raw: Buffer;
};

export type WaitOptions = {
  /** Give up after this long (default 60 s: a guard against hangs, not a speed check). */
  timeoutMs?: number;
  /** Check this often (default 10 ms). */
  intervalMs?: number;
};

export type TestSmtpServerOptions = {
  host?: string;
  /** Port to listen on; default: a free port chosen at the first start and kept afterwards. */
  port?: number;
};

type Rejection = { responseCode: number; message: string };

export class TestSmtpServer {
  readonly host: string;
  private requestedPort: number;
  private boundPort: number | null = null;
  private server: SMTPServer | null = null;
  private received: ReceivedMessage[] = [];
  private rejection: Rejection | null = null;

  constructor(options: TestSmtpServerOptions = {}) {
    this.host = options.host ?? "127.0.0.1";
    this.requestedPort = options.port ?? 0;
  }

  /** The port, known after the first start(). */
  get port(): number {
    if (this.boundPort === null) throw new Error("TestSmtpServer: start() it first");
    return this.boundPort;
  }

  /** A URL for SMTP_URL / nodemailer.createTransport. */
  get url(): string {
    return `smtp://${this.host}:${this.port}`;
  }

  get running(): boolean {
    return this.server !== null;
  }

  /** Messages received so far, oldest first. */
  get messages(): readonly ReceivedMessage[] {
    return this.received;
  }

  /** Messages whose envelope has this recipient (case-insensitive). */
  messagesTo(address: string): ReceivedMessage[] {
    const wanted = address.toLowerCase();
    return this.received.filter((m) => m.envelope.to.some((to) => to.toLowerCase() === wanted));
  }

  /** Forget received messages. */
  clear(): void {
    this.received = [];
  }

  /**
   * Make the server refuse every message with this reply (e.g. 451 for a temporary failure, 550
   * for a permanent one) until rejectMessages(null). The client sees a failed send.
   */
  rejectMessages(responseCode: number | null, message = "Rejected by the test server"): void {
    this.rejection = responseCode === null ? null : { responseCode, message };
  }

  /** Start listening (a no-op when running). After a stop(), listens on the same port again. */
  async start(): Promise<this> {
    if (this.server) return this;
    const server = new SMTPServer({
      secure: false,
      disabledCommands: ["STARTTLS"],
      authOptional: true,
      logger: false,
      closeTimeout: 500,
      onData: (stream, session, callback) => {
        this.receive(stream, session).then(
          () => callback(),
          (error: unknown) => callback(error instanceof Error ? error : new Error(String(error))),
        );
      },
    });
    const port = this.boundPort ?? this.requestedPort;
    await new Promise<void>((resolve, reject) => {
      const onError = (error: Error) => reject(error);
      server.once("error", onError);
      server.listen(port, this.host, () => {
        server.off("error", onError);
        resolve();
      });
    });
    // Later errors (a client resetting the connection) must not crash the test run.
    server.on("error", () => {});
    const address = server.server.address();
    if (!address || typeof address === "string") throw new Error("TestSmtpServer: no TCP address");
    this.boundPort = address.port;
    this.server = server;
    return this;
  }

  /** Stop listening and close open connections; received messages are kept. */
  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = null;
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** Wait until at least `count` messages have arrived; returns all received messages. */
  async waitForMessages(count: number, options: WaitOptions = {}): Promise<ReceivedMessage[]> {
    await this.waitUntil(
      () => this.received.length >= count,
      options,
      () => {
        const subjects = this.received.map((m) => JSON.stringify(m.subject ?? "")).join(", ");
        return `expected ${count} message(s), got ${this.received.length}${subjects ? `: ${subjects}` : ""}`;
      },
    );
    return [...this.received];
  }

  /** Wait for the first message that matches (e.g. by recipient) and return it. */
  async waitForMessage(
    predicate: (message: ReceivedMessage) => boolean = () => true,
    options: WaitOptions = {},
  ): Promise<ReceivedMessage> {
    let found: ReceivedMessage | undefined;
    await this.waitUntil(
      () => (found = this.received.find(predicate)) !== undefined,
      options,
      () => `no matching message among ${this.received.length} received`,
    );
    return found!;
  }

  private async waitUntil(done: () => boolean, options: WaitOptions, describe: () => string): Promise<void> {
    // Only a guard against a hang: generous, so that a loaded machine never fails a test.
    const timeoutMs = options.timeoutMs ?? 60_000;
    const intervalMs = options.intervalMs ?? 10;
    const deadline = Date.now() + timeoutMs;
    while (!done()) {
      if (Date.now() >= deadline) throw new Error(`TestSmtpServer: timed out after ${timeoutMs} ms, ${describe()}`);
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
  }

  private async receive(stream: SMTPServerDataStream, session: SMTPServerSession): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    if (this.rejection) {
      throw Object.assign(new Error(this.rejection.message), { responseCode: this.rejection.responseCode });
    }
    const raw = Buffer.concat(chunks);
    const parsed = await simpleParser(raw);
    const { mailFrom, rcptTo } = session.envelope;
    this.received.push(
      Object.assign(parsed, {
        envelope: { from: mailFrom ? mailFrom.address : null, to: rcptTo.map((r) => r.address) },
        raw,
      }),
    );
  }
}

/** Create and start a test SMTP server. */
export async function startTestSmtpServer(options: TestSmtpServerOptions = {}): Promise<TestSmtpServer> {
  return new TestSmtpServer(options).start();
}

/**
 * For a test file: start a server before all tests and stop it after them; set SMTP_URL to it
 * (unless setEnv is false) and restore the previous value afterwards; clear received messages
 * and rejections before each test.
 */
export function useTestSmtpServer(options: TestSmtpServerOptions & { setEnv?: boolean } = {}): TestSmtpServer {
  const smtp = new TestSmtpServer(options);
  const setEnv = options.setEnv ?? true;
  let previousUrl: string | undefined;
  beforeAll(async () => {
    await smtp.start();
    if (setEnv) {
      previousUrl = process.env.SMTP_URL;
      process.env.SMTP_URL = smtp.url;
    }
  });
  beforeEach(async () => {
    await smtp.start(); // in case a test stopped it
    smtp.clear();
    smtp.rejectMessages(null);
  });
  afterAll(async () => {
    await smtp.stop();
    if (setEnv) {
      if (previousUrl === undefined) delete process.env.SMTP_URL;
      else process.env.SMTP_URL = previousUrl;
    }
  });
  return smtp;
}

/** The http(s) links in a message's text part (or in a string), in order. */
export function extractLinks(source: ParsedMail | string): string[] {
  const text = typeof source === "string" ? source : (source.text ?? "");
  return text.match(/https?:\/\/[^\s<>"')\]]+/g) ?? [];
}
