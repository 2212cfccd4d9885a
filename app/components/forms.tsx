// Accessible form fields: a label tied to the input, a hint, and the error next to the field
// (aria-invalid + aria-describedby), so screen readers announce what is wrong where.
import { useEffect, useId, useRef, type InputHTMLAttributes, type ReactNode } from "react";

type FieldProps = {
  label: ReactNode;
  name: string;
  hint?: ReactNode;
  errors?: string[];
  inputProps?: InputHTMLAttributes<HTMLInputElement>;
};

/** The ids that tie a control to its hint and error: `describedBy` lists those shown. */
export function useFieldIds(hint: ReactNode, errors?: string[]) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = errors?.length ? `${id}-error` : undefined;
  return { id, hintId, errorId, describedBy: describedBy(hintId, errorId) };
}

/** An aria-describedby value from the ids given (undefined when there are none). */
export function describedBy(...ids: Array<string | undefined>) {
  return ids.filter(Boolean).join(" ") || undefined;
}

/** The hint under a label, when there is one. */
export function Hint({ id, children }: { id?: string; children?: ReactNode }) {
  if (!children) return null;
  return (
    <span className="hint" id={id}>
      {children}
    </span>
  );
}

export function Field({ label, name, hint, errors, inputProps }: FieldProps) {
  const { id, hintId, errorId, describedBy } = useFieldIds(hint, errors);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <Hint id={hintId}>{hint}</Hint>
      <input
        id={id}
        name={name}
        type="text"
        aria-invalid={errorId ? true : undefined}
        aria-describedby={describedBy}
        {...inputProps}
      />
      <FieldError id={errorId} errors={errors} />
    </div>
  );
}

export function FieldError({ id, errors }: { id?: string; errors?: string[] }) {
  if (!errors?.length) return null;
  return (
    <p className="field-error" id={id}>
      {errors.join(" ")}
    </p>
  );
}

/**
 * A summary at the top of a failed form, focused when it appears (and after each failed submit,
 * app/components/page-focus.tsx) so keyboard and screen-reader users notice it.
 */
export function ErrorSummary({ message }: { message?: string | null }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (message) ref.current?.focus();
  }, [message]);
  if (!message) return null;
  return (
    <div className="alert alert--error" role="alert" tabIndex={-1} ref={ref}>
      {message}
    </div>
  );
}

/**
 * What went wrong with a post on a page with several small forms (an alert), focused each time a new
 * one arrives so keyboard and screen-reader users hear it. Success is never shown here: the action
 * redirects with a notice (app/utils/notice.server.ts) that the layout shows.
 */
export function ActionError({ result }: { result: { message?: string } | null | undefined }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (result?.message) ref.current?.focus();
  }, [result]);
  if (!result?.message) return null;
  return (
    <div className="alert alert--error" role="alert" tabIndex={-1} ref={ref}>
      {result.message}
    </div>
  );
}
