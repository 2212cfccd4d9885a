// The one search-as-you-type field of Brygga: the ARIA 1.2 combobox pattern
// (https://www.w3.org/WAI/ARIA/apg/patterns/combobox/) with a list popup, for occupations, skills
// and employers (searched on the server through /api/vokabular) or a list the page gives
// (occupation groups, languages: filtered here with diacritics folded).
//
// Keyboard: type to search; ↓ highlights the first suggestion and then the next, ↑ the previous
// (or the last when none is highlighted); Enter chooses; Escape closes the list, and a second Escape
// clears the field; Tab leaves. The active suggestion is announced through aria-activedescendant and
// a polite status line says how many were found and what was chosen.
//
// The form posts the chosen id(s) in hidden inputs (`name`): one choice shows in the text field
// itself, several choices as a list of removable chips. With `queryName` the typed text is posted
// too, so that without JavaScript the server can take an exact label or answer with suggestions
// to choose from (SuggestionChoices below).
import { useEffect, useId, useRef, useState, type KeyboardEvent } from "react";
import { FieldError, Hint } from "./forms.tsx";

export type ComboboxOption = { id: string; label: string; detail?: string };

/** What /api/vokabular searches (employers for staff only). */
export type VocabularyKind = "occupation" | "skill" | "employer";

export type ComboboxSource = { remote: VocabularyKind } | { options: ComboboxOption[] };

export const VOCABULARY_PATH = "/api/vokabular";
const kindParam: Record<VocabularyKind, string> = { occupation: "yrke", skill: "kompetens", employer: "arbetsgivare" };

const DEBOUNCE_MS = 150;
/** Characters typed before the server is asked; a list given by the page is filtered from the first. */
const MIN_CHARS_REMOTE = 2;

function fold(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .toLowerCase();
}

