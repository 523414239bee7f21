/**
 * Linux scanners through SANE's `scanimage` (package sane-utils). Every USB or network scanner
 * with a SANE backend works the same: fujitsu, epjitsu, canon_dr, brother, hpaio, epson2, avision,
 * escl/airscan…
 *
 * Backends name the same things differently ("ADF Front", "Automatic Document Feeder", "ADF";
 * "Lineart", "Binary", "Black & White"), so before scanning we read the device's own option list
 * (`scanimage -d DEV -A`) and translate our few choices into its words. The parsers are pure and
 * tested on captured outputs of real backends.
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { ejecutarProceso, limpiarNoReportadas, type ResultadoProceso } from './proceso';
import {
  FalloEscaner,
  type CausaFalloEscaner,
  type DispositivoEscaner,
  type Escaner,
  type FormatoPagina,
  type FuenteEscaneo,
  type ModoEscaneo,
  type OpcionesEscaneo,
  type PaginaEscaneada,
} from './types';

export interface OpcionesSane {
  /** The scanimage binary (a full path on stations where it is not on PATH). */
  comando?: string;
  /** Added to the environment of every scanimage run (SANE_CONFIG_DIR for a private configuration). */
  entorno?: NodeJS.ProcessEnv;
  /** Longest a whole scan may take, feeder included. */
  tiempoMaximoMs?: number;
  /** Longest listing devices may take (network discovery of eSCL/airscan scanners is slow). */
  tiempoListarMs?: number;
  /** Device-specific options added to every scan (e.g. `--swdeskew=yes`, or the test backend's `--test-picture Grid`). */
  argumentosExtra?: string[];
}

// ---------------------------------------------------------------------------------------------
// Parsing `scanimage -A`

export interface OpcionSane {
  nombre: string; // "--source", "-x"
  valores: string[] | null; // list constraint
  rango: { min: number; max: number; paso: number | null } | null;
  actual: string | null;
  inactiva: boolean;
}

/** What we need from one device's options, already translated to our words. */
export interface CapacidadesSane {
  /** Arguments selecting each source we know, in the device's own words. */
  fuentes: Partial<Record<'plano' | 'adf' | 'duplex', string[]>>;
  modos: Partial<Record<ModoEscaneo, string[]>>;
  resoluciones: number[];
  /** `--resolution`, or `--x-resolution` for backends that split it; null: the device has no such option. */
  opcionResolucion: '--resolution' | '--x-resolution' | null;
}

const NUMERO_CON_UNIDAD = /^(-?\d+(?:\.\d+)?)(dpi|mm|%|pel|bit|us|ms)?$/;

/** Option lines of `scanimage -A`: four spaces, the option, its constraint, the current value in brackets. */
export function parsearOpcionesSane(salida: string): Map<string, OpcionSane> {
  const opciones = new Map<string, OpcionSane>();
  for (const linea of salida.split(/\r?\n/)) {
    // Descriptions are indented eight spaces, group titles two: only four spaces is an option.
    const m = /^ {4}(--?[A-Za-z0-9][\w-]*)(\[=\([^)]*\)\])?(?: (.*))?$/.exec(linea);
    if (!m) continue;
    const nombre = m[1]!;
    let resto = (m[3] ?? '').trim();
    const corchetes: string[] = [];
    // Trailing " [value]" groups; a value like "Gray[Error Diffusion]" (brother) has no space before its bracket.
    for (let c = / \[([^[\]]*)\]$/.exec(resto); c; c = / \[([^[\]]*)\]$/.exec(resto)) {
      corchetes.unshift(c[1]!);
      resto = resto.slice(0, c.index).trimEnd();
    }
    if (resto.startsWith('[') && resto.endsWith(']') && !resto.includes('|')) {
      corchetes.unshift(resto.slice(1, -1));
      resto = '';
    }
    const inactiva = corchetes.includes('inactive');
    const actual = corchetes.find((c) => c !== 'inactive' && c !== 'advanced') ?? null;
    let valores: string[] | null = null;
    let rango: OpcionSane['rango'] = null;
    const r = /^(-?\d+(?:\.\d+)?)\.\.(-?\d+(?:\.\d+)?)[a-z%]*(?:,\.\.\.)?(?: \(in steps of (\d+(?:\.\d+)?)\))?$/.exec(resto);
    if (r) {
      rango = { min: Number(r[1]), max: Number(r[2]), paso: r[3] ? Number(r[3]) : null };
    } else if (resto && !resto.startsWith('<')) {
      valores = resto.split('|');
      // "75|150|300|600dpi": the unit is glued to the last value.
      if (valores.every((v) => NUMERO_CON_UNIDAD.test(v))) valores = valores.map((v) => NUMERO_CON_UNIDAD.exec(v)![1]!);
    }
    if (!opciones.has(nombre)) opciones.set(nombre, { nombre, valores, rango, actual, inactiva });
  }
  return opciones;
}

