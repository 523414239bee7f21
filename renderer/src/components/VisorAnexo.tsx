import { useEffect, useId, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import type { Anexo, ItemBandeja, PaginasAnexo } from '../../../shared/domain/anexos';
import type { Resultado } from '../../../shared/ipc/result';
import { llamar } from '../api';

type PaginaVista = PaginasAnexo['paginas'][number];

/** Pages fetched at a time (the channel allows up to 20). */
const LOTE = 5;

/** A sealed attachment of a radicado, or a part of a batch waiting in the tray. */
type Props = { onCerrar: () => void } & ({ anexo: Anexo; item?: undefined } | { item: ItemBandeja; anexo?: undefined });

interface Documento {
  clave: string;
  total: number;
  /** "del anexo carta.pdf", "de lote-3: páginas 1–2". */
  de: string;
  cargar: (desde: number, cantidad: number) => Promise<Resultado<{ paginas: PaginaVista[] }>>;
}

function documentoDe(p: Props): Documento {
  if (p.anexo) {
    const { id, nombre, paginas } = p.anexo;
    return { clave: `anexo-${id}`, total: paginas, de: `del anexo ${nombre}`, cargar: (desde, cantidad) => window.api.paginasAnexo({ anexo: id, desde, cantidad }) };
  }
  const { id, origen, desdePagina, hastaPagina, paginas } = p.item;
  const rango = desdePagina === hastaPagina ? `página ${desdePagina}` : `páginas ${desdePagina}–${hastaPagina}`;
  return { clave: `bandeja-${id}`, total: paginas, de: `de ${origen}: ${rango}`, cargar: (desde, cantidad) => window.api.paginasBandeja({ id, desde, cantidad }) };
}

/**
 * One page of an attachment (or of a tray item) at a time: ←/→ (or Re Pág/Av Pág) turn pages,
 * Inicio/Fin jump, Esc closes. Pages are fetched a few at a time and kept while the viewer is open.
 */
export function VisorAnexo(props: Props) {
  const { onCerrar } = props;
  const doc = documentoDe(props);
  const [pagina, setPagina] = useState(1);
  const [cache, setCache] = useState<Map<number, PaginaVista>>(new Map());
  const [error, setError] = useState<string | null>(null);
  const regionRef = useRef<HTMLDivElement>(null);
  const teclasId = useId();
  const { total, clave, cargar } = doc;
  const actual = cache.get(pagina);

  useEffect(() => {
    regionRef.current?.focus();
  }, [clave]);

  const cargarRef = useRef(cargar);
  cargarRef.current = cargar;
  useEffect(() => {
    if (cache.has(pagina)) return;
    let vivo = true;
    void llamar(() => cargarRef.current(pagina, Math.min(LOTE, total - pagina + 1))).then((r) => {
      if (!vivo) return;
      if (!r.ok) {
        setError(r.error.message);
        return;
      }
      setError(null);
      setCache((prev) => {
        const m = new Map(prev);
        for (const p of r.value.paginas) m.set(p.pagina, p);
        return m;
      });
    });
    return () => {
      vivo = false;
    };
  }, [clave, pagina, cache, total]);

  const ir = (n: number) => setPagina(Math.min(total, Math.max(1, n)));

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    const mapa: Record<string, () => void> = {
      ArrowRight: () => ir(pagina + 1),
      PageDown: () => ir(pagina + 1),
      ArrowLeft: () => ir(pagina - 1),
      PageUp: () => ir(pagina - 1),
      Home: () => ir(1),
      End: () => ir(total),
      Escape: onCerrar,
    };
    const f = mapa[e.key];
    if (f) {
      e.preventDefault();
      f();
    }
  };

  const descripcion = `Página ${pagina} de ${total} ${doc.de}`;
  return (
    <div
      className="visor"
      ref={regionRef}
      tabIndex={0}
      role="region"
      aria-label={`Visor ${doc.de}`}
      aria-describedby={teclasId}
      onKeyDown={onKeyDown}
    >
      <div className="visor-barra">
        <button type="button" className="btn btn--ghost btn--small" disabled={pagina <= 1} onClick={() => ir(pagina - 1)}>
          ← Página anterior
        </button>
        <p className="visor-posicion" aria-live="polite" aria-atomic="true">
          Página {pagina} de {total}
        </p>
        <button type="button" className="btn btn--ghost btn--small" disabled={pagina >= total} onClick={() => ir(pagina + 1)}>
          Página siguiente →
        </button>
        <button type="button" className="btn btn--ghost btn--small" onClick={onCerrar}>
          Cerrar visor (Esc)
        </button>
      </div>
      <p className="hint" id={teclasId}>
        Con el visor enfocado: <kbd>←</kbd> <kbd>→</kbd> cambian de página, <kbd>Inicio</kbd> y <kbd>Fin</kbd> van a la primera y a la última,{' '}
        <kbd>Esc</kbd> cierra.
      </p>
      {error ? (
        <p className="alert alert--error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="visor-pagina">
        {!actual ? (
          <p className="muted">Cargando la página {pagina}…</p>
        ) : actual.imagen ? (
          <img src={actual.imagen} alt={descripcion} className={actual.rotacion ? `rot-${actual.rotacion}` : undefined} />
        ) : (
          <p className="visor-sin-imagen" role="img" aria-label={descripcion}>
            La página {pagina} no tiene imagen: es una página de texto digital (PDF nacido digital).
          </p>
        )}
      </div>
    </div>
  );
}
