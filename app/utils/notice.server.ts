// The one way to say "saved" (docs/decisions/0014-saved-notices.md): an action that succeeds
// redirects (Post/Redirect/Get) with a one-time notice in a short-lived cookie; the root loader
// takes it out (and clears the cookie) and the layout shows it in <StatusNotice>.
import { createCookie, redirect } from "@remix-run/node";
import { cookiesAreSecure } from "./env.server.ts";

/** What the next page says: a sentence, and optionally a link onwards. */
export type Notice = { id: string; message: string; link?: { to: string; text: string } };

function noticeCookie() {
  return createCookie("brygga_notice", {
    httpOnly: true,
    sameSite: "lax",
    secure: cookiesAreSecure(),
    path: "/",
    maxAge: 60,
  });
}

function isNotice(value: unknown): value is Notice {
  if (!value || typeof value !== "object") return false;
  const v = value as Record<string, unknown>;
  return typeof v.id === "string" && typeof v.message === "string";
}

/** A redirect to `to` that shows `message` there once. Throw or return it from an action. */
export async function redirectWithNotice(
  to: string,
  message: string,
  options: { link?: Notice["link"]; headers?: HeadersInit } = {},
): Promise<Response> {
  const notice: Notice = { id: crypto.randomUUID(), message, ...(options.link ? { link: options.link } : {}) };
  const headers = new Headers(options.headers);
  headers.append("Set-Cookie", await noticeCookie().serialize(notice));
  return redirect(to, { headers });
}

/** The notice waiting for this request, if any, and the header that clears it. */
export async function takeNotice(request: Request): Promise<{ notice: Notice | null; headers?: HeadersInit }> {
  const value: unknown = await noticeCookie().parse(request.headers.get("Cookie"));
  if (value === null || value === undefined) return { notice: null };
  const clear = { "Set-Cookie": await noticeCookie().serialize("", { maxAge: 0 }) };
  return { notice: isNotice(value) ? value : null, headers: clear };
}

/** The page the request was posted from (path and query, without Remix's `?index`), to redirect back to. */
export function samePage(request: Request): string {
  const url = new URL(request.url);
  url.searchParams.delete("index");
  return url.pathname + url.search;
}
