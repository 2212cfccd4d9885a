// The accessible form controls that go with Field (forms.tsx): text areas, selects, groups of
// checkboxes or radio buttons and a single checkbox. Every control has a label (or a legend for a
// group), an optional hint, and its error next to it, tied with aria-describedby (and aria-invalid).
// Also the helpers that refill a form from the values kept after a failed submit.
import type { ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from "react";
import { describedBy, FieldError, Hint, useFieldIds } from "./forms.tsx";

type Common = { label: ReactNode; name: string; hint?: ReactNode; errors?: string[]; className?: string };

export function TextareaField({
  label,
  name,
  hint,
  errors,
  className,
  textareaProps,
}: Common & { textareaProps?: TextareaHTMLAttributes<HTMLTextAreaElement> }) {
  const { id, hintId, errorId } = useFieldIds(hint, errors);
  return (
    <div className={["field", className].filter(Boolean).join(" ")}>
      <label htmlFor={id}>{label}</label>
      <Hint id={hintId}>{hint}</Hint>
      <textarea
        id={id}
        name={name}
        aria-invalid={errorId ? true : undefined}
        aria-describedby={describedBy(hintId, errorId)}
        {...textareaProps}
      />
      <FieldError id={errorId} errors={errors} />
    </div>
  );
}

export function SelectField({
  label,
  name,
  hint,
  errors,
  className,
  options,
  placeholder,
  groups,
  selectProps,
  describedBy: extraDescribedBy,
}: Common & {
  options?: ReadonlyArray<{ value: string; label: string }>;
  /** Options grouped under headings (<optgroup>), e.g. municipalities by county. */
  groups?: ReadonlyArray<{ label: string; options: ReadonlyArray<{ value: string; label: string }> }>;
  /** A first, empty option ("Välj …"). */
  placeholder?: string;
  selectProps?: SelectHTMLAttributes<HTMLSelectElement>;
  /** Another element that describes the control (a shared help text). */
  describedBy?: string;
}) {
  const { id, hintId, errorId } = useFieldIds(hint, errors);
  return (
    <div className={["field", className].filter(Boolean).join(" ")}>
      <label htmlFor={id}>{label}</label>
      <Hint id={hintId}>{hint}</Hint>
      <select
        id={id}
        name={name}
        aria-invalid={errorId ? true : undefined}
        aria-describedby={describedBy(extraDescribedBy, hintId, errorId)}
        {...selectProps}
      >
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options?.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
        {groups?.map((g) => (
          <optgroup key={g.label} label={g.label}>
            {g.options.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
      <FieldError id={errorId} errors={errors} />
    </div>
  );
}

type ChoiceOption = { value: string; label: string; description?: string };

/** A group of checkboxes (several choices) or radio buttons (one), in a fieldset with a legend. */
export function ChoiceGroup({
  type,
  legend,
  name,
  hint,
  errors,
  options,
  defaultValue,
  className,
  columns,
  onChange,
}: {
  type: "checkbox" | "radio";
  legend: ReactNode;
  name: string;
  hint?: ReactNode;
  errors?: string[];
  options: ReadonlyArray<ChoiceOption>;
  /** The checked value (radio) or values (checkboxes). */
  defaultValue?: string | readonly string[] | null;
  className?: string;
  /** Lay the choices out in columns on wide screens. */
  columns?: boolean;
  onChange?: (value: string, checked: boolean) => void;
}) {
  const { id, hintId, errorId } = useFieldIds(hint, errors);
  const chosen = new Set(defaultValue == null ? [] : typeof defaultValue === "string" ? [defaultValue] : defaultValue);
  return (
    <fieldset
      className={["field", className].filter(Boolean).join(" ")}
      aria-describedby={describedBy(hintId, errorId)}
      aria-invalid={errorId ? true : undefined}
    >
      <legend>{legend}</legend>
      <Hint id={hintId}>{hint}</Hint>
      <div className={columns ? "choices choices--columns" : "choices"}>
        {options.map((o, i) => {
          const optionId = `${id}-${i}`;
          const descriptionId = o.description ? `${optionId}-description` : undefined;
          return (
            <div className="choice" key={o.value}>
              <input
                type={type}
                id={optionId}
                name={name}
                value={o.value}
                defaultChecked={chosen.has(o.value)}
                aria-describedby={descriptionId}
                onChange={onChange ? (e) => onChange(o.value, e.currentTarget.checked) : undefined}
              />
              <div className="choice__text">
                <label htmlFor={optionId}>{o.label}</label>
                {o.description ? (
                  <span className="choice__description" id={descriptionId}>
                    {o.description}
                  </span>
                ) : null}
              </div>
            </div>
          );
        })}
      </div>
      <FieldError id={errorId} errors={errors} />
    </fieldset>
  );
}

/** One checkbox with its label (and an optional hint). */
export function CheckboxField({
  label,
  name,
  hint,
  defaultChecked,
  errors,
}: {
  label: ReactNode;
  name: string;
  hint?: ReactNode;
  defaultChecked?: boolean;
  errors?: string[];
}) {
  const { id, hintId, errorId } = useFieldIds(hint, errors);
  return (
    <div className="field">
      <div className="choice">
        <input
          type="checkbox"
          id={id}
          name={name}
          defaultChecked={defaultChecked}
          aria-describedby={describedBy(hintId, errorId)}
        />
        <div className="choice__text">
          <label htmlFor={id}>{label}</label>
          {hint ? (
            <span className="choice__description" id={hintId}>
              {hint}
            </span>
          ) : null}
        </div>
      </div>
      <FieldError id={errorId} errors={errors} />
    </div>
  );
}

/** The first value of a kept form value (after a failed submit), or the fallback. */
export function kept(
  values: Record<string, string | string[]> | undefined,
  name: string,
  fallback?: string | null,
): string | undefined {
  const v = values?.[name];
  if (v === undefined) return fallback ?? undefined;
  return Array.isArray(v) ? v[0] : v;
}

/**
 * All non-empty values of a kept list field (checkboxes, chosen ids). The fallback applies only
 * when nothing was submitted: after a failed submit, a missing name means nothing was checked.
 */
export function keptList(
  values: Record<string, string | string[]> | undefined,
  name: string,
  fallback: readonly string[] = [],
): string[] {
  if (!values) return [...fallback];
  const v = values[name];
  if (v === undefined) return [];
  return (Array.isArray(v) ? v : [v]).filter(Boolean);
}