/** Options whose label (or a word of it) starts with the query first, then those containing it. */
function filterOptions(options: ComboboxOption[], query: string, limit = 12): ComboboxOption[] {
  const q = fold(query.trim());
  if (!q) return [];
  const starts: ComboboxOption[] = [];
  const contains: ComboboxOption[] = [];
  for (const option of options) {
    const label = fold(option.label);
    if (label.startsWith(q) || label.split(/[\s/(-]+/).some((w) => w.startsWith(q))) starts.push(option);
    else if (label.includes(q)) contains.push(option);
    if (starts.length >= limit) break;
  }
  return [...starts, ...contains].slice(0, limit);
}

function useSuggestions(source: ComboboxSource) {
  const [options, setOptions] = useState<ComboboxOption[]>([]);
  const [loading, setLoading] = useState(false);
  const controller = useRef<AbortController | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const minChars = "options" in source ? 1 : MIN_CHARS_REMOTE;

  function cancel() {
    if (timer.current) clearTimeout(timer.current);
    controller.current?.abort();
  }

  useEffect(() => cancel, []);

  /** Searches, leaving out options `keep` refuses (already chosen), and tells `onDone` what was found. */
  function search(
    query: string,
    keep: (option: ComboboxOption) => boolean,
    onDone: (options: ComboboxOption[]) => void,
  ) {
    cancel();
    const q = query.trim();
    if (q.length < minChars) {
      setOptions([]);
      setLoading(false);
      return;
    }
    if ("options" in source) {
      const found = filterOptions(source.options, q).filter(keep);
      setOptions(found);
      onDone(found);
      return;
    }
    const kind = source.remote;
    setLoading(true);
    timer.current = setTimeout(async () => {
      const ac = new AbortController();
      controller.current = ac;
      try {
        const response = await fetch(`${VOCABULARY_PATH}?${new URLSearchParams({ q, typ: kindParam[kind] })}`, {
          signal: ac.signal,
          headers: { Accept: "application/json" },
        });
        if (!response.ok) throw new Error(`status ${response.status}`);
        const body = (await response.json()) as { hits: ComboboxOption[] };
        const found = body.hits.filter(keep);
        setOptions(found);
        onDone(found);
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

  return { options, loading, minChars, search, clear: () => setOptions([]) };
}

type Props = {
  label: string;
  /** Name of the hidden input(s) with the chosen id(s). */
  name: string;
  source: ComboboxSource;
  /**
   * Several choices: the chosen ones are listed as chips, and this names that list ("Valda yrken").
   * One choice: this starts the line that shows it, "Valt yrke: Kock", also said when chosen.
   */
  selectedLabel: string;
  multiple?: boolean;
  /** With `multiple`: at most this many. */
  max?: number;
  /** Also post the typed text under this name (no-JS fallback, resolved by the server). */
  queryName?: string;
  hint?: string;
  errors?: string[];
  defaultSelected?: ComboboxOption[];
  defaultQuery?: string;
};

export function Combobox({
  label,
  name,
  source,
  selectedLabel,
  multiple = false,
  max,
  queryName,
  hint,
  errors,
  defaultSelected = [],
  defaultQuery,
}: Props) {
  const id = useId();
  const inputId = `${id}-input`;
  const listId = `${id}-list`;
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = errors?.length ? `${id}-error` : undefined;
  const chosenId = `${id}-chosen`;
  const [selected, setSelected] = useState<ComboboxOption[]>(defaultSelected);
  const [text, setText] = useState(defaultQuery ?? (multiple ? "" : (defaultSelected[0]?.label ?? "")));
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [status, setStatus] = useState("");
  const { options, loading, minChars, search, clear } = useSuggestions(source);
  const inputRef = useRef<HTMLInputElement>(null);

  const optionId = (i: number) => `${id}-option-${i}`;

  function onType(value: string) {
    setText(value);
    setActive(-1);
    if (!multiple && selected[0] && value !== selected[0].label) setSelected([]);
    if (value.trim().length < minChars) {
      setOpen(false);
      clear();
      setStatus("");
      return;
    }
    const chosen = new Set(multiple ? selected.map((s) => s.id) : []);
    search(
      value,
      (o) => !chosen.has(o.id),
      (found) => {
        setOpen(found.length > 0);
        setStatus(
          found.length
            ? `${found.length} förslag. Använd pil upp och pil ned och tryck Enter för att välja.`
            : "Inga förslag. Prova ett annat ord.",
        );
      },
    );
  }

  function choose(option: ComboboxOption) {
    if (multiple) {
      if (selected.some((s) => s.id === option.id)) {
        setStatus(`${option.label} är redan vald.`);
      } else if (max !== undefined && selected.length >= max) {
        setStatus(`Du kan välja högst ${max}.`);
      } else {
        setSelected([...selected, option]);
        setStatus(`${option.label} tillagd. ${selected.length + 1} valda.`);
      }
      setText("");
    } else {
      setSelected([option]);
      setText(option.label);
      setStatus(`${selectedLabel}: ${option.label}.`);
    }
    setOpen(false);
    setActive(-1);
    clear();
  }

  function remove(option: ComboboxOption) {
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
        setActive((i) => Math.min(i + 1, count - 1));
        break;
      case "ArrowUp":
        if (count === 0) return;
        event.preventDefault();
        if (!open) setOpen(true);
        setActive((i) => (i < 0 ? count - 1 : Math.max(i - 1, 0)));
        break;
      case "Enter":
        if (open && active >= 0 && options[active]) {
          event.preventDefault();
          choose(options[active]);
        } else if ((open && count > 0) || (!queryName && text.trim())) {
          // Don't submit the form by accident: the list is open with nothing highlighted, or the
          // typed text would not be posted anyway.
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
      <Hint id={hintId}>{hint}</Hint>
      {multiple ? (
        <ul className="chips" aria-label={selectedLabel}>
          {selected.length === 0 ? <li className="muted chips__empty">Inget valt ännu.</li> : null}
          {selected.map((s) => (
            <li key={s.id} className="chip">
              <span>{s.label}</span>
              <input type="hidden" name={name} value={s.id} />
              <button
                type="button"
                className="chip__remove"
                onClick={() => remove(s)}
                aria-label={`Ta bort ${s.label}`}
              >
                <span aria-hidden="true">×</span>
              </button>
            </li>
          ))}
        </ul>
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
          aria-describedby={
            [hintId, !multiple && selected[0] ? chosenId : undefined, errorId].filter(Boolean).join(" ") || undefined
          }
          autoComplete="off"
          spellCheck={false}
          placeholder="Skriv för att söka"
          value={text}
          onChange={(e) => onType(e.currentTarget.value)}
          onKeyDown={onKeyDown}
          onBlur={() => {
            setOpen(false);
            setActive(-1);
          }}
          onFocus={() => {
            if (options.length > 0 && text.trim().length >= minChars && (multiple || !selected[0])) setOpen(true);
          }}
        />
        <ul id={listId} role="listbox" aria-label={`Förslag: ${label}`} className="combobox__list" hidden={!expanded}>
          {options.map((o, i) => (
            // Options are chosen with the keyboard on the input (aria-activedescendant); a click is the pointer's way.
            // eslint-disable-next-line jsx-a11y/click-events-have-key-events
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
              {o.detail ? (
                <span className="combobox__detail">
                  <span className="visually-hidden"> – </span>
                  {o.detail}
                </span>
              ) : null}
            </li>
          ))}
        </ul>
      </div>
      {loading ? <span className="visually-hidden">Söker …</span> : null}
      <div role="status" aria-live="polite" className="visually-hidden">
        {status}
      </div>
      {!multiple ? (
        <>
          <input type="hidden" name={name} value={selected[0]?.id ?? ""} />
          {selected[0] ? (
            <p className="combobox__chosen" id={chosenId}>
              {selectedLabel}: <strong>{selected[0].label}</strong>
            </p>
          ) : null}
        </>
      ) : null}
      <FieldError id={errorId} errors={errors} />
    </div>
  );
}

/** "Menade du …?": suggestions from the server after typed text matched no label exactly. */
export function SuggestionChoices({
  name,
  legend,
  options,
  type,
}: {
  name: string;
  legend: string;
  options: ComboboxOption[];
  type: "radio" | "checkbox";
}) {
  const id = useId();
  if (options.length === 0) return null;
  return (
    <fieldset className="field suggestions">
      <legend>{legend}</legend>
      {options.map((o, i) => (
        <div className="choice" key={o.id}>
          <input
            type={type}
            id={`${id}-${i}`}
            name={name}
            value={o.id}
            aria-describedby={o.detail ? `${id}-${i}-detail` : undefined}
          />
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
