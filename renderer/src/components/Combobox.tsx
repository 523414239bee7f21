import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { KeyboardEvent, Ref } from 'react';
import { normalize } from '../text';

export interface ComboOption {
  value: string;
  /** Shown in the input once chosen, e.g. "PET-GEN · Petición general". */
  label: string;
  /** Extra text in the list and under the input, e.g. "15 días hábiles". */
  description?: string;
}

interface ComboboxProps {
  id: string;
  options: ComboOption[];
  value: string | null;
  onChange: (value: string | null) => void;
  listLabel: string;
  inputRef?: Ref<HTMLInputElement>;
  invalid?: boolean;
  describedBy?: string | undefined;
  placeholder?: string;
  disabled?: boolean;
}

/** Options whose code starts with, or whose name contains, the query; exact code first. */
export function filterOptions(options: ComboOption[], query: string): ComboOption[] {
  const q = normalize(query);
  if (!q) return options;
  const scored: { o: ComboOption; score: number }[] = [];
  for (const o of options) {
    const code = normalize(o.value);
    const label = normalize(o.label);
    let score = -1;
    if (code === q) score = 0;
    else if (code.startsWith(q)) score = 1;
    else if (label.includes(q)) score = 2;
    else if (o.description && normalize(o.description).includes(q)) score = 3;
    if (score >= 0) scored.push({ o, score });
  }
  return scored.sort((a, b) => a.score - b.score).map((s) => s.o);
}

/**
 * An editable combobox with a list popup (WAI-ARIA 1.2): type a code or words of the name,
 * ArrowDown/ArrowUp to move, Enter to choose, Escape to close. With the list closed, Enter is left
 * to the form (it radicates).
 */
export function Combobox(props: ComboboxProps) {
  const { id, options, value, onChange, listLabel, inputRef, invalid, describedBy, placeholder, disabled } = props;
  const listId = useId();
  const selected = options.find((o) => o.value === value) ?? null;
  const [query, setQuery] = useState(selected?.label ?? '');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const listRef = useRef<HTMLUListElement>(null);
  /** Set when typing clears the choice, so the text the clerk is typing is kept. */
  const clearedByTyping = useRef(false);

  // Keep the text in step when the value changes from outside (reset for the next citizen).
  const selectedLabel = selected?.label ?? '';
  useEffect(() => {
    if (clearedByTyping.current) {
      clearedByTyping.current = false;
      return;
    }
    setQuery(selectedLabel);
  }, [selectedLabel]);

  const filtered = useMemo(
    () => (selected && query === selected.label ? options : filterOptions(options, query)),
    [options, query, selected],
  );

  useEffect(() => {
    if (!open) return;
    const el = listRef.current?.querySelector<HTMLElement>(`[data-index="${active}"]`);
    el?.scrollIntoView?.({ block: 'nearest' });
  }, [active, open]);

  const choose = (o: ComboOption) => {
    onChange(o.value);
    setQuery(o.label);
    setOpen(false);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    switch (e.key) {
      case 'ArrowDown':
        e.preventDefault();
        if (!open) {
          setOpen(true);
          setActive(Math.max(0, filtered.findIndex((o) => o.value === value)));
        } else setActive((a) => Math.min(a + 1, filtered.length - 1));
        break;
      case 'ArrowUp':
        e.preventDefault();
        if (open) setActive((a) => Math.max(a - 1, 0));
        break;
      case 'Enter': {
        const o = filtered[active];
        if (open && o) {
          e.preventDefault();
          choose(o);
        }
        break;
      }
      case 'Escape':
        if (open) {
          e.preventDefault();
          e.stopPropagation();
          setOpen(false);
        }
        break;
      default:
        break;
    }
  };

  const onBlur = () => {
    setOpen(false);
    if (value !== null || !query.trim()) return;
    // Typed a full code or narrowed to a single option: take it, as a clerk expects.
    const exact = options.find((o) => normalize(o.value) === normalize(query));
    const only = filtered.length === 1 ? filtered[0] : undefined;
    const pick = exact ?? only;
    if (pick) choose(pick);
  };

  const activeOption = open ? filtered[active] : undefined;

  return (
    <div className="combobox">
      <input
        id={id}
        ref={inputRef}
        type="text"
        role="combobox"
        autoComplete="off"
        spellCheck={false}
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={listId}
        aria-activedescendant={activeOption ? `${listId}-${active}` : undefined}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy}
        placeholder={placeholder}
        disabled={disabled}
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setOpen(true);
          setActive(0);
          if (value !== null) {
            clearedByTyping.current = true;
            onChange(null);
          }
        }}
        onKeyDown={onKeyDown}
        onBlur={onBlur}
      />
      <ul id={listId} role="listbox" aria-label={listLabel} className="combobox-list" ref={listRef} hidden={!open}>
        {filtered.length === 0 ? (
          <li className="combobox-empty" role="presentation">
            Sin coincidencias
          </li>
        ) : (
          filtered.map((o, i) => (
            <li
              key={o.value}
              id={`${listId}-${i}`}
              data-index={i}
              role="option"
              aria-selected={i === active}
              className={i === active ? 'combobox-option is-active' : 'combobox-option'}
              onMouseDown={(e) => {
                e.preventDefault();
                choose(o);
              }}
            >
              <span className="combobox-option-label">{o.label}</span>
              {o.description ? <span className="combobox-option-desc"> — {o.description}</span> : null}
            </li>
          ))
        )}
      </ul>
    </div>
  );
}
