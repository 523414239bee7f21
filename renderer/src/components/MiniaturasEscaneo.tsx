import { useEffect, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import type { PaginaLocal } from '../anexos';
import { describirPagina, moverPagina, quitarPagina, rotarPagina } from '../anexos';

interface Props {
  idBase: string;
  paginas: PaginaLocal[];
  setPaginas: (f: (p: PaginaLocal[]) => PaginaLocal[]) => void;
  /** Where the focus goes when the last page is removed. */
  onVacio?: () => void;
  disabled?: boolean;
}

/**
 * The scanned pages as thumbnails, in the clerk's order. One thumbnail is in the Tab order (roving
 * focus): arrows walk the pages, Alt+arrows move the focused page, R turns it 90°, Supr removes it.
 * The small buttons do the same with the mouse and stay out of the Tab order.
 */
export function MiniaturasEscaneo({ idBase, paginas, setPaginas, onVacio, disabled }: Props) {
  const [actual, setActual] = useState<number | null>(null);
  const [anuncio, setAnuncio] = useState('');
  const refs = useRef(new Map<number, HTMLDivElement>());
  const enfocar = useRef<number | null>(null);
  const total = paginas.length;
  const posActual = Math.max(0, paginas.findIndex((p) => p.indice === actual));

  useEffect(() => {
    if (enfocar.current === null) return;
    refs.current.get(enfocar.current)?.focus();
    enfocar.current = null;
  }, [paginas]);

  const hacer = (posicion: number, accion: 'izq' | 'der' | 'girar' | 'quitar') => {
    if (disabled) return;
    const p = paginas[posicion];
    if (!p) return;
    if (accion === 'izq' || accion === 'der') {
      const delta = accion === 'izq' ? -1 : 1;
      const destino = posicion + delta;
      if (destino < 0 || destino >= total) {
        setAnuncio(`La página ya está ${accion === 'izq' ? 'al principio' : 'al final'}.`);
        return;
      }
      setPaginas((ps) => moverPagina(ps, ps.indexOf(p), delta));
      setAnuncio(`Página movida a la posición ${destino + 1} de ${total}.`);
      enfocar.current = p.indice;
      setActual(p.indice);
    } else if (accion === 'girar') {
      setPaginas((ps) => rotarPagina(ps, ps.findIndex((x) => x.indice === p.indice)));
      setAnuncio(`Página ${posicion + 1} girada a ${(p.rotacion + 90) % 360} grados.`);
      enfocar.current = p.indice;
    } else {
      const siguiente = paginas[posicion + 1] ?? paginas[posicion - 1];
      setPaginas((ps) => quitarPagina(ps, ps.findIndex((x) => x.indice === p.indice)));
      setAnuncio(`Página ${posicion + 1} quitada. Quedan ${total - 1}.`);
      if (siguiente) {
        enfocar.current = siguiente.indice;
        setActual(siguiente.indice);
      } else onVacio?.();
    }
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>, posicion: number) => {
    if (e.target !== e.currentTarget) return;
    const sinMods = !e.altKey && !e.ctrlKey && !e.metaKey;
    let hecho = true;
    if (e.altKey && !e.ctrlKey && e.key === 'ArrowLeft') hacer(posicion, 'izq');
    else if (e.altKey && !e.ctrlKey && e.key === 'ArrowRight') hacer(posicion, 'der');
    else if (sinMods && (e.key === 'r' || e.key === 'R')) hacer(posicion, 'girar');
    else if (sinMods && (e.key === 'Delete' || e.key === 'Backspace')) hacer(posicion, 'quitar');
    else if (sinMods && (e.key === 'ArrowLeft' || e.key === 'ArrowRight' || e.key === 'Home' || e.key === 'End')) {
      const destino =
        e.key === 'Home' ? 0 : e.key === 'End' ? total - 1 : Math.min(total - 1, Math.max(0, posicion + (e.key === 'ArrowLeft' ? -1 : 1)));
      const p = paginas[destino]!;
      setActual(p.indice);
      refs.current.get(p.indice)?.focus();
    } else hecho = false;
    if (hecho) e.preventDefault();
  };

  return (
    <div className="miniaturas-wrap">
      <p className="hint" id={`${idBase}-teclas`}>
        Con una página enfocada: <kbd>←</kbd> <kbd>→</kbd> recorren, <kbd>Alt+←</kbd> <kbd>Alt+→</kbd> la mueven, <kbd>R</kbd> la gira,{' '}
        <kbd>Supr</kbd> la quita.
      </p>
      <ol className="miniaturas" aria-label="Páginas escaneadas">
        {paginas.map((p, i) => (
          <li key={p.indice}>
            <div
              ref={(el) => {
                if (el) refs.current.set(p.indice, el);
                else refs.current.delete(p.indice);
              }}
              role="group"
              className="miniatura"
              tabIndex={i === posActual ? 0 : -1}
              aria-label={describirPagina(p, i, total)}
              aria-describedby={`${idBase}-teclas`}
              aria-keyshortcuts="Alt+ArrowLeft Alt+ArrowRight R Delete"
              data-indice={p.indice}
              onFocus={() => setActual(p.indice)}
              onKeyDown={(e) => onKeyDown(e, i)}
            >
              <div className="miniatura-marco">
                <img src={p.imagen} alt="" className={p.rotacion ? `rot-${p.rotacion}` : undefined} draggable={false} />
              </div>
              <p className="miniatura-pie">
                <span>Pág. {i + 1}</span>
                {p.rotacion ? <span className="miniatura-giro">↻ {p.rotacion}°</span> : null}
              </p>
              <div className="miniatura-botones">
                <button type="button" tabIndex={-1} disabled={disabled || i === 0} aria-label={`Mover la página ${i + 1} a la izquierda`} title="Mover a la izquierda (Alt+←)" onClick={() => hacer(i, 'izq')}>
                  ←
                </button>
                <button type="button" tabIndex={-1} disabled={disabled} aria-label={`Girar la página ${i + 1}`} title="Girar 90° (R)" onClick={() => hacer(i, 'girar')}>
                  ↻
                </button>
                <button type="button" tabIndex={-1} disabled={disabled} aria-label={`Quitar la página ${i + 1}`} title="Quitar (Supr)" onClick={() => hacer(i, 'quitar')}>
                  ✕
                </button>
                <button
                  type="button"
                  tabIndex={-1}
                  disabled={disabled || i === total - 1}
                  aria-label={`Mover la página ${i + 1} a la derecha`}
                  title="Mover a la derecha (Alt+→)"
                  onClick={() => hacer(i, 'der')}
                >
                  →
                </button>
              </div>
            </div>
          </li>
        ))}
      </ol>
      <p className="visually-hidden" role="status" aria-live="polite">
        {anuncio}
      </p>
    </div>
  );
}
