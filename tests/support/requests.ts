// Build requests to call route loaders and actions directly, as the server would.
import { startSession } from "../../app/utils/auth.server.ts";
import { takeNotice } from "../../app/utils/notice.server.ts";

export const TEST_ORIGIN = "http://localhost:3000";

export async function sessionCookieFor(userId: string): Promise<string> {
  const header = await startSession(userId, "vitest");
  return header.split(";")[0]!;
}

export function getRequest(path: string, cookie?: string): Request {
  return new Request(TEST_ORIGIN + path, { headers: cookie ? { Cookie: cookie } : {} });
}

export function postRequest(path: string, fields: Record<string, string | string[]>, cookie?: string): Request {
  const body = new URLSearchParams();
  for (const [key, value] of Object.entries(fields)) for (const v of [value].flat()) body.append(key, v);
  return new Request(TEST_ORIGIN + path, {
    method: "POST",
    body,
    headers: { "Content-Type": "application/x-www-form-urlencoded", ...(cookie ? { Cookie: cookie } : {}) },
  });
}

export const testContext = (clientIp = "127.0.0.1") => ({ cspNonce: "test", clientIp });

/** Runs a loader/action and returns its Response, whether it returned or threw one. */
export async function settle(
  run: () => Promise<unknown>,
): Promise<{ status: number; response?: Response; value?: unknown }> {
  try {
    const value = await run();
    if (value instanceof Response) return { status: value.status, response: value };
    if (
      value &&
      typeof value === "object" &&
      "type" in value &&
      (value as { type: unknown }).type === "DataWithResponseInit"
    ) {
      const init = (value as unknown as { init?: ResponseInit; data: unknown }).init;
      return { status: init?.status ?? 200, value: (value as unknown as { data: unknown }).data };
    }
    return { status: 200, value };
  } catch (thrown) {
    if (thrown instanceof Response) return { status: thrown.status, response: thrown };
    throw thrown;
  }
}

/**
 * The "saved" notice a successful action redirects with (app/utils/notice.server.ts): what the
 * next page shows, or null when the response carries none.
 */
export async function noticeOf(result: { response?: Response }): Promise<string | null> {
  const cookies = result.response?.headers.getSetCookie() ?? [];
  const cookie = cookies.map((c) => c.split(";")[0]).join("; ");
  const { notice } = await takeNotice(new Request("http://localhost/", { headers: { Cookie: cookie } }));
  return notice?.message ?? null;
}
