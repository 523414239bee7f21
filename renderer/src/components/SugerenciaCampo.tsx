import type { Sugerido } from '../../../shared/sugerencias';
import { porcentaje } from '../../../shared/sugerencias';

interface SugerenciaCampoProps {
  id: string;
  /** "tipo" or "dependencia", for the text. */
  que: string;
  sugeridos: Sugerido[];
  /** The value now in the field: a suggestion equal to it shows as taken. */
  elegido: string | null;
  atajo: string;
  onAceptar: (codigo: string) => void;
  disabled?: boolean;
}

/**
 * The station's suggestions for one field, under it: best first with its confidence, why (the
 * catalog phrases of the asunto, or the words the model read in it), the key that takes the best one. The
 * chips are clickable but stay out of the Tab order (the key does the work from the keyboard);
 * the screen announces changes once, in a polite live region of its own.
 */
export function SugerenciaCampo({ id, que, sugeridos, elegido, atajo, onAceptar, disabled }: SugerenciaCampoProps) {
  if (sugeridos.length === 0) return null;
  const [primero] = sugeridos;
  const tomado = primero!.codigo === elegido;
  return (
    <div className="sugerencia" id={id}>
      <span className="sugerencia-titulo">Sugerido:</span>
      <ul className="sugerencia-lista" aria-label={`Sugerencias de ${que}`}>
        {sugeridos.map((s, i) => (
          <li key={s.codigo}>
            <button
              type="button"
              tabIndex={-1}
              disabled={disabled}
              className={['chip', i === 0 ? 'chip--primero' : '', s.codigo === elegido ? 'chip--elegido' : ''].filter(Boolean).join(' ')}
              aria-pressed={s.codigo === elegido}
              title={s.nombre}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => onAceptar(s.codigo)}
            >
              <span className="chip-codigo">{s.codigo}</span>
              {i === 0 ? <span className="chip-nombre">· {s.nombre}</span> : null}
              <span className="chip-prob">{porcentaje(s.probabilidad)}</span>
            </button>
          </li>
        ))}
      </ul>
      {primero!.por ? <span className="sugerencia-por">por «{primero!.por.join('», «')}»</span> : null}
      <span className="sugerencia-atajo">
        {tomado ? (
          '✓ aceptada'
        ) : (
          <>
            <kbd>{atajo}</kbd> acepta
          </>
        )}
      </span>
    </div>
  );
}

/** What the live region says when the best suggestions change. */
export function anuncioSugerencias(tipos: Sugerido[], dependencias: Sugerido[]): string {
  const partes: string[] = [];
  if (tipos[0]) partes.push(`tipo ${tipos[0].codigo}, ${tipos[0].nombre}, ${porcentaje(tipos[0].probabilidad)}; Alt+1 lo acepta`);
  if (dependencias[0]) partes.push(`dependencia ${dependencias[0].codigo}, ${dependencias[0].nombre}, ${porcentaje(dependencias[0].probabilidad)}; Alt+2 la acepta`);
  return partes.length ? `Sugerencia: ${partes.join('. ')}.` : '';
}
