// Search-as-you-type over the JobTech occupations or skills: the ARIA 1.2 combobox pattern
// (https://www.w3.org/WAI/ARIA/apg/patterns/combobox/) with a list popup.
//
// Keyboard: type to search; ↓/↑ move through the suggestions (wrapping); Enter chooses; Escape
// closes the list, and a second Escape clears the field; Tab leaves. The active suggestion is
// announced through aria-activedescendant and a polite status line says how many were found.
//
// The form posts the chosen id(s) in hidden inputs (`name`) and the typed text (`queryName`).
// Without JavaScript the text field still posts: the server takes an exact label, otherwise it
// answers with suggestions to choose from (SuggestionChoices below).
import { useEffect, useId, useRef, useState, type KeyboardEvent } from "react";
import { FieldError } from "./forms.tsx";

export type ConceptOption = { id: string; label: string; detail?: string };
type Kind = "occupation" | "skill";

const DEBOUNCE_MS = 150;
const MIN_CHARS = 2;

const kindParam: Record<Kind, string> = { occupation: "yrke", skill: "kompetens" };

function useSuggestions(kind: Kind) {
  const [options, setOptions] = useState<ConceptOption[]>([]);
  const [loading, setLoading] = useState(false);
  const controller = useRef<AbortController | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  useEffect(
    () => () => {
      controller.current?.abort();
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );

  function search(query: string, onDone: (options: ConceptOption[]) => void) {
    if (timer.current) clearTimeout(timer.current);
    controller.current?.abort();
    const q = query.trim();
    if (q.length < MIN_CHARS) {
      setOptions([]);
      setLoading(false);
      return;
    }
    setLoading(true);
    timer.current = setTimeout(async () => {
      const ac = new AbortController();
      controller.current = ac;
      try {
        const response = await fetch(`/api/vokabular?${new URLSearchParams({ q, typ: kindParam[kind] })}`, {
          signal: ac.signal,
          headers: { Accept: "application/json" },
        });
        if (!response.ok) throw new Error(`status ${response.status}`);
        const body = (await response.json()) as { hits: ConceptOption[] };
        setOptions(body.hits);
        onDone(body.hits);
      } catch (error) {
        if ((error as Error).name !== "AbortError") {
          setOptions([]);
          onDone([]);
        }
      } finally {
        if (controller.current === ac) setLoading(false);
      }
    }, DEBOUNCE_MS);
  }

  return { options, loading, search, clear: () => setOptions([]) };
}

type Props = {
  kind: Kind;
  label: string;
  /** Name of the hidden input(s) with the chosen id(s). */
  name: string;
  /** Name of the text input (what was typed). */
  queryName: string;
  hint?: string;
  errors?: string[];
  /** Several choices (skills): chosen ones are listed with a remove button each. */
  multiple?: boolean;
  max?: number;
  defaultSelected?: ConceptOption[];
  defaultQuery?: string;
  /** What a chosen item is called in announcements: "yrke", "kompetens". */
  noun: string;
};

export function VocabularyCombobox({ kind, label, name, queryName, hint, errors, multiple = false, max = 20, defaultSelected = [], defaultQuery, noun }: Props) {
  const id = useId();
  const inputId = `${id}-input`;
  const listId = `${id}-list`;
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = errors?.length ? `${id}-error` : undefined;
  const chosenId = `${id}-chosen`;
  const [selected, setSelected] = useState<ConceptOption[]>(defaultSelected);
  const [text, setText] = useState(defaultQuery ?? (multiple ? "" : (defaultSelected[0]?.label ?? "")));
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [status, setStatus] = useState("");
  const { options, loading, search, clear } = useSuggestions(kind);
  const inputRef = useRef<HTMLInputElement>(null);

  const optionId = (i: number) => `${id}-option-${i}`;

  function onType(value: string) {
    setText(value);
    setActive(-1);
    if (!multiple && selected[0] && value !== selected[0].label) setSelected([]);
    if (value.trim().length < MIN_CHARS) {
      setOpen(false);
      clear();
      setStatus("");
      return;
    }
    search(value, (found) => {
      setOpen(found.length > 0);
      setStatus(found.length ? `${found.length} förslag. Använd pil upp och pil ned och tryck Enter för att välja.` : "Inga förslag. Prova ett annat ord.");
    });
  }

  function choose(option: ConceptOption) {
    if (multiple) {
      if (selected.some((s) => s.id === option.id)) {
        setStatus(`${option.label} är redan vald.`);
      } else if (selected.length >= max) {
        setStatus(`Du kan välja högst ${max}.`);
      } else {
        setSelected([...selected, option]);
        setStatus(`${option.label} tillagd. ${selected.length + 1} valda.`);
      }
      setText("");
    } else {
      setSelected([option]);
      setText(option.label);
      setStatus(`Valt ${noun}: ${option.label}.`);
    }
    setOpen(false);
    setActive(-1);
    clear();
  }

  function remove(option: ConceptOption) {
    setSelected(selected.filter((s) => s.id !== option.id));
    setStatus(`${option.label} borttagen.`);
    inputRef.current?.focus();
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    const count = options.length;
    switch (event.key) {
      case "ArrowDown":
        if (count === 0) return;
        event.preventDefault();
        if (!open) setOpen(true);
        setActive((i) => (i + 1) % count);
        break;
      case "ArrowUp":
        if (count === 0) return;
        event.preventDefault();
        if (!open) setOpen(true);
        setActive((i) => (i <= 0 ? count - 1 : i - 1));
        break;
      case "Enter":
        if (open && active >= 0 && options[active]) {
          event.preventDefault();
          choose(options[active]);
        } else if (open && count > 0) {
          // Enter in an open list with nothing highlighted: don't submit the form by accident.
          event.preventDefault();
        }
        break;
      case "Escape":
        if (open) {
          event.preventDefault();
          setOpen(false);
          setActive(-1);
        } else if (text) {
          event.preventDefault();
          setText("");
          if (!multiple) setSelected([]);
          setStatus("Fältet tömt.");
        }
        break;
      case "Tab":
        setOpen(false);
        break;
    }
  }

  const expanded = open && options.length > 0;

  return (
    <div className="field combobox">
      <label htmlFor={inputId}>{label}</label>
      {hint ? (
        <span className="hint" id={hintId}>
          {hint}
        </span>
      ) : null}
      <div className="combobox__wrap">
        <input
          ref={inputRef}
          id={inputId}
          type="text"
          name={queryName}
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={expanded}
          aria-controls={listId}
          aria-activedescendant={expanded && active >= 0 ? optionId(active) : undefined}
          aria-invalid={errorId ? true : undefined}
          aria-describedby={[hintId, !multiple && selected[0] ? chosenId : undefined, errorId].filter(Boolean).join(" ") || undefined}
          autoComplete="off"
          spellCheck={false}
          value={text}
          onChange={(e) => onType(e.currentTarget.value)}
          onKeyDown={onKeyDown}
          onBlur={() => {
            setOpen(false);
            setActive(-1);
          }}
          onFocus={() => {
            if (options.length > 0 && text.trim().length >= MIN_CHARS && (multiple || !selected[0])) setOpen(true);
          }}
        />
        <ul id={listId} role="listbox" aria-label={`Förslag: ${label}`} className="combobox__list" hidden={!expanded}>
          {options.map((o, i) => (
            <li
              key={o.id}
              id={optionId(i)}
              role="option"
              aria-selected={i === active}
              className={i === active ? "combobox__option combobox__option--active" : "combobox__option"}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => choose(o)}
              onMouseMove={() => setActive(i)}
            >
              <span>{o.label}</span>
              {o.detail ? <span className="combobox__detail">{o.detail}</span> : null}
            </li>
          ))}
        </ul>
      </div>
      {loading ? <span className="visually-hidden">Söker …</span> : null}
      <div role="status" aria-live="polite" className="visually-hidden">
        {status}
      </div>
      {multiple ? (
        selected.length > 0 ? (
          <ul className="chips" aria-label={`Valda: ${label}`}>
            {selected.map((s) => (
              <li key={s.id} className="chip">
                <span>{s.label}</span>
                <input type="hidden" name={name} value={s.id} />
                <button type="button" className="chip__remove" onClick={() => remove(s)} aria-label={`Ta bort ${s.label}`}>
                  <span aria-hidden="true">×</span>
                </button>
              </li>
            ))}
          </ul>
        ) : null
      ) : (
        <>
          <input type="hidden" name={name} value={selected[0]?.id ?? ""} />
          {selected[0] ? (
            <p className="combobox__chosen" id={chosenId}>
              Valt {noun}: <strong>{selected[0].label}</strong>
            </p>
          ) : null}
        </>
      )}
      <FieldError id={errorId} errors={errors} />
    </div>
  );
}

/** "Menade du …?": suggestions from the server after typed text matched no label exactly. */
export function SuggestionChoices({ name, legend, options, type }: { name: string; legend: string; options: ConceptOption[]; type: "radio" | "checkbox" }) {
  const id = useId();
  if (options.length === 0) return null;
  return (
    <fieldset className="field suggestions">
      <legend>{legend}</legend>
      {options.map((o, i) => (
        <div className="choice" key={o.id}>
          <input type={type} id={`${id}-${i}`} name={name} value={o.id} aria-describedby={o.detail ? `${id}-${i}-detail` : undefined} />
          <div className="choice__text">
            <label htmlFor={`${id}-${i}`}>{o.label}</label>
            {o.detail ? (
              <span className="choice__description" id={`${id}-${i}-detail`}>
                {o.detail}
              </span>
            ) : null}
          </div>
        </div>
      ))}
    </fieldset>
  );
}
