// The one result shape for services and pure checks that can say no: `{ ok: true, ...value }` or
// `{ ok: false, ...why }`. Callers test `result.ok` and TypeScript narrows to the right side; the
// fields sit at the top level so a failure can go straight into a route's action data.
import type { FieldErrors } from "./forms.ts";

export type Ok<T extends object = object> = { ok: true } & T;
export type Fail<F extends object = Refusal> = { ok: false } & F;
export type Result<T extends object = object, F extends object = Refusal> = Ok<T> | Fail<F>;

/** The usual "no": a Swedish message for the page. */
export type Refusal = { message: string };
/** "No" with an HTTP status for the route to answer with (400: bad input, 409: the state forbids it). */
export type StatusRefusal<S extends number = number> = { status: S; message: string };
/** Input the service could not accept: errors per field. */
export type FieldRefusal = { errors: FieldErrors };
/** A form the service could not accept: errors per field, and the submitted values to show again. */
export type FormRefusal = FieldRefusal & { values: Record<string, string | string[]> };

export function ok(): Ok;
export function ok<T extends object>(value: T): Ok<T>;
export function ok<T extends object>(value?: T): Ok<T> {
  return { ok: true, ...(value as T) };
}

export function fail<F extends object>(why: F): Fail<F> {
  return { ok: false, ...why };
}
