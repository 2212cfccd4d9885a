// Accessible choice fields to go with Field (forms.tsx): radio and checkbox groups in a fieldset
// with a legend, selects and text areas with their label, hint and error tied to the control.
import { useId, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from "react";
import { FieldError } from "./forms.tsx";

type Option = { value: string; label: string };

type GroupProps = {
  legend: ReactNode;
  name: string;
  options: ReadonlyArray<Option>;
  hint?: ReactNode;
  errors?: string[];
  className?: string;
};

function useDescribedBy(hint: ReactNode, errors?: string[]) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = errors?.length ? `${id}-error` : undefined;
  return { id, hintId, errorId, describedBy: [hintId, errorId].filter(Boolean).join(" ") || undefined };
}

export function RadioGroup({ legend, name, options, hint, errors, defaultValue, className }: GroupProps & { defaultValue?: string | null }) {
  const { id, hintId, errorId, describedBy } = useDescribedBy(hint, errors);
  return (
    <fieldset className={`field ${className ?? ""}`} aria-describedby={describedBy} aria-invalid={errorId ? true : undefined}>
      <legend>{legend}</legend>
      {hint ? (
        <span className="hint" id={hintId}>
          {hint}
        </span>
      ) : null}
      <div className="choices">
        {options.map((o) => (
          <div className="choice" key={o.value}>
            <input type="radio" id={`${id}-${o.value}`} name={name} value={o.value} defaultChecked={defaultValue === o.value} />
            <label htmlFor={`${id}-${o.value}`}>{o.label}</label>
          </div>
        ))}
      </div>
      <FieldError id={errorId} errors={errors} />
    </fieldset>
  );
}

export function CheckboxGroup({ legend, name, options, hint, errors, defaultValues, className }: GroupProps & { defaultValues?: readonly string[] }) {
  const { id, hintId, errorId, describedBy } = useDescribedBy(hint, errors);
  const checked = new Set(defaultValues ?? []);
  return (
    <fieldset className={`field ${className ?? ""}`} aria-describedby={describedBy} aria-invalid={errorId ? true : undefined}>
      <legend>{legend}</legend>
      {hint ? (
        <span className="hint" id={hintId}>
          {hint}
        </span>
      ) : null}
      <div className="choices">
        {options.map((o) => (
          <div className="choice" key={o.value}>
            <input type="checkbox" id={`${id}-${o.value}`} name={name} value={o.value} defaultChecked={checked.has(o.value)} />
            <label htmlFor={`${id}-${o.value}`}>{o.label}</label>
          </div>
        ))}
      </div>
      <FieldError id={errorId} errors={errors} />
    </fieldset>
  );
}

type SelectProps = {
  label: ReactNode;
  name: string;
  options: ReadonlyArray<Option>;
  hint?: ReactNode;
  errors?: string[];
  /** Text of an empty first option ("Välj …"); omitted when not given. */
  placeholder?: string;
  selectProps?: SelectHTMLAttributes<HTMLSelectElement>;
};

export function SelectField({ label, name, options, hint, errors, placeholder, selectProps }: SelectProps) {
  const { id, hintId, errorId, describedBy } = useDescribedBy(hint, errors);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <span className="hint" id={hintId}>
          {hint}
        </span>
      ) : null}
      <select id={id} name={name} aria-invalid={errorId ? true : undefined} aria-describedby={describedBy} {...selectProps}>
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <FieldError id={errorId} errors={errors} />
    </div>
  );
}

type TextAreaProps = {
  label: ReactNode;
  name: string;
  hint?: ReactNode;
  errors?: string[];
  textareaProps?: TextareaHTMLAttributes<HTMLTextAreaElement>;
};

export function TextAreaField({ label, name, hint, errors, textareaProps }: TextAreaProps) {
  const { id, hintId, errorId, describedBy } = useDescribedBy(hint, errors);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <span className="hint" id={hintId}>
          {hint}
        </span>
      ) : null}
      <textarea id={id} name={name} aria-invalid={errorId ? true : undefined} aria-describedby={describedBy} {...textareaProps} />
      <FieldError id={errorId} errors={errors} />
    </div>
  );
}

/** The first value of a kept form value (after a failed submit), or the fallback. */
export function kept(values: Record<string, string | string[]> | undefined, name: string, fallback?: string | null): string | undefined {
  const v = values?.[name];
  if (v === undefined) return fallback ?? undefined;
  return Array.isArray(v) ? v[0] : v;
}

/** All values of a kept list field (checkboxes), or the fallback. */
export function keptList(values: Record<string, string | string[]> | undefined, name: string, fallback: readonly string[] = []): string[] {
  if (!values) return [...fallback];
  const v = values[name];
  if (v === undefined) return [];
  return Array.isArray(v) ? v : [v];
}
