import { useEffect } from 'react';
import type { RefObject } from 'react';
import type { ItemRevision } from '../../../../shared/domain/revision';
import { formatFechaHora } from '../../../../shared/domain/bogota';
import { describirMarca, resumenItem } from '../../revision';
import { BarraRiesgo } from './BarraRiesgo';

interface Props {
  items: readonly ItemRevision[];
  actual: number;
  onElegir: (i: number) => void;
  listRef: RefObject<HTMLUListElement | null>;
  describedBy: string;
}

export const idItem = (i: number) => `rev-item-${i}`;

/**
 * The queue as a listbox: the focus stays on the list and aria-activedescendant names the current
 * radicado, so ↓/↑ (J/K) move and C, T, D, O act on it (the keys live in RevisionScreen).
 */
/**
 * A week can hold 20,000 radicados: only a window of the list around the current one is in the
 * page (it moves in blocks, so ↓/↑ do not re-render the list at every step); aria-setsize and
 * aria-posinset keep "12 de 20 000" right for screen readers.
 */
const BLOQUE = 100;
const VENTANA = 300;

export function ventanaLista(actual: number, total: number): { inicio: number; fin: number } {
  const inicio = Math.max(0, Math.min(Math.floor(Math.max(actual, 0) / BLOQUE) * BLOQUE - BLOQUE, total - VENTANA));
  return { inicio: Math.max(0, inicio), fin: Math.min(total, Math.max(0, inicio) + VENTANA) };
}

export function ListaRevision({ items, actual, onElegir, listRef, describedBy }: Props) {
  useEffect(() => {
    listRef.current?.querySelector(`#${idItem(actual)}`)?.scrollIntoView?.({ block: 'nearest' });
  }, [actual, listRef]);
  const { inicio, fin } = ventanaLista(actual, items.length);

  return (
    <ul
      ref={listRef}
      id="rev-lista"
      className="rev-lista"
      role="listbox"
      tabIndex={0}
      aria-label="Radicados por revisar"
      aria-describedby={describedBy}
      aria-activedescendant={actual >= 0 && items[actual] ? idItem(actual) : undefined}
    >
      {items.slice(inicio, fin).map((it, k) => {
        const i = inicio + k;
        return (
          <li
            key={it.numero}
            id={idItem(i)}
            role="option"
            aria-setsize={items.length}
            aria-posinset={i + 1}
            aria-selected={i === actual}
            aria-label={resumenItem(it)}
            className={['rev-item', i === actual ? 'is-actual' : '', it.marca ? `is-marcado is-${it.marca.veredicto}` : ''].filter(Boolean).join(' ')}
            onClick={() => onElegir(i)}
          >
            <div className="rev-item-fila">
              <span className="mono rev-item-numero">{it.numero}</span>
              <span className="rev-item-fecha">{formatFechaHora(it.fechaHora)}</span>
              <BarraRiesgo riesgo={it.riesgo} />
            </div>
            <p className="rev-item-asunto">{it.asunto}</p>
            <div className="rev-item-fila rev-item-meta">
              <span>{it.radicadorNombre}</span>
              <span>
                <abbr title={it.tipoNombre}>{it.tipo}</abbr> → <abbr title={it.dependenciaNombre}>{it.dependencia}</abbr>
              </span>
              <span className={it.marca ? (it.marca.veredicto === 'correcto' ? 'marca marca--ok' : 'marca marca--error') : 'marca marca--pendiente'}>
                {it.marca ? (it.marca.veredicto === 'correcto' ? '✓ ' : '✗ ') : ''}
                {describirMarca(it.marca)}
              </span>
            </div>
            {it.motivos[0] ? <p className="rev-item-motivo">{it.motivos[0]}</p> : null}
          </li>
        );
      })}
    </ul>
  );
}
