// Issue 13 items 3, 4 and 6: the request guard in front of Remix. A stand-in for Remix parses the
// body exactly as an action does (`request.formData()`), answering 500 when that throws — what
// every action did with these bodies before the guard.
import type { AddressInfo } from "node:net";
import express from "express";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { FORM_BODY_LIMIT_BYTES, requestGuard } from "~/utils/request-guard.server.ts";
import { hostileBodies, rawRequest } from "../support/raw-http.ts";

let base = "";
let close = () => {};

beforeAll(async () => {
  const app = express();
  app.use(requestGuard("https://brygga.example.se"));
  app.all("*", async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    try {
      const body = req.method === "GET" || req.method === "HEAD" ? undefined : Buffer.concat(chunks);
      const request = new Request(`http://${req.headers.host}${req.url}`, {
        method: req.method,
        headers: req.headers as Record<string, string>,
        body,
      });
      if (body) await request.formData();
      res.status(200).send("ok");
    } catch {
      res.status(500).send("Unexpected Server Error");
    }
  });
  const server = app.listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  close = () => server.close();
});
afterAll(() => close());

describe("request guard", () => {
  test("hostile bodies get a short 4xx, never a 5xx", async () => {
    const expected: Record<string, number> = {
      "no Content-Type": 415,
      "empty Content-Type": 415,
      "no body, no Content-Type": 415,
      "application/json": 415,
      "text/plain": 415,
      "application/xml": 415,
      "multipart, bad boundary": 415,
      "multipart, boundary not in body": 415,
      "foreign Origin": 403,
      "Origin null": 403,
      "cross-site fetch": 403,
      "2 MB body": 413,
      "chunked body": 411,
      "lying Content-Length": 413,
      "control characters in every field": 200, // an ordinary form from the public address: the action decides
      "900 kB field": 200,
    };
    for (const hostile of hostileBodies("https://brygga.example.se")) {
      const response = await rawRequest(`${base}/logga-in`, hostile);
      expect(response.status, hostile.name).toBe(expected[hostile.name]);
      expect(response.body.length, hostile.name).toBeLessThan(200);
      if (response.status !== 200) expect(response.headers["content-type"], hostile.name).toMatch(/^text\/plain/);
    }
  });

  test("an ordinary form post, from this site or the public address, passes", async () => {
    const form = { "Content-Type": "application/x-www-form-urlencoded; charset=UTF-8" };
    const body = "email=anna%40example.se";
    expect((await rawRequest(`${base}/logga-in`, { headers: form, body })).status).toBe(200);
    for (const origin of [base, "https://brygga.example.se"]) {
      const response = await rawRequest(`${base}/logga-in`, { headers: { ...form, Origin: origin }, body });
      expect(response.status, origin).toBe(200);
    }
    const sameSite = { ...form, "Sec-Fetch-Site": "same-origin" };
    expect((await rawRequest(`${base}/logga-in`, { headers: sameSite, body })).status).toBe(200);
    const atLimit = `email=${"a".repeat(FORM_BODY_LIMIT_BYTES - 6)}`;
    expect((await rawRequest(`${base}/logga-in`, { headers: form, body: atLimit })).status).toBe(200);
    expect((await rawRequest(`${base}/logga-in`, { headers: form, body: atLimit + "a" })).status).toBe(413);
    expect((await rawRequest(`${base}/`, { method: "GET" })).status).toBe(200);
  });

  test("responses to a signed-in request are never cached", async () => {
    const signedIn = await rawRequest(`${base}/coach`, {
      method: "GET",
      headers: { Cookie: "a=1; brygga_session=abc" },
    });
    expect(signedIn.headers["cache-control"]).toBe("no-store");
    const anonymous = await rawRequest(`${base}/`, { method: "GET", headers: { Cookie: "brygga_session=" } });
    expect(anonymous.headers["cache-control"]).toBeUndefined();
  });
});
