import { useEffect, useState } from 'react';
import type { KeyboardEvent } from 'react';
import { normalizarSemana, rangoSemana, semanaVecina } from '../../revision';

interface Props {
  id: string;
  label?: string;
  /** The week shown ('2026-W47'); null while the first answer is on its way. */
  semana: string | null;
  onCambiar: (semana: string) => void;
  disabled?: boolean;
}

/**
 * An ISO week: typed as 2026-W47, or moved with the buttons or ← → in the field (the week code is
 * short, so the arrows change the week rather than the caret, as in a spin button).
 */
export function SelectorSemana({ id, label = 'Semana', semana, onCambiar, disabled }: Props) {
  const [texto, setTexto] = useState(semana ?? '');
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    setTexto(semana ?? '');
    setError(null);
  }, [semana]);

  const valida = normalizarSemana(texto);

  const mover = (delta: number) => {
    const base = valida ?? semana;
    if (!base) return;
    const s = semanaVecina(base, delta);
    setTexto(s);
    setError(null);
    onCambiar(s);
  };

  const confirmar = () => {
    if (!texto.trim()) return;
    if (!valida) {
      setError('Semana: escriba la semana ISO como 2026-W47 (año, W y número de 01 a 52 o 53).');
      return;
    }
    setError(null);
    setTexto(valida);
    if (valida !== semana) onCambiar(valida);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
    if (e.key === 'ArrowLeft' || e.key === 'ArrowRight') {
      if (!valida) return;
      e.preventDefault();
      mover(e.key === 'ArrowLeft' ? -1 : 1);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      confirmar();
    }
  };

  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  return (
    <div className={error ? 'field field--error semana-field' : 'field semana-field'}>
      <label htmlFor={id}>{label}</label>
      <div className="semana-control">
        <button type="button" className="btn btn--ghost btn--small" onClick={() => mover(-1)} disabled={disabled || !semana} aria-label="Semana anterior" title="Semana anterior (←)">
          ←
        </button>
        <input
          id={id}
          className="mono semana-input"
          autoComplete="off"
          spellCheck={false}
          placeholder="2026-W47"
          value={texto}
          disabled={disabled}
          onChange={(e) => setTexto(e.target.value)}
          onBlur={confirmar}
          onKeyDown={onKeyDown}
          aria-keyshortcuts="ArrowLeft ArrowRight"
          aria-invalid={error ? true : undefined}
          aria-describedby={[hintId, error ? errorId : null].filter(Boolean).join(' ')}
        />
        <button type="button" className="btn btn--ghost btn--small" onClick={() => mover(1)} disabled={disabled || !semana} aria-label="Semana siguiente" title="Semana siguiente (→)">
          →
        </button>
      </div>
      <p className="hint" id={hintId}>
        {valida ? `Del ${rangoSemana(valida)}. ` : ''}
        <kbd>←</kbd> <kbd>→</kbd> cambian de semana.
      </p>
      {error ? (
        <p className="field-error" id={errorId} role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
