// Pick several items from a vocabulary (occupations, skills, SSYK groups, languages): an
// accessible combobox (WAI-ARIA 1.2 pattern, list autocomplete) that adds chosen items to a list
// of removable chips. Each chosen item is submitted as a hidden input `name=<id>`, so the form
// posts plain ids that the server checks against the reference tables.
//
// Options come from a resource route (`remote`: occupation or skill, searched as you type with
// the search engine's typo-tolerant suggestions) or from a list given by the page (`options`,
// filtered here with diacritics folded).
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from "react";
import { FieldError } from "./forms.tsx";

export type PickerItem = { id: string; label: string; detail?: string };

type Source = { remote: "occupation" | "skill" | "employer" } | { options: PickerItem[] };

type Props = {
  name: string;
  label: string;
  hint?: string;
  selected: PickerItem[];
  source: Source;
  errors?: string[];
  /** One item only (e.g. the occupation of an experience entry). */
  single?: boolean;
  /** What the list of chosen items is called for screen readers, e.g. "Valda yrken". */
  selectedLabel?: string;
};

export const VOCABULARY_SEARCH_PATH = "/coach/vokabular";

function fold(text: string): string {
  return text.normalize("NFD").replace(/\p{Diacritic}/gu, "").toLowerCase();
}

export function filterOptions(options: PickerItem[], query: string, limit = 12): PickerItem[] {
  const q = fold(query.trim());
  if (!q) return [];
  const starts: PickerItem[] = [];
  const contains: PickerItem[] = [];
  for (const option of options) {
    const label = fold(option.label);
    if (label.startsWith(q) || label.split(/[\s/(-]+/).some((w) => w.startsWith(q))) starts.push(option);
    else if (label.includes(q)) contains.push(option);
    if (starts.length >= limit) break;
  }
  return [...starts, ...contains].slice(0, limit);
}

export function VocabularyPicker({ name, label, hint, selected: initial, source, errors, single, selectedLabel }: Props) {
  const id = useId();
  const inputId = `${id}-input`;
  const listId = `${id}-list`;
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = errors?.length ? `${id}-error` : undefined;
  const [selected, setSelected] = useState<PickerItem[]>(initial);
  const [query, setQuery] = useState("");
  const [results, setResults] = useState<PickerItem[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [status, setStatus] = useState("");
  const inputRef = useRef<HTMLInputElement>(null);
  const localOptions = "options" in source ? source.options : null;
  const remoteKind = "remote" in source ? source.remote : null;
  const selectedIds = useMemo(() => new Set(selected.map((s) => s.id)), [selected]);

  useEffect(() => {
    const q = query.trim();
    if (!q) {
      setResults([]);
      setOpen(false);
      return;
    }
    if (localOptions) {
      const found = filterOptions(localOptions, q).filter((o) => !selectedIds.has(o.id));
      setResults(found);
      setOpen(true);
      setActive(found.length > 0 ? 0 : -1);
      setStatus(found.length === 0 ? "Inga träffar." : `${found.length} förslag. Använd pil upp och ner för att välja.`);
      return;
    }
    const controller = new AbortController();
    const timer = setTimeout(() => {
      fetch(`${VOCABULARY_SEARCH_PATH}?${new URLSearchParams({ kind: remoteKind ?? "occupation", q })}`, { signal: controller.signal })
        .then((r) => (r.ok ? (r.json() as Promise<{ items: PickerItem[] }>) : { items: [] }))
        .then(({ items }) => {
          const found = items.filter((o) => !selectedIds.has(o.id));
          setResults(found);
          setOpen(true);
          setActive(found.length > 0 ? 0 : -1);
          setStatus(found.length === 0 ? "Inga träffar." : `${found.length} förslag. Använd pil upp och ner för att välja.`);
        })
        .catch(() => {});
    }, 150);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [query, localOptions, remoteKind, selectedIds]);

  function choose(item: PickerItem) {
    setSelected((current) => (single ? [item] : current.some((s) => s.id === item.id) ? current : [...current, item]));
    setQuery("");
    setResults([]);
    setOpen(false);
    setActive(-1);
    setStatus(`${item.label} har lagts till.`);
    inputRef.current?.focus();
  }

  function remove(item: PickerItem) {
    setSelected((current) => current.filter((s) => s.id !== item.id));
    setStatus(`${item.label} har tagits bort.`);
    inputRef.current?.focus();
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === "ArrowDown") {
      event.preventDefault();
      if (!open && results.length > 0) setOpen(true);
      setActive((i) => (results.length === 0 ? -1 : (i + 1) % results.length));
    } else if (event.key === "ArrowUp") {
      event.preventDefault();
      setActive((i) => (results.length === 0 ? -1 : (i - 1 + results.length) % results.length));
    } else if (event.key === "Enter") {
      // Enter picks the highlighted option instead of submitting the form.
      if (open && active >= 0 && results[active]) {
        event.preventDefault();
        choose(results[active]);
      } else if (query.trim()) {
        event.preventDefault();
      }
    } else if (event.key === "Escape") {
      if (open) {
        event.preventDefault();
        setOpen(false);
      } else setQuery("");
    }
  }

  const describedBy = [hintId, errorId].filter(Boolean).join(" ") || undefined;
  const activeId = open && active >= 0 ? `${id}-opt-${active}` : undefined;

  return (
    <div className="field picker">
      <label htmlFor={inputId}>{label}</label>
      {hint ? (
        <span className="hint" id={hintId}>
          {hint}
        </span>
      ) : null}
      <ul className="chips" aria-label={selectedLabel ?? `Valda: ${label.toLowerCase()}`}>
        {selected.length === 0 ? <li className="muted chips__empty">Inget valt ännu.</li> : null}
        {selected.map((item) => (
          <li key={item.id} className="chip">
            <span>{item.label}</span>
            <input type="hidden" name={name} value={item.id} />
            <button type="button" className="chip__remove" onClick={() => remove(item)} aria-label={`Ta bort ${item.label}`}>
              <span aria-hidden="true">×</span>
            </button>
          </li>
        ))}
      </ul>
      <div className="picker__box">
        <input
          ref={inputRef}
          id={inputId}
          type="text"
          role="combobox"
          autoComplete="off"
          aria-autocomplete="list"
          aria-expanded={open}
          aria-controls={listId}
          aria-activedescendant={activeId}
          aria-invalid={errorId ? true : undefined}
          aria-describedby={describedBy}
          placeholder="Skriv för att söka"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={onKeyDown}
          onBlur={() => setTimeout(() => setOpen(false), 150)}
          onFocus={() => results.length > 0 && setOpen(true)}
        />
        <ul id={listId} role="listbox" aria-label={`Förslag: ${label.toLowerCase()}`} className="picker__list" hidden={!open || results.length === 0}>
          {results.map((item, index) => (
            <li
              key={item.id}
              id={`${id}-opt-${index}`}
              role="option"
              aria-selected={index === active}
              className={index === active ? "picker__option picker__option--active" : "picker__option"}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => choose(item)}
            >
              {item.label}
              {item.detail ? <span className="muted"> – {item.detail}</span> : null}
            </li>
          ))}
        </ul>
      </div>
      <p className="visually-hidden" role="status" aria-live="polite">
        {status}
      </p>
      <FieldError id={errorId} errors={errors} />
    </div>
  );
}
