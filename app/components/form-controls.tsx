// More accessible form controls, in the style of forms.tsx: every control has a label (or a
// legend for a group), an optional hint, and its error next to it, tied with aria-describedby.
import { useId, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from "react";
import { FieldError } from "./forms.tsx";

function describedBy(...ids: Array<string | undefined>) {
  return ids.filter(Boolean).join(" ") || undefined;
}

type Common = { label: ReactNode; name: string; hint?: ReactNode; errors?: string[]; className?: string };

export function TextareaField({ label, name, hint, errors, className, textareaProps }: Common & { textareaProps?: TextareaHTMLAttributes<HTMLTextAreaElement> }) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = errors?.length ? `${id}-error` : undefined;
  return (
    <div className={["field", className].filter(Boolean).join(" ")}>
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <span className="hint" id={hintId}>
          {hint}
        </span>
      ) : null}
      <textarea id={id} name={name} aria-invalid={errorId ? true : undefined} aria-describedby={describedBy(hintId, errorId)} {...textareaProps} />
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
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = errors?.length ? `${id}-error` : undefined;
  return (
    <div className={["field", className].filter(Boolean).join(" ")}>
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <span className="hint" id={hintId}>
          {hint}
        </span>
      ) : null}
      <select id={id} name={name} aria-invalid={errorId ? true : undefined} aria-describedby={describedBy(extraDescribedBy, hintId, errorId)} {...selectProps}>
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
  defaultValue?: string | readonly string[];
  className?: string;
  /** Lay the choices out in columns on wide screens. */
  columns?: boolean;
  onChange?: (value: string, checked: boolean) => void;
}) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = errors?.length ? `${id}-error` : undefined;
  const chosen = new Set(defaultValue === undefined ? [] : typeof defaultValue === "string" ? [defaultValue] : defaultValue);
  return (
    <fieldset className={["field", className].filter(Boolean).join(" ")} aria-describedby={describedBy(hintId, errorId)}>
      <legend>{legend}</legend>
      {hint ? (
        <span className="hint" id={hintId}>
          {hint}
        </span>
      ) : null}
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
export function CheckboxField({ label, name, hint, defaultChecked, errors }: { label: ReactNode; name: string; hint?: ReactNode; defaultChecked?: boolean; errors?: string[] }) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = errors?.length ? `${id}-error` : undefined;
  return (
    <div className="field">
      <div className="choice">
        <input type="checkbox" id={id} name={name} defaultChecked={defaultChecked} aria-describedby={describedBy(hintId, errorId)} />
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

/** A value from submitted values (string, or the first of a list). */
export function valueOf(values: Record<string, string | string[]> | undefined, name: string, fallback = ""): string {
  const v = values?.[name];
  if (v === undefined) return fallback;
  return Array.isArray(v) ? (v[0] ?? fallback) : v;
}

/** A list from submitted values (checkbox groups). */
export function listOf(values: Record<string, string | string[]> | undefined, name: string, fallback: readonly string[] = []): string[] {
  const v = values?.[name];
  if (v === undefined) return [...fallback];
  return (Array.isArray(v) ? v : [v]).filter(Boolean);
}
