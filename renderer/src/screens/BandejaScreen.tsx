import { useCallback, useEffect, useRef, useState } from 'react';
import type { ItemBandeja } from '../../../shared/domain/anexos';
import { MOTIVOS_BANDEJA } from '../../../shared/domain/anexos';
import type { Usuario } from '../../../shared/domain/radicado';
import { formatFechaHora } from '../../../shared/domain/bogota';
import { llamar } from '../api';
import { puedeAnular } from '../labels';
import { paginasTexto, shaCorto } from '../anexos';
import { VisorAnexo } from '../components/VisorAnexo';

interface Props {
  active: boolean;
  usuario: Usuario;
}

/**
 * Parts of scanned batches the station could not place (no sticker before them, or a sticker it does
 * not know): a person reads them, types the radicado number and assigns; coordinators may discard.
 */
export function BandejaScreen({ active, usuario }: Props) {
  const [items, setItems] = useState<ItemBandeja[] | null>(null);
  const [numeros, setNumeros] = useState<Record<number, string>>({});
  const [errores, setErrores] = useState<Record<number, string>>({});
  const [aviso, setAviso] = useState('');
  const [errorCarga, setErrorCarga] = useState<string | null>(null);
  const [ocupado, setOcupado] = useState<number | null>(null);
  /** The tray item whose pages are shown in the viewer. */
  const [viendo, setViendo] = useState<number | null>(null);
  const tituloRef = useRef<HTMLHeadingElement>(null);
  const listaRef = useRef<HTMLUListElement>(null);
  const mayDiscard = puedeAnular(usuario.rol);

  const cargar = useCallback(async () => {
    const r = await llamar(() => window.api.listarBandeja({}));
    if (r.ok) {
      setItems(r.value);
      setErrorCarga(null);
      setViendo((v) => (v !== null && r.value.some((it) => it.id === v) ? v : null));
    } else setErrorCarga(r.error.message);
  }, []);

  const cerrarVisor = (id: number) => {
    setViendo(null);
    requestAnimationFrame(() => document.getElementById(`bandeja-ver-${id}`)?.focus());
  };

  /**
   * Where the cursor goes once the list is (re)loaded: the first item's number when the screen
   * opens, the next item's after one leaves the list (or the heading when none is left).
   */
  const focoTras = useRef<number | null>(null);

  useEffect(() => {
    if (!active) return;
    focoTras.current = 0;
    void cargar();
  }, [active, cargar]);

  useEffect(() => {
    const tras = focoTras.current;
    if (tras === null || items === null) return;
    focoTras.current = null;
    const inputs = [...(listaRef.current?.querySelectorAll<HTMLInputElement>('input[data-item]') ?? [])];
    const siguiente = inputs.find((i) => Number(i.dataset.item) > tras) ?? inputs.at(-1);
    (siguiente ?? tituloRef.current)?.focus();
  }, [items]);

  const enfocarTras = (id: number) => {
    focoTras.current = id;
  };

  const asignar = async (item: ItemBandeja) => {
    const numero = (numeros[item.id] ?? '').trim().toUpperCase();
    if (!numero) {
      setErrores((e) => ({ ...e, [item.id]: 'Escriba el número de radicado al que pertenecen estas páginas.' }));
      document.getElementById(`bandeja-numero-${item.id}`)?.focus();
      return;
    }
    setOcupado(item.id);
    const r = await llamar(() => window.api.asignarBandeja({ id: item.id, numero }));
    setOcupado(null);
    if (!r.ok) {
      setErrores((e) => ({ ...e, [item.id]: r.error.message }));
      document.getElementById(`bandeja-numero-${item.id}`)?.focus();
      return;
    }
    setErrores(({ [item.id]: _, ...resto }) => resto);
    setAviso(`Páginas ${item.desdePagina}–${item.hastaPagina} de ${item.origen} anexadas al radicado ${r.value.numero}.`);
    enfocarTras(item.id);
    await cargar();
  };

  const descartar = async (item: ItemBandeja) => {
    setOcupado(item.id);
    const r = await llamar(() => window.api.descartarBandeja({ id: item.id }));
    setOcupado(null);
    if (!r.ok) {
      setErrores((e) => ({ ...e, [item.id]: r.error.message }));
      return;
    }
    setAviso(`Páginas ${item.desdePagina}–${item.hastaPagina} de ${item.origen} descartadas.`);
    enfocarTras(item.id);
    await cargar();
  };

  return (
    <section className="screen" hidden={!active} aria-labelledby="bandeja-titulo">
      <h1 id="bandeja-titulo" ref={tituloRef} tabIndex={-1}>
        Bandeja de lote
      </h1>
      <p className="lead">
        Partes de lotes escaneados que la estación no pudo asignar a un radicado. Revise las páginas («Ver páginas») o el documento
        físico, escriba su número de radicado y pulse Enter para anexarlas.
      </p>
      <p className="notice" role="status" aria-live="polite">
        {aviso}
      </p>
      {errorCarga ? (
        <p className="alert alert--error" role="alert">
          {errorCarga}
        </p>
      ) : null}
      {items === null ? (
        <p className="muted">Cargando la bandeja…</p>
      ) : items.length === 0 ? (
        <p className="bandeja-vacia">La bandeja está vacía: todas las páginas de los lotes quedaron anexadas a su radicado.</p>
      ) : (
        <ul className="bandeja-lista" ref={listaRef} aria-label={`${items.length === 1 ? '1 parte' : `${items.length} partes`} por revisar`}>
          {items.map((it) => {
            const err = errores[it.id];
            const inputId = `bandeja-numero-${it.id}`;
            return (
              <li key={it.id} className="bandeja-item" aria-labelledby={`bandeja-item-${it.id}`}>
                <h2 className="bandeja-item-titulo" id={`bandeja-item-${it.id}`}>
                  {it.origen}: {it.desdePagina === it.hastaPagina ? `página ${it.desdePagina}` : `páginas ${it.desdePagina}–${it.hastaPagina}`}
                </h2>
                <dl className="bandeja-datos">
                  <div>
                    <dt>Motivo</dt>
                    <dd>{MOTIVOS_BANDEJA[it.motivo] ?? it.motivo}</dd>
                  </div>
                  <div>
                    <dt>Páginas</dt>
                    <dd>{it.paginas}</dd>
                  </div>
                  {it.codigo ? (
                    <div>
                      <dt>Código leído</dt>
                      <dd className="mono">{it.codigo}</dd>
                    </div>
                  ) : null}
                  <div>
                    <dt>Recibido</dt>
                    <dd>{formatFechaHora(it.creadoEn)}</dd>
                  </div>
                  <div>
                    <dt>SHA-256</dt>
                    <dd className="mono">{shaCorto(it.sha256)}</dd>
                  </div>
                </dl>
                <form
                  className="bandeja-asignar"
                  noValidate
                  onSubmit={(e) => {
                    e.preventDefault();
                    void asignar(it);
                  }}
                >
                  <div className="bandeja-asignar-fila">
                    <div className={err ? 'field field--error' : 'field'}>
                      <label htmlFor={inputId}>Número de radicado</label>
                      <input
                        id={inputId}
                        data-item={it.id}
                        className="mono"
                        autoComplete="off"
                        placeholder="2026-0103-000001"
                        value={numeros[it.id] ?? ''}
                        onChange={(e) => setNumeros((n) => ({ ...n, [it.id]: e.target.value }))}
                        aria-invalid={err ? true : undefined}
                        aria-describedby={err ? `${inputId}-error` : undefined}
                      />
                    </div>
                    <button type="submit" className="btn btn--primary" disabled={ocupado === it.id} aria-describedby={`bandeja-item-${it.id}`}>
                      Asignar
                    </button>
                    <button
                      type="button"
                      id={`bandeja-ver-${it.id}`}
                      className="btn btn--ghost"
                      aria-expanded={viendo === it.id}
                      aria-describedby={`bandeja-item-${it.id}`}
                      onClick={() => (viendo === it.id ? cerrarVisor(it.id) : setViendo(it.id))}
                    >
                      {viendo === it.id ? 'Cerrar páginas' : `Ver páginas (${paginasTexto(it.paginas)})`}
                    </button>
                    {mayDiscard ? (
                      <button
                        type="button"
                        className="btn btn--danger-ghost"
                        disabled={ocupado === it.id}
                        aria-describedby={`bandeja-item-${it.id}`}
                        onClick={() => void descartar(it)}
                      >
                        Descartar
                      </button>
                    ) : null}
                  </div>
                  {err ? (
                    <p className="field-error" id={`${inputId}-error`} role="alert">
                      {err}
                    </p>
                  ) : null}
                </form>
                {viendo === it.id ? <VisorAnexo key={it.id} item={it} onCerrar={() => cerrarVisor(it.id)} /> : null}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