const RESOLUCIONES_TIPICAS = [150, 200, 300, 600];

const esFuentePlano = (v: string) => /flat ?bed|platen|glass|document table|^normal$/i.test(v);
const esFuenteNoPapel = (v: string) => /transparen|negative|positive|film|slide|tma|tpu/i.test(v);
const esFuenteAdf = (v: string) => /adf|feeder|automatic document/i.test(v);

function elegir(valores: string[], aceptar: (v: string) => boolean, preferir: ((v: string) => boolean)[]): string | undefined {
  const candidatos = valores.filter(aceptar);
  for (const p of preferir) {
    const v = candidatos.find(p);
    if (v) return v;
  }
  return candidatos[0];
}

export function capacidadesSane(opciones: Map<string, OpcionSane>): CapacidadesSane {
  const fuentes: CapacidadesSane['fuentes'] = {};
  const source = opciones.get('--source');
  const valoresFuente = source?.valores ?? [];
  if (!source || valoresFuente.length === 0) {
    // No --source at all: a plain flatbed.
    fuentes.plano = [];
  } else {
    const plano = elegir(valoresFuente, (v) => esFuentePlano(v) && !esFuenteNoPapel(v), []);
    if (plano) fuentes.plano = ['--source', plano];
    const adf = elegir(
      valoresFuente,
      (v) => esFuenteAdf(v) && !/duplex|back|rear/i.test(v),
      [(v) => /front/i.test(v), (v) => /^adf$/i.test(v), (v) => /^automatic document feeder$/i.test(v)],
    );
    if (adf) fuentes.adf = ['--source', adf];
    const duplex = valoresFuente.find((v) => /duplex/i.test(v));
    if (duplex) fuentes.duplex = ['--source', duplex];
  }
  // epson2/epsonds select duplex apart from the source; a few backends have a --duplex switch.
  if (!fuentes.duplex && fuentes.adf) {
    const adfMode = opciones.get('--adf-mode');
    const dup = adfMode?.valores?.find((v) => /duplex/i.test(v));
    if (dup) fuentes.duplex = [...fuentes.adf, '--adf-mode', dup];
    else if (opciones.has('--duplex')) fuentes.duplex = [...fuentes.adf, '--duplex=yes'];
  }

  const modos: CapacidadesSane['modos'] = {};
  const mode = opciones.get('--mode');
  const valoresModo = mode?.valores ?? [];
  const tramado = (v: string) => /halftone|dither|diffusion/i.test(v);
  const color = elegir(valoresModo, (v) => /colou?r/i.test(v) && !tramado(v), [(v) => /^colou?r$/i.test(v), (v) => !/16|48/.test(v) && !/fast/i.test(v)]);
  if (color) modos.color = ['--mode', color];
  const gris = elegir(valoresModo, (v) => /gr[ae]y/i.test(v) && !tramado(v), [(v) => /^gr[ae]y(scale)?$/i.test(v), (v) => !/16/.test(v)]);
  if (gris) modos.gris = ['--mode', gris];
  const bn = elegir(valoresModo, (v) => /line ?art|binary|black ?(&|and) ?white|blackandwhite|^mono(chrome)?$|^b\/?w$/i.test(v) && !tramado(v), [
    (v) => /line ?art/i.test(v),
  ]);
  if (bn) modos.blanco_negro = ['--mode', bn];
  else if (gris) {
    // No line-art mode (the test backend, some eSCL devices): gray at one bit per pixel is line art.
    const depth = opciones.get('--depth');
    if (depth?.valores?.includes('1')) modos.blanco_negro = [...modos.gris!, '--depth', '1'];
  }
  // JPEG takes 8 bits; a backend defaulting to 16 would make scanimage refuse it.
  const depth = opciones.get('--depth');
  if (depth && !depth.inactiva && depth.valores?.includes('8') && depth.actual !== '8') {
    if (modos.color) modos.color = [...modos.color, '--depth', '8'];
    if (modos.gris) modos.gris = [...modos.gris, '--depth', '8'];
  }
  if (!mode) modos.color = []; // no --mode option: whatever the device gives (rare)

  let opcionResolucion: CapacidadesSane['opcionResolucion'] = null;
  let res = opciones.get('--resolution');
  if (res) opcionResolucion = '--resolution';
  else if ((res = opciones.get('--x-resolution'))) opcionResolucion = '--x-resolution';
  let resoluciones: number[] = [];
  if (res?.valores) resoluciones = res.valores.map(Number).filter((n) => Number.isFinite(n) && n > 0);
  else if (res?.rango) {
    const { min, max, paso } = res.rango;
    // Only values the device takes exactly (75..600 in steps of 5 takes 150 and 300, not 222).
    resoluciones = RESOLUCIONES_TIPICAS.filter((n) => n >= min && n <= max && (!paso || Math.abs((n - min) / paso - Math.round((n - min) / paso)) < 1e-6));
    if (resoluciones.length === 0) resoluciones = [...new Set([Math.round(min), Math.round(max)])];
  }
  return { fuentes, modos, resoluciones, opcionResolucion };
}

