import { useCallback, useEffect, useRef, useState } from 'react';
import type { Anexo } from '../../shared/domain/anexos';
import type { EstadoEscaneo } from '../../shared/domain/escaneo';
import type { Resultado } from '../../shared/ipc/result';
import { llamar } from './api';
import { agregarPaginas, ordenGuardar } from './anexos';
import type { PaginaLocal } from './anexos';

/** While the scanner feeds pages (or their OCR is still coming), ask for news this often. */
const INTERVALO_MS = 300;
/** Stop waiting for OCR text this long after the scanner finished: suggestions are a help, not a gate. */
const ESPERA_OCR_MS = 120_000;

const SIN_PAGINAS: ReadonlySet<number> = new Set();

export interface Escaneo {
  id: string;
  estado: EstadoEscaneo['estado'];
  error: string | null;
  paginas: PaginaLocal[];
  /** OCR text of the pages read so far. */
  texto: string;
}

export interface UsoEscaneo {
  escaneo: Escaneo | null;
  /** A message for the clerk about the last action (live region). */
  aviso: string;
  error: string | null;
  iniciando: boolean;
  iniciar(): Promise<void>;
  /** Drops the pages here and at the station; `anunciar` says so in the live region. */
  descartar(anunciar?: boolean): Promise<void>;
  /** Seals the pages in the clerk's order into the radicado; on failure the router's error (code and message), pages kept. */
  guardar(numero: string): Promise<Resultado<Anexo>>;
  setPaginas(f: (p: PaginaLocal[]) => PaginaLocal[]): void;
  /** Forget the scan locally (after it was saved). */
  olvidar(): void;
}

/**
 * A scan started from the Radicar screen or a radicado's detail: thumbnails as pages arrive (polling the station), the
 * clerk's order, turns and deletions, then saving into the radicado once it has a number.
 */
export function useEscaneo(): UsoEscaneo {
  const [escaneo, setEscaneo] = useState<Escaneo | null>(null);
  const [aviso, setAviso] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [iniciando, setIniciando] = useState(false);
  const conocidas = useRef(new Set<number>());
  const pendientesOcr = useRef(new Set<number>());
  const finEscaneo = useRef(0);
  const idActual = useRef<string | null>(null);

  const aplicar = useCallback((e: EstadoEscaneo) => {
    if (e.id !== idActual.current) return;
    for (const p of e.paginas) {
      if (p.ocr) pendientesOcr.current.delete(p.indice);
      else if (!conocidas.current.has(p.indice)) pendientesOcr.current.add(p.indice);
    }
    const nuevas = e.paginas.filter((p) => !conocidas.current.has(p.indice));
    for (const p of nuevas) conocidas.current.add(p.indice);
    setEscaneo((prev) => {
      if (!prev || prev.id !== e.id) return prev;
      return { ...prev, estado: e.estado, error: e.error, paginas: agregarPaginas(prev.paginas, nuevas, SIN_PAGINAS), texto: e.texto };
    });
    if (e.estado !== 'escaneando' && !finEscaneo.current) {
      finEscaneo.current = Date.now();
      const n = conocidas.current.size;
      setAviso(
        e.estado === 'fallido'
          ? `El escaneo falló: ${e.error ?? 'sin detalle'}${n ? ` Se conservan ${n} páginas.` : ''}`
          : `Escaneo terminado: ${n === 1 ? '1 página' : `${n} páginas`}.`,
      );
    }
  }, []);

  // Poll while the scanner runs, then while the OCR of some page is still coming.
  useEffect(() => {
    if (!escaneo) return;
    const { id, estado } = escaneo;
    const ocrPendiente = pendientesOcr.current.size > 0 && Date.now() - finEscaneo.current < ESPERA_OCR_MS;
    if (estado !== 'escaneando' && !ocrPendiente) return;
    const t = setTimeout(() => {
      const maximo = Math.max(0, ...conocidas.current);
      const desde = estado === 'escaneando' ? maximo : Math.min(...pendientesOcr.current) - 1;
      void llamar(() => window.api.estadoEscaneo({ id, desde })).then((r) => {
        if (r.ok) aplicar(r.value);
        else if (idActual.current === id) {
          setEscaneo((prev) => (prev && prev.id === id ? { ...prev, estado: 'fallido', error: r.error.message } : prev));
          setError(r.error.message);
        }
      });
    }, INTERVALO_MS);
    return () => clearTimeout(t);
    // Every answer replaces `escaneo`, which schedules the next poll.
  }, [escaneo, aplicar]);

  const reiniciar = () => {
    conocidas.current = new Set();
    pendientesOcr.current = new Set();
    finEscaneo.current = 0;
  };

  const iniciar = useCallback(async () => {
    setIniciando(true);
    setError(null);
    setAviso('Escaneando…');
    const r = await llamar(() => window.api.iniciarEscaneo({}));
    setIniciando(false);
    if (!r.ok) {
      setAviso('');
      setError(r.error.message);
      return;
    }
    reiniciar();
    idActual.current = r.value.id;
    setEscaneo({ id: r.value.id, estado: 'escaneando', error: null, paginas: [], texto: '' });
    aplicar(r.value);
  }, [aplicar]);

  const olvidar = useCallback(() => {
    idActual.current = null;
    reiniciar();
    setEscaneo(null);
    setError(null);
    setAviso('');
  }, []);

  const descartar = useCallback(
    async (anunciar = true) => {
      const actual = idActual.current;
      olvidar();
      if (anunciar) setAviso('Escaneo descartado.');
      if (actual) await llamar(() => window.api.descartarEscaneo({ id: actual, desde: 0 }));
    },
    [olvidar],
  );

  const escaneoRef = useRef(escaneo);
  escaneoRef.current = escaneo;
  const guardar = useCallback(async (numero: string): Promise<Resultado<Anexo>> => {
    const e = escaneoRef.current;
    if (!e) return { ok: false, error: { code: 'VALIDACION', message: 'No hay escaneo para anexar.' } };
    const r = await llamar(() => window.api.guardarEscaneo({ id: e.id, numero, paginas: ordenGuardar(e.paginas) }));
    setError(r.ok ? null : r.error.message);
    return r;
  }, []);

  const setPaginas = useCallback((f: (p: PaginaLocal[]) => PaginaLocal[]) => {
    setEscaneo((prev) => (prev ? { ...prev, paginas: f(prev.paginas) } : prev));
  }, []);

  return { escaneo, aviso, error, iniciando, iniciar, descartar, guardar, setPaginas, olvidar };
}
