import { useCallback, useEffect, useRef, useState } from 'react';
import type { Anexo } from '../../../shared/domain/anexos';
import { formatFechaHora } from '../../../shared/domain/bogota';
import { llamar } from '../api';
import { EXTENSIONES_ANEXO, formatBytes, leerArchivos, OCR_NOMBRE, ORIGEN_NOMBRE, paginasTexto, shaCorto } from '../anexos';
import { VisorAnexo } from './VisorAnexo';
import { SelectorArchivos } from './SelectorArchivos';
import { MiniaturasEscaneo } from './MiniaturasEscaneo';
import { useEscaneo } from '../useEscaneo';

interface Props {
  numero: string;
  /** An ANULADO radicado gets no new attachments. */
  puedeAnexar: boolean;
  /** Something was attached (the detail reloads its audit history). */
  onAnexado: () => void;
}

/**
 * The attachments of a registered radicado: list, viewer, and attaching files or a new scan. A scan
 * shows its pages as they arrive; the clerk reorders, turns or removes them and then attaches them.
 */
export function AnexosRadicado({ numero, puedeAnexar, onAnexado }: Props) {
  /** A scanner is configured at this station: offer scanning into the radicado. */
  const [conEscaner, setConEscaner] = useState(false);
  const [anexos, setAnexos] = useState<Anexo[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [aviso, setAviso] = useState('');
  const [ocupado, setOcupado] = useState(false);
  const [viendo, setViendo] = useState<Anexo | null>(null);
  const archivoRef = useRef<HTMLInputElement>(null);
  const volverA = useRef<number | null>(null);
  const tablaRef = useRef<HTMLTableElement>(null);
  const seccionRef = useRef<HTMLElement>(null);
  const escanearBtn = useRef<HTMLButtonElement>(null);
  const escaneoTitulo = useRef<HTMLHeadingElement>(null);
  const anexarEscaneoBtn = useRef<HTMLButtonElement>(null);
  /** After the list reloads, the focus goes to this attachment's Ver button. */
  const enfocarAnexo = useRef<number | null>(null);
  const escaneo = useEscaneo();
  const esc = escaneo.escaneo;
  const nPaginas = esc?.paginas.length ?? 0;

  const cargar = useCallback(async () => {
    const r = await llamar(() => window.api.listarAnexos({ numero }));
    if (r.ok) setAnexos(r.value);
    else setError(r.error.message);
  }, [numero]);

  useEffect(() => {
    const id = enfocarAnexo.current;
    if (id === null || anexos === null) return;
    enfocarAnexo.current = null;
    tablaRef.current?.querySelector<HTMLButtonElement>(`button[data-anexo="${id}"]`)?.focus();
  }, [anexos]);

  // Pages not attached are dropped at the station when the detail closes (or shows another radicado).
  const descartarEscaneo = escaneo.descartar;
  const hayEscaneo = esc !== null;
  const descartarAlSalir = useRef<() => void>(() => undefined);
  descartarAlSalir.current = hayEscaneo ? () => void descartarEscaneo(false) : () => undefined;
  useEffect(() => () => descartarAlSalir.current(), [numero]);

  // With pages not yet attached, Esc does not leave the detail (it would drop them): it says so.
  useEffect(() => {
    if (!hayEscaneo) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || e.altKey || e.ctrlKey || e.metaKey) return;
      const seccion = seccionRef.current;
      // Only while this detail is on screen; the viewer and the annulment form handle their own Esc.
      if (!seccion || seccion.offsetParent === null) return;
      const t = e.target instanceof Element ? e.target : null;
      if (t?.closest('.visor, form.anular')) return;
      e.preventDefault();
      setAviso('Hay un escaneo sin anexar: anéxelo al radicado o descártelo antes de volver a los resultados.');
      requestAnimationFrame(() => (anexarEscaneoBtn.current && !anexarEscaneoBtn.current.disabled ? anexarEscaneoBtn.current : escaneoTitulo.current)?.focus());
    };
    // Capture: before the detail's own Esc (back to the results) sees the key.
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [hayEscaneo]);

  useEffect(() => {
    void llamar(() => window.api.configEscaner({})).then((r) => setConEscaner(r.ok && r.value !== null));
  }, []);

  useEffect(() => {
    setViendo(null);
    void cargar();
  }, [cargar]);

  const cerrarVisor = () => {
    setViendo(null);
    requestAnimationFrame(() => tablaRef.current?.querySelector<HTMLButtonElement>(`button[data-anexo="${volverA.current ?? ''}"]`)?.focus());
  };

  const anexarArchivos = async (files: FileList | null) => {
    if (!files || files.length === 0) return;
    setOcupado(true);
    setError(null);
    setAviso('Anexando…');
    try {
      const leidos = await leerArchivos(files);
      const r = await llamar(() => window.api.anexar({ numero, archivos: leidos.map(({ nombre, base64 }) => ({ nombre, base64 })) }));
      if (r.ok) {
        setAviso(r.value.length === 1 ? `Anexado ${r.value[0]!.nombre} (${paginasTexto(r.value[0]!.paginas)}).` : `${r.value.length} archivos anexados.`);
        await cargar();
        onAnexado();
      } else {
        setAviso('');
        setError(r.error.message);
      }
    } catch (err) {
      setAviso('');
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setOcupado(false);
      if (archivoRef.current) archivoRef.current.value = '';
    }
  };

  // The button goes away while the scan is open: the cursor goes to the new pages' heading.
  const enfocarEscaneo = useRef(false);
  const idEscaneo = esc?.id ?? null;
  useEffect(() => {
    if (!idEscaneo || !enfocarEscaneo.current) return;
    enfocarEscaneo.current = false;
    escaneoTitulo.current?.focus();
  }, [idEscaneo]);

  const escanear = async () => {
    if (esc || escaneo.iniciando) return;
    setError(null);
    setAviso('');
    enfocarEscaneo.current = true;
    await escaneo.iniciar();
  };

  const anexarEscaneo = async () => {
    if (!esc || esc.estado === 'escaneando' || esc.paginas.length === 0) return;
    setOcupado(true);
    setError(null);
    setAviso('Anexando el escaneo…');
    const r = await escaneo.guardar(numero);
    setOcupado(false);
    if (!r.ok) {
      setAviso('');
      requestAnimationFrame(() => anexarEscaneoBtn.current?.focus());
      return;
    }
    escaneo.olvidar();
    setAviso(`Escaneo anexado: ${paginasTexto(r.value.paginas)}.`);
    enfocarAnexo.current = r.value.id;
    await cargar();
    onAnexado();
  };

  const descartar = () => {
    void escaneo.descartar(false);
    setAviso('Escaneo descartado: no se anexó nada.');
    requestAnimationFrame(() => escanearBtn.current?.focus());
  };

  return (
    <section aria-labelledby="det-anexos" className="anexos" ref={seccionRef}>
      <h3 id="det-anexos">Anexos digitalizados</h3>
      {anexos === null ? (
        <p className="muted">Cargando anexos…</p>
      ) : anexos.length === 0 ? (
        <p className="muted">Este radicado no tiene anexos digitalizados.</p>
      ) : (
        <div className="table-wrap">
          <table className="results anexos-tabla" ref={tablaRef}>
            <caption className="visually-hidden">Anexos del radicado {numero}. El botón Ver abre el visor de páginas.</caption>
            <thead>
              <tr>
                <th scope="col">Nombre</th>
                <th scope="col">Páginas</th>
                <th scope="col">Tamaño</th>
                <th scope="col">Origen</th>
                <th scope="col">Fecha</th>
                <th scope="col">Texto (OCR)</th>
                <th scope="col">SHA-256</th>
                <th scope="col">
                  <span className="visually-hidden">Acciones</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {anexos.map((a) => (
                <tr key={a.id} aria-current={viendo?.id === a.id ? 'true' : undefined}>
                  <td className="anexo-nombre">{a.nombre}</td>
                  <td>{a.paginas}</td>
                  <td>{formatBytes(a.bytes)}</td>
                  <td>{ORIGEN_NOMBRE[a.origen] ?? a.origen}</td>
                  <td>{formatFechaHora(a.creadoEn)}</td>
                  <td>{OCR_NOMBRE[a.ocr] ?? a.ocr}</td>
                  <td className="mono" title={a.sha256}>
                    {shaCorto(a.sha256)}
                  </td>
                  <td>
                    <button
                      type="button"
                      className="btn btn--ghost btn--small"
                      data-anexo={a.id}
                      aria-label={`Ver ${a.nombre}`}
                      onClick={() => {
                        volverA.current = a.id;
                        setViendo(a);
                      }}
                    >
                      Ver
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {viendo ? <VisorAnexo key={viendo.id} anexo={viendo} onCerrar={cerrarVisor} /> : null}
      {puedeAnexar ? (
        <div className="anexos-acciones">
          <SelectorArchivos
            id="det-archivo"
            label="Anexar archivo…"
            hint="PDF, JPG, PNG o TIFF. Se anexa en cuanto lo elige."
            inputRef={archivoRef}
            accept={EXTENSIONES_ANEXO}
            disabled={ocupado}
            onFiles={(files) => void anexarArchivos(files)}
          />
          {conEscaner && !esc ? (
            <button type="button" ref={escanearBtn} className="btn btn--ghost" disabled={ocupado || escaneo.iniciando} onClick={() => void escanear()}>
              Escanear y anexar
            </button>
          ) : null}
        </div>
      ) : null}
      {esc ? (
        <div className="escaneo-detalle" role="group" aria-labelledby="det-escaneo-titulo">
          <h4 id="det-escaneo-titulo" ref={escaneoTitulo} tabIndex={-1}>
            Escaneo nuevo: {esc.estado === 'escaneando' ? 'recibiendo páginas' : paginasTexto(nPaginas)}
          </h4>
          <p className="hint" id="det-escaneo-hint">
            Revise las páginas: puede reordenarlas, girarlas o quitarlas. Luego pulse «Anexar escaneo» para sellarlas en este radicado.
          </p>
          <p className="notice" role="status" aria-live="polite">
            {esc.estado === 'escaneando' ? `Escaneando… ${nPaginas === 1 ? '1 página recibida' : `${nPaginas} páginas recibidas`}.` : escaneo.aviso}
          </p>
          {nPaginas > 0 ? (
            <MiniaturasEscaneo
              idBase="det-escaneo"
              paginas={esc.paginas}
              setPaginas={escaneo.setPaginas}
              disabled={ocupado}
              onVacio={() => requestAnimationFrame(() => escaneoTitulo.current?.focus())}
            />
          ) : null}
          <div className="actions">
            <button
              type="button"
              ref={anexarEscaneoBtn}
              className="btn btn--primary"
              aria-describedby="det-escaneo-hint"
              disabled={ocupado || esc.estado === 'escaneando' || nPaginas === 0}
              onClick={() => void anexarEscaneo()}
            >
              Anexar escaneo ({paginasTexto(nPaginas)})
            </button>
            <button type="button" className="btn btn--danger-ghost" disabled={ocupado || esc.estado === 'escaneando'} onClick={descartar}>
              Descartar escaneo
            </button>
          </div>
        </div>
      ) : null}
      <p className="notice" role="status" aria-live="polite">
        {aviso}
      </p>
      {escaneo.error ? (
        <p className="alert alert--error" role="alert">
          {escaneo.error}
        </p>
      ) : null}
      {error ? (
        <p className="alert alert--error" role="alert">
          {error}
        </p>
      ) : null}
    </section>
  );
}
