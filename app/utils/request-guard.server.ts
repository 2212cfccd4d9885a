// The request guard in front of Remix (server/index.ts): hostile or malformed submissions are
// answered here with a short plain-text 403/411/413/415 instead of reaching an action that would
// fail to parse them (a 500), and responses to signed-in people are never stored by caches.
//
// - A state-changing request (anything but GET/HEAD/OPTIONS) from another site — a foreign
//   `Origin`, or `Sec-Fetch-Site: cross-site` — is refused (403). Same-site cookies already stop
//   most of these; this is the second lock.
// - Every Brygga form is posted as application/x-www-form-urlencoded (only the admin's import takes
//   a file, as multipart), so any other Content-Type, a missing one, or multipart is refused (415).
// - Bodies are limited (FORM_BODY_LIMIT_BYTES, 413) before a byte is read; a body without a
//   Content-Length (chunked) is refused (411), so the limit cannot be sidestepped. Node stops
//   reading at Content-Length, so a declared length is also the real one.
// - `Cache-Control: no-store` on every response to a request that carries a session cookie.
import type { NextFunction, Request, Response } from "express";
import { IMPORT_FORM_OVERHEAD_BYTES, IMPORT_MAX_BYTES } from "../domain/import/columns.ts";
import { SESSION_COOKIE_NAME } from "./auth.server.ts";

export const FORM_BODY_LIMIT_BYTES = 1_000_000;

/**
 * Paths that need another body than a small form (add a prefix and its limit here): the admin's
 * import takes one uploaded file of at most IMPORT_MAX_BYTES (issue 12), with room for the form.
 */
const BODY_EXCEPTIONS: Array<{ pathPrefix: string; maxBytes: number; contentTypes: string[]; tooLarge?: string }> = [
  {
    pathPrefix: "/admin/import",
    maxBytes: IMPORT_MAX_BYTES + IMPORT_FORM_OVERHEAD_BYTES,
    contentTypes: ["multipart/form-data", "application/x-www-form-urlencoded"],
    tooLarge: `Filen är för stor: högst ${IMPORT_MAX_BYTES / 1024 / 1024} MB. Dela upp den i flera filer.`,
  },
];

const FORM_CONTENT_TYPES = ["application/x-www-form-urlencoded"];
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export type Refusal = { status: 403 | 411 | 413 | 415; message: string };

export type GuardInput = {
  method: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
  /** The public address (APP_URL): its host is accepted as an Origin besides the request's Host. */
  appUrl: string;
};

const header = (headers: GuardInput["headers"], name: string): string | undefined => {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
};

function hostOf(url: string): string | null {
  try {
    return new URL(url).host.toLowerCase();
  } catch {
    return null;
  }
}

/** Why a request is refused before it reaches Remix, or null when it may pass. */
export function checkRequest({ method, path, headers, appUrl }: GuardInput): Refusal | null {
  if (SAFE_METHODS.has(method.toUpperCase())) return null;

  const origin = header(headers, "origin");
  const host = header(headers, "host")?.toLowerCase();
  const fetchSite = header(headers, "sec-fetch-site");
  if (origin !== undefined) {
    const originHost = hostOf(origin);
    if (!originHost || (originHost !== host && originHost !== hostOf(appUrl))) return CROSS_SITE;
  } else if (fetchSite === "cross-site") {
    return CROSS_SITE;
  }

  const exception = BODY_EXCEPTIONS.find((e) => path.startsWith(e.pathPrefix));
  const maxBytes = exception?.maxBytes ?? FORM_BODY_LIMIT_BYTES;
  const contentTypes = exception?.contentTypes ?? FORM_CONTENT_TYPES;

  const lengthHeader = header(headers, "content-length");
  if (lengthHeader === undefined && header(headers, "transfer-encoding") !== undefined) {
    return { status: 411, message: "Ange längden på det du skickar (Content-Length)." };
  }
  const length = lengthHeader === undefined ? 0 : Number(lengthHeader);
  if (!Number.isFinite(length) || length > maxBytes) {
    return {
      status: 413,
      message: exception?.tooLarge ?? `Det du skickade är för stort (högst ${Math.floor(maxBytes / 1000)} kB).`,
    };
  }

  const mediaType = (header(headers, "content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  if (!contentTypes.includes(mediaType)) {
    return { status: 415, message: "Formuläret kunde inte läsas. Skicka det från sidan i Brygga." };
  }
  return null;
}

/** A refused body up to this size is read and discarded before the answer (see requestGuard). */
const DRAIN_LIMIT_BYTES = 32 * 1024 * 1024;
const DRAIN_TIMEOUT_MS = 10_000;

const CROSS_SITE: Refusal = {
  status: 403,
  message: "Formuläret skickades från en annan webbplats och togs inte emot.",
};

function carriesSession(cookieHeader: string | undefined): boolean {
  if (!cookieHeader) return false;
  return cookieHeader.split(";").some((pair) => {
    const [name, ...value] = pair.split("=");
    return name?.trim() === SESSION_COOKIE_NAME && value.join("=").trim() !== "";
  });
}

/** Express middleware: the checks above, and no-store for signed-in responses. */
export function requestGuard(appUrl: string) {
  return (req: Request, res: Response, next: NextFunction) => {
    if (carriesSession(req.headers.cookie)) res.setHeader("Cache-Control", "no-store");
    const refusal = checkRequest({ method: req.method, path: req.path, headers: req.headers, appUrl });
    if (!refusal) return next();
    const answer = () => {
      if (!res.headersSent) res.status(refusal.status).type("text/plain; charset=utf-8").send(refusal.message);
    };
    // The body is never parsed or kept. A body of a plausible size is read and thrown away first, so
    // the client, still writing, gets the answer instead of a broken pipe; anything larger (or a
    // length that lies) is answered at once and the connection closed.
    const declared = Number(req.headers["content-length"] ?? 0);
    if (declared > 0 && declared <= DRAIN_LIMIT_BYTES && !req.complete) {
      const timer = setTimeout(answer, DRAIN_TIMEOUT_MS);
      req.on("end", () => {
        clearTimeout(timer);
        answer();
      });
      req.on("error", () => clearTimeout(timer));
      req.resume();
      return;
    }
    res.setHeader("Connection", "close");
    answer();
  };
}