export function dispositivoSane(id: string, nombre: string, c: CapacidadesSane): DispositivoEscaner {
  const fuentes: FuenteEscaneo[] = [];
  if (c.fuentes.adf || c.fuentes.duplex) fuentes.push('adf');
  if (c.fuentes.plano) fuentes.push('plano');
  const modos = (['color', 'gris', 'blanco_negro'] as const).filter((m) => c.modos[m]);
  return { id, nombre, fuentes, duplex: !!c.fuentes.duplex, modos, resoluciones: c.resoluciones };
}

// ---------------------------------------------------------------------------------------------
// Parsing `scanimage -f`

export interface EntradaListaSane {
  id: string;
  fabricante: string;
  modelo: string;
  tipo: string;
}

/** The -f format we ask for: one device per line, tab-separated (names never contain tabs). */
export const FORMATO_LISTA_SANE = '%d\t%v\t%m\t%t%n';

export function parsearListaSane(salida: string): EntradaListaSane[] {
  const r: EntradaListaSane[] = [];
  for (const linea of salida.split(/\r?\n/)) {
    const [id, fabricante = '', modelo = '', tipo = ''] = linea.split('\t');
    if (id && linea.includes('\t')) r.push({ id: id.trim(), fabricante: fabricante.trim(), modelo: modelo.trim(), tipo: tipo.trim() });
  }
  return r;
}

// ---------------------------------------------------------------------------------------------
// Building the scan command

export interface ComandoEscaneoSane {
  args: string[];
  formato: FormatoPagina;
  extension: 'jpg' | 'png';
}

export const NOMBRE_FUENTE: Record<FuenteEscaneo, string> = { adf: 'alimentador de hojas', plano: 'vidrio (cama plana)' };
export const NOMBRE_MODO: Record<ModoEscaneo, string> = { color: 'color', gris: 'escala de grises', blanco_negro: 'blanco y negro' };

