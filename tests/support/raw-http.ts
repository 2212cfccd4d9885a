// Raw HTTP requests with exact control over headers and body (fetch adds a Content-Type to string
// bodies and cannot omit Content-Length), for the request-guard and fuzz tests.
import http from "node:http";

export type RawResponse = { status: number; headers: http.IncomingHttpHeaders; body: string };

export function rawRequest(
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: string | Buffer; chunked?: boolean } = {},
): Promise<RawResponse> {
  const target = new URL(url);
  const body = options.body === undefined ? undefined : Buffer.from(options.body);
  const headers: Record<string, string> = { ...options.headers };
  if (body && !options.chunked && !Object.keys(headers).some((h) => h.toLowerCase() === "content-length")) {
    headers["Content-Length"] = String(body.length);
  }
  return new Promise((resolve, reject) => {
    let settled = false;
    const request = http.request(
      {
        agent: false, // a fresh connection each time: a refused body must not affect the next request
        hostname: target.hostname,
        port: target.port,
        path: target.pathname + target.search,
        method: options.method ?? "POST",
        headers,
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (c: Buffer) => chunks.push(c));
        response.on("end", () => {
          settled = true;
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            body: Buffer.concat(chunks).toString("utf8"),
          });
        });
        response.on("error", () => {
          if (!settled)
            resolve({
              status: response.statusCode ?? 0,
              headers: response.headers,
              body: Buffer.concat(chunks).toString("utf8"),
            });
        });
      },
    );
    // A server that refuses a body early closes the connection while it is still being written.
    request.on("error", (error) => {
      if (!settled) setTimeout(() => (settled ? undefined : reject(error)), 200);
    });
    if (body) request.write(body);
    request.end();
  });
}

const FORM = "application/x-www-form-urlencoded";

/** The hostile submissions of issue 13: each must be answered without a 5xx. */
export function hostileBodies(
  origin: string,
): Array<{ name: string; headers: Record<string, string>; body?: string; chunked?: boolean }> {
  const form = "intent=x&name=Anna&email=anna%40example.se&body=hej";
  return [
    { name: "no Content-Type", headers: {}, body: form },
    { name: "empty Content-Type", headers: { "Content-Type": "" }, body: form },
    { name: "no body, no Content-Type", headers: {} },
    { name: "application/json", headers: { "Content-Type": "application/json" }, body: '{"name":"Anna"}' },
    { name: "text/plain", headers: { "Content-Type": "text/plain" }, body: form },
    { name: "application/xml", headers: { "Content-Type": "application/xml" }, body: "<a>&x;</a>" },
    {
      name: "multipart, bad boundary",
      headers: { "Content-Type": "multipart/form-data; boundary=" },
      body: "--x\r\nbroken",
    },
    {
      name: "multipart, boundary not in body",
      headers: { "Content-Type": "multipart/form-data; boundary=abc" },
      body: form,
    },
    { name: "foreign Origin", headers: { "Content-Type": FORM, Origin: "https://evil.example" }, body: form },
    { name: "Origin null", headers: { "Content-Type": FORM, Origin: "null" }, body: form },
    { name: "cross-site fetch", headers: { "Content-Type": FORM, "Sec-Fetch-Site": "cross-site" }, body: form },
    { name: "2 MB body", headers: { "Content-Type": FORM }, body: `email=${"a".repeat(2_000_000)}%40example.se` },
    {
      name: "chunked body",
      headers: { "Content-Type": FORM, "Transfer-Encoding": "chunked" },
      body: form,
      chunked: true,
    },
    { name: "lying Content-Length", headers: { "Content-Type": FORM, "Content-Length": "99999999999" }, body: form },
    {
      name: "control characters in every field",
      headers: { "Content-Type": FORM, Origin: origin },
      body: new URLSearchParams(
        Object.fromEntries(
          [
            "intent",
            "name",
            "email",
            "subject",
            "body",
            "title",
            "description",
            "redirectTo",
            "code",
            "token",
            "q",
            "id",
            "userId",
          ].map((k) => [k, `A\u0000B\u001bC\u202eD\u2028E\n\v\u3000/\t/evil.example`]),
        ),
      ).toString(),
    },
    {
      name: "900 kB field",
      headers: { "Content-Type": FORM, Origin: origin },
      body: `intent=x&name=${"å".repeat(100_000)}&email=${"a".repeat(900_000 - 250_000)}`,
    },
  ];
}
