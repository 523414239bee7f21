import { useCallback, useEffect, useRef, useState } from 'react';
import type { Anexo } from '../../../shared/domain/anexos';
import { formatFechaHora } from '../../../shared/domain/bogota';
import { llamar } from '../api';
import { EXTENSIONES_ANEXO, formatBytes, leerArchivos, OCR_NOMBRE, ORIGEN_NOMBRE, paginasTexto, shaCorto } from '../anexos';
import { VisorAnexo } from './VisorAnexo';
import { SelectorArchivos } from './SelectorArchivos';

interface Props {
  numero: string;
  /** An ANULADO radicado gets no new attachments. */
  puedeAnexar: boolean;
  /** Something was attached (the detail reloads its audit history). */
  onAnexado: () => void;
}

/** The attachments of a registered radicado: list, viewer, and attaching files or a new scan. */
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

  const cargar = useCallback(async () => {
    const r = await llamar(() => window.api.listarAnexos({ numero }));
    if (r.ok) setAnexos(r.value);
    else setError(r.error.message);
  }, [numero]);

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

  const escanear = async () => {
    setOcupado(true);
    setError(null);
    setAviso('Escaneando… espere a que el escáner termine.');
    const r = await llamar(() => window.api.escanear({ numero }));
    setOcupado(false);
    if (r.ok) {
      setAviso(`Escaneo anexado: ${paginasTexto(r.value.paginas)}.`);
      await cargar();
      onAnexado();
    } else {
      setAviso('');
      setError(r.error.message);
    }
  };

  return (
    <section aria-labelledby="det-anexos" className="anexos">
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
          {conEscaner ? (
            <button type="button" className="btn btn--ghost" disabled={ocupado} onClick={() => void escanear()}>
              Escanear y anexar
            </button>
          ) : null}
        </div>
      ) : null}
      <p className="notice" role="status" aria-live="polite">
        {aviso}
      </p>
      {error ? (
        <p className="alert alert--error" role="alert">
          {error}
        </p>
      ) : null}
    </section>
  );
}