export function argumentosEscaneoSane(c: CapacidadesSane, o: OpcionesEscaneo, extra: string[] = []): ComandoEscaneoSane {
  const clave = o.fuente === 'plano' ? 'plano' : o.duplex ? 'duplex' : 'adf';
  const fuente = c.fuentes[clave];
  if (!fuente) {
    if (clave === 'duplex') {
      throw new FalloEscaner(
        `El escáner ${o.dispositivo} no escanea por las dos caras (dúplex). Escanee por una cara o use otro escáner.`,
        'no_soportado',
      );
    }
    throw new FalloEscaner(`El escáner ${o.dispositivo} no tiene ${NOMBRE_FUENTE[o.fuente]}. Elija la otra fuente.`, 'no_soportado');
  }
  const modo = c.modos[o.modo];
  if (!modo) throw new FalloEscaner(`El escáner ${o.dispositivo} no escanea en ${NOMBRE_MODO[o.modo]}. Elija otro modo.`, 'no_soportado');
  if (!Number.isInteger(o.resolucion) || o.resolucion <= 0) throw new FalloEscaner(`Resolución no válida: ${o.resolucion}.`, 'no_soportado');
  // Line art is one bit per pixel: JPEG would blur the text into grey blocks, PNG keeps it sharp and small.
  const lineart = o.modo === 'blanco_negro';
  const formato: FormatoPagina = lineart ? 'png' : 'jpeg';
  const extension = lineart ? 'png' : 'jpg';
  const args = ['-d', o.dispositivo, ...fuente, ...modo];
  if (c.opcionResolucion === '--resolution') args.push('--resolution', String(o.resolucion));
  else if (c.opcionResolucion === '--x-resolution') args.push('--x-resolution', String(o.resolucion), '--y-resolution', String(o.resolucion));
  // scanimage fills the batch name with printf: a % in the folder name must be doubled.
  const patron = path.join(o.carpeta, `pagina-%04d.${extension}`).split(path.sep);
  const archivo = patron.pop()!;
  const batch = [...patron.map((p) => p.replace(/%/g, '%%')), archivo].join(path.sep);
  args.push(`--format=${formato}`, `--batch=${batch}`, '--batch-print');
  if (o.fuente === 'plano') args.push('--batch-count=1');
  // In duplex each sheet gives two images: `paginas` counts sheets taken from the feeder.
  else if (o.paginas !== undefined) args.push(`--batch-count=${o.paginas * (o.duplex ? 2 : 1)}`);
  args.push(...extra);
  return { args, formato, extension };
}

// ---------------------------------------------------------------------------------------------
// Reading scanimage's messages

/** SANE status texts (sane_strstatus) as scanimage prints them, and what they mean for the clerk. */
const ESTADOS: { patron: RegExp; causa: CausaFalloEscaner; mensaje: (d: string) => string }[] = [
  { patron: /out of documents|no documents/i, causa: 'sin_papel', mensaje: () => 'No hay hojas en el alimentador del escáner. Coloque los documentos y vuelva a escanear.' },
  { patron: /jammed/i, causa: 'atasco', mensaje: () => 'Hay papel atascado en el escáner. Retire la hoja atascada, revise las demás y vuelva a escanear.' },
  { patron: /cover is open|cover open/i, causa: 'atasco', mensaje: () => 'La tapa del escáner está abierta. Ciérrela y vuelva a escanear.' },
  { patron: /device busy/i, causa: 'ocupado', mensaje: (d) => `El escáner ${d} está ocupado por otro programa. Cierre el otro programa de escaneo o espere a que termine.` },
  {
    patron: /access to resource has been denied/i,
    causa: 'fallo',
    mensaje: (d) => `Este usuario no tiene permiso para usar el escáner ${d}. Pida a TI que lo agregue al grupo scanner.`,
  },
  { patron: /error during device i\/o/i, causa: 'sin_dispositivo', mensaje: (d) => `Se perdió la comunicación con el escáner ${d}: revise el cable y que esté encendido.` },
  { patron: /operation was cancell?ed/i, causa: 'cancelado', mensaje: () => 'El escaneo se canceló en el escáner.' },
  { patron: /operation not supported/i, causa: 'no_soportado', mensaje: (d) => `El escáner ${d} no admite la configuración pedida. Pruebe otra fuente, modo o resolución.` },
  { patron: /invalid argument/i, causa: 'no_soportado', mensaje: (d) => `El escáner ${d} no admite la configuración pedida. Pruebe otra fuente, modo o resolución.` },
  { patron: /out of memory/i, causa: 'fallo', mensaje: () => 'El equipo se quedó sin memoria al escanear. Cierre otros programas o baje la resolución.' },
];

/** SANE_Status numbers: scanimage exits with the status of the failure. */
const CODIGOS_SANE: Record<number, string> = {
  2: 'Operation was cancelled',
  3: 'Device busy',
  4: 'Invalid argument',
  6: 'Document feeder jammed',
  7: 'Document feeder out of documents',
  8: 'Scanner cover is open',
  9: 'Error during device I/O',
  10: 'Out of memory',
  11: 'Access to resource has been denied',
};

const OPCION_LEGIBLE: Record<string, string> = {
  '--source': 'la fuente (alimentador o vidrio)',
  '--mode': 'el modo de color',
  '--resolution': 'la resolución',
  '--x-resolution': 'la resolución',
  '--depth': 'la profundidad de color',
  '--adf-mode': 'el modo dúplex',
  '--duplex': 'el modo dúplex',
};

/**
 * Turns scanimage's stderr (and exit code) into a FalloEscaner, or null when the run ended well.
 * "Out of documents" after at least one page is how every feeder batch without a page count ends.
 */
