// Shorthands for calling a route module's loader or action as a signed-in user.
import { getRequest, postRequest, settle, testContext } from "./requests.ts";

type Args = { request: Request; params: Record<string, string>; context: ReturnType<typeof testContext> };
type Handler = (args: Args) => Promise<unknown>;
export type RouteModule = { loader?: unknown; action?: unknown };

export function load(
  module: RouteModule,
  path: string,
  cookie: string | undefined,
  params: Record<string, string> = {},
) {
  return settle(() =>
    (module.loader as Handler)({ request: getRequest(path, cookie), params, context: testContext() }),
  );
}

export function submit(
  module: RouteModule,
  path: string,
  fields: Record<string, string | string[]>,
  cookie: string | undefined,
  params: Record<string, string> = {},
) {
  return settle(() =>
    (module.action as Handler)({ request: postRequest(path, fields, cookie), params, context: testContext() }),
  );
}

/** The field errors of a 400 answer. */
export function fieldErrors(result: { value?: unknown }): Record<string, string[] | undefined> {
  return ((result.value as { errors?: Record<string, string[]> } | undefined)?.errors ?? {}) as Record<
    string,
    string[] | undefined
  >;
}
