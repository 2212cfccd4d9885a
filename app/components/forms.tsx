// Accessible form fields: a label tied to the input, a hint, and the error next to the field
// (aria-invalid + aria-describedby), so screen readers announce what is wrong where.
import { useId, type InputHTMLAttributes, type ReactNode } from "react";

type FieldProps = {
  label: ReactNode;
  name: string;
  hint?: ReactNode;
  errors?: string[];
  inputProps?: InputHTMLAttributes<HTMLInputElement>;
};

export function Field({ label, name, hint, errors, inputProps }: FieldProps) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = errors?.length ? `${id}-error` : undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <span className="hint" id={hintId}>
          {hint}
        </span>
      ) : null}
      <input
        id={id}
        name={name}
        type="text"
        aria-invalid={errorId ? true : undefined}
        aria-describedby={[hintId, errorId].filter(Boolean).join(" ") || undefined}
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

/** A summary at the top of a failed form, focused so keyboard and screen-reader users notice it. */
export function ErrorSummary({ message }: { message?: string | null }) {
  if (!message) return null;
  return (
    <div className="alert alert--error" role="alert">
      {message}
    </div>
  );
}