export function falloSane(stderr: readonly string[], codigo: number | null, paginas: number, dispositivo: string): FalloEscaner | null {
  const d = `«${dispositivo}»`;
  const texto = stderr.join('\n');
  if (/out of documents|no documents/i.test(texto) && paginas > 0) return null;
  if (codigo === 0) return null;

  const apertura = /open of device .* failed: (.*)$/im.exec(texto);
  if (apertura) {
    const motivo = apertura[1]!;
    if (/busy/i.test(motivo)) return new FalloEscaner(`El escáner ${d} está ocupado por otro programa. Cierre el otro programa de escaneo o espere a que termine.`, 'ocupado');
    if (/denied/i.test(motivo)) return new FalloEscaner(`Este usuario no tiene permiso para usar el escáner ${d}. Pida a TI que lo agregue al grupo scanner.`, 'fallo');
    return new FalloEscaner(`No se encuentra el escáner ${d}: revise que esté conectado y encendido, y vuelva a buscar escáneres.`, 'sin_dispositivo');
  }
  if (/no SANE devices found/i.test(texto)) {
    return new FalloEscaner('No se encontró ningún escáner: revise que esté conectado y encendido.', 'sin_dispositivo');
  }
  const opcion = /setting of option (--?[\w-]+) failed|attempted to set (?:inactive|readonly) option (--?[\w-]+)|option (--?[\w-]+) (?:is not|isn't) active/i.exec(texto);
  if (opcion) {
    const nombre = opcion[1] ?? opcion[2] ?? opcion[3] ?? '';
    return new FalloEscaner(`El escáner ${d} no admite ${OPCION_LEGIBLE[nombre] ?? `la opción ${nombre}`} pedida. Elija otra configuración.`, 'no_soportado');
  }
  if (/unrecognized option|invalid option|unknown option/i.test(texto)) {
    return new FalloEscaner(`Una opción adicional configurada para el escáner ${d} no es válida. Revise la configuración del escáner.`, 'no_soportado');
  }
  if (/cannot open .*\.part|cannot rename|cannot close image file/i.test(texto)) {
    return new FalloEscaner('No se pudieron guardar las páginas escaneadas en el disco. Revise el espacio libre y avise a TI.', 'fallo');
  }
  // "scanimage: sane_read: Document feeder jammed", "sane_start: Device busy"…
  const estadoTexto = /sane_(?:start|read|open|control_option|get_parameters): (.*)$/im.exec(texto)?.[1] ?? (codigo !== null ? CODIGOS_SANE[codigo] : undefined) ?? '';
  for (const e of ESTADOS) if (e.patron.test(estadoTexto)) return new FalloEscaner(e.mensaje(d), e.causa);
  return new FalloEscaner(`El escáner ${d} falló${estadoTexto ? ` (${estadoTexto.slice(0, 120)})` : ''}. Revíselo y vuelva a intentar.`, 'fallo');
}

// ---------------------------------------------------------------------------------------------
// The adapter

const SIN_SANE = 'SANE no está instalado en este equipo (falta el programa scanimage). Pida a TI que instale el paquete sane-utils.';
const PAGINA = /^pagina-(\d{4,})\.(jpg|png)(\.part)?$/;

export function escanerSane(opciones: OpcionesSane = {}): Escaner {
  const comando = opciones.comando ?? 'scanimage';
  // Untranslated messages: the parsers read scanimage's English texts.
  const entorno = { LC_ALL: 'C', LANG: 'C', ...opciones.entorno };
  const tiempoMaximoMs = opciones.tiempoMaximoMs ?? 20 * 60_000;
  const tiempoListarMs = opciones.tiempoListarMs ?? 60_000;
  const extra = opciones.argumentosExtra ?? [];

  const correr = (args: string[], limiteMs: number, senal?: AbortSignal): Promise<ResultadoProceso> =>
    ejecutarProceso({ comando, args, entorno, tiempoMaximoMs: limiteMs, senal });

  const sinSane = (r: ResultadoProceso) => r.errorSpawn?.code === 'ENOENT';

  async function capacidades(dispositivo: string, senal?: AbortSignal): Promise<CapacidadesSane> {
    const r = await correr(['-d', dispositivo, '-A'], 60_000, senal);
    if (sinSane(r)) throw new FalloEscaner(SIN_SANE, 'sin_dispositivo');
    if (r.detenido === 'cancelado') throw new FalloEscaner('Escaneo cancelado.', 'cancelado');
    if (r.codigo !== 0) throw falloSane(r.stderr, r.codigo ?? 1, 0, dispositivo) ?? new FalloEscaner(`El escáner «${dispositivo}» no respondió.`, 'fallo');
    return capacidadesSane(parsearOpcionesSane(r.stdout.join('\n')));
  }

  return {
    async listar() {
      const r = await correr(['-f', FORMATO_LISTA_SANE], tiempoListarMs);
      if (sinSane(r)) throw new FalloEscaner(SIN_SANE, 'sin_dispositivo');
      if (r.detenido === 'tiempo') throw new FalloEscaner('Buscar escáneres tardó demasiado. Vuelva a intentar.', 'fallo');
      const entradas = parsearListaSane(r.stdout.join('\n'));
      const nombres = entradas.map((e) => [e.fabricante, e.modelo].filter((x) => x && x !== 'Noname').join(' ') || e.id);
      const dispositivos: DispositivoEscaner[] = [];
      // One device at a time: USB scanners do not like being opened concurrently.
      for (const [i, e] of entradas.entries()) {
        const base = nombres[i]!;
        const nombre = nombres.filter((n) => n === base).length > 1 ? `${base} (${e.id})` : base;
        try {
          dispositivos.push(dispositivoSane(e.id, nombre, await capacidades(e.id)));
        } catch {
          // Busy or unreachable right now: still listed, so the clerk sees it and gets the real error on scanning.
          dispositivos.push({ id: e.id, nombre, fuentes: [], duplex: false, modos: [], resoluciones: [] });
        }
      }
      return dispositivos;
    },

    async escanear(o, alPagina) {
      if (o.senal?.aborted) throw new FalloEscaner('Escaneo cancelado.', 'cancelado');
      try {
        if (!(await stat(o.carpeta)).isDirectory()) throw new Error('no es carpeta');
      } catch {
        throw new FalloEscaner('La carpeta para las páginas escaneadas no existe. Vuelva a intentar; si persiste, avise a TI.', 'fallo');
      }
      const comandoEscaneo = argumentosEscaneoSane(await capacidades(o.dispositivo, o.senal), o, extra);
      const paginas: PaginaEscaneada[] = [];
      const reportadas = new Set<string>();
      const r = await ejecutarProceso({
        comando,
        args: comandoEscaneo.args,
        entorno,
        tiempoMaximoMs,
        senal: o.senal,
        terminoEn: /^Batch terminated/,
        // --batch-print prints each file name after scanimage closed and renamed it; "Scanned page N."
        // on stderr comes before that (the file is still "name.part"), so it cannot mark a page complete.
        alLineaStdout: (linea) => {
          const ruta = path.resolve(o.carpeta, linea.trim());
          if (!PAGINA.test(path.basename(ruta)) || reportadas.has(ruta)) return;
          reportadas.add(ruta);
          const p: PaginaEscaneada = { indice: paginas.length + 1, ruta, formato: comandoEscaneo.formato };
          paginas.push(p);
          try {
            alPagina?.(p);
          } catch {
            /* a failing thumbnail must not stop the feeder */
          }
        },
      });
      const limpiar = () => limpiarNoReportadas(o.carpeta, (n) => PAGINA.test(n), reportadas);
      if (sinSane(r)) throw new FalloEscaner(SIN_SANE, 'sin_dispositivo');
      if (r.detenido === 'cancelado') {
        await limpiar();
        throw new FalloEscaner('Escaneo cancelado.', 'cancelado');
      }
      if (r.detenido === 'tiempo') {
        await limpiar();
        throw new FalloEscaner(
          `El escáner «${o.dispositivo}» no terminó en ${Math.round(tiempoMaximoMs / 60_000)} minutos. Revise si hay papel atascado y vuelva a intentar.`,
          'fallo',
        );
      }
      // Stopped after "Batch terminated": the exit code is lost; a sane_* error line says it failed.
      const codigo = r.detenido === 'terminado' ? (/sane_\w+: /.test(r.stderr.join('\n')) ? 1 : 0) : r.codigo;
      const fallo = falloSane(r.stderr, codigo, paginas.length, o.dispositivo);
      await limpiar();
      if (fallo) throw fallo;
      return paginas;
    },
  };
}
