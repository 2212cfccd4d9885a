import { afterEach, describe, expect, test } from "vitest";
import { cookiesAreSecure, getEnv, usesLocalMailbox } from "~/utils/env.server.ts";

const saved = { ...process.env };
afterEach(() => {
  for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
  Object.assign(process.env, saved);
});

describe("environment", () => {
  test("defaults run everything locally", () => {
    delete process.env.SMTP_URL;
    delete process.env.PORT;
    const env = getEnv();
    expect(env.PORT).toBe(3000);
    expect(usesLocalMailbox()).toBe(true);
  });

  test("a bad value stops the app with a message naming the variable", () => {
    process.env.PORT = "not-a-port";
    process.env.SMTP_URL = "mail.example.se";
    expect(() => getEnv()).toThrowError(/PORT[\s\S]*SMTP_URL: SMTP_URL måste börja med smtp:\/\//);
  });

  test("real email switches off the local mailbox", () => {
    process.env.SMTP_URL = "smtp://localhost:2525";
    expect(usesLocalMailbox()).toBe(false);
  });

  test("cookies are Secure when the app is served over https", () => {
    process.env.NODE_ENV = "production";
    process.env.APP_URL = "https://brygga.example.se";
    process.env.SESSION_SECRET = "a-long-enough-secret-value";
    process.env.SMTP_URL = "smtp://smtp.example.se:587";
    expect(cookiesAreSecure()).toBe(true);
    process.env.APP_URL = "http://localhost:3000";
    expect(cookiesAreSecure()).toBe(false);
  });

  test("APP_URL without a scheme is refused with a line that says what to write", () => {
    process.env.APP_URL = "localhost:3000";
    expect(() => getEnv()).toThrowError(/APP_URL: .*http:\/\/ eller https:\/\/.*t\.ex\. http:\/\/localhost:3000/);
    process.env.APP_URL = "ftp://brygga.example.se";
    expect(() => getEnv()).toThrowError(/APP_URL/);
    process.env.APP_URL = "http://127.0.0.1:3000";
    expect(getEnv().APP_URL).toBe("http://127.0.0.1:3000");
  });

  test("without APP_URL, mailed links point at this machine on the port the app runs on", () => {
    delete process.env.APP_URL;
    process.env.PORT = "3456";
    expect(getEnv().APP_URL).toBe("http://localhost:3456");
    delete process.env.PORT;
    expect(getEnv().APP_URL).toBe("http://localhost:3000");
    process.env.PORT = "3456";
    process.env.APP_URL = "https://brygga.example.se";
    expect(getEnv().APP_URL).toBe("https://brygga.example.se");
  });

  test("an empty value is 'not given' for every variable alike", () => {
    process.env.PORT = "";
    process.env.INBOUND_SMTP_PORT = "";
    process.env.APP_URL = "";
    process.env.DIGEST_HOUR = "";
    const env = getEnv();
    expect(env).toMatchObject({ PORT: 3000, APP_URL: "http://localhost:3000", DIGEST_HOUR: 7 });
    expect(env.INBOUND_SMTP_PORT).toBeUndefined();
  });

  test("production on a public address without SMTP_URL refuses to start: the local mailbox is never served", () => {
    process.env.NODE_ENV = "production";
    delete process.env.SMTP_URL;
    for (const appUrl of ["https://brygga.example.se", "http://brygga.example.se", "https://127.0.0.1.nip.io"]) {
      process.env.APP_URL = appUrl;
      expect(() => getEnv(), appUrl).toThrowError(/SMTP_URL krävs i produktion/);
      expect(() => usesLocalMailbox(), appUrl).toThrowError(/SMTP_URL krävs/);
    }
  });

  test("the local mailbox exists in development and in the npm start demo on a local address only", () => {
    delete process.env.SMTP_URL;
    process.env.NODE_ENV = "production";
    for (const appUrl of [
      "http://localhost:3000",
      "http://127.0.0.1:3000",
      "http://[::1]:3000",
      "http://brygga.localhost",
    ]) {
      process.env.APP_URL = appUrl;
      expect(usesLocalMailbox(), appUrl).toBe(true);
    }
    process.env.SMTP_URL = "smtp://smtp.example.se:587";
    process.env.APP_URL = "https://brygga.example.se";
    process.env.SESSION_SECRET = "a-long-enough-secret-value";
    expect(usesLocalMailbox()).toBe(false);
    delete process.env.SMTP_URL;
    process.env.NODE_ENV = "development";
    expect(usesLocalMailbox()).toBe(true);
  });
});
