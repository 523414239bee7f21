/**
 * Windows scanners through the NAPS2 console (NAPS2.Console.exe), for stations where NAPS2 is
 * installed: it speaks WIA, TWAIN (many document scanners, e.g. Fujitsu/Canon/Kodak, are best
 * with their TWAIN driver) and eSCL network scanners.
 *
 * Options as NAPS2 7+ defines them (cyanfish/naps2, NAPS2.Lib/Automation/AutomatedScanningOptions.cs):
 * `--listdevices` (needs `--driver`) prints one device name per line; `--driver wia|twain|escl`;
 * `--device` is matched by name, "can be inexact" (a case-insensitive substring); `--source
 * glass|feeder|duplex`; `--dpi`; `--bitdepth color|gray|bw`; `--noprofile` ignores the GUI's
 * profiles; `-o` with the `$(nnnn)` placeholder and `--split` gives one file per page; `-f`
 * overwrites. NAPS2 writes the files only after the whole batch is scanned (AutomatedScanning.cs
 * exports after PerformScan), so pages are reported at the end, in file-name order. Driver errors
 * are printed as the exception message, in English or in the Windows language
 * (NAPS2.Sdk/Lang/Resources/SdkResources*.resx): we recognise both English and Spanish.
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { ejecutarProceso, limpiarNoReportadas, type ResultadoProceso } from './proceso';
import { FalloEscaner, type CausaFalloEscaner, type DispositivoEscaner, type Escaner, type OpcionesEscaneo, type PaginaEscaneada } from './types';

export type DriverNaps2 = 'wia' | 'twain' | 'escl';

export interface OpcionesNaps2 {
  /** Full path of NAPS2.Console.exe. */
  comando?: string;
  driver?: DriverNaps2;
  entorno?: NodeJS.ProcessEnv;
  tiempoMaximoMs?: number;
}

/** Where the NAPS2 installer puts the console (7.x: Program Files\NAPS2; 6.x 32-bit: Program Files (x86)). */
export const RUTAS_NAPS2 = ['C:\\Program Files\\NAPS2\\NAPS2.Console.exe', 'C:\\Program Files (x86)\\NAPS2\\NAPS2.Console.exe'];

export function argumentosListarNaps2(driver: DriverNaps2): string[] {
  return ['--listdevices', '--driver', driver];
}

export interface ComandoNaps2 {
  args: string[];
  formato: 'jpeg' | 'png';
  extension: 'jpg' | 'png';
}

const FUENTE: Record<'glass' | 'feeder' | 'duplex', string> = { glass: 'glass', feeder: 'feeder', duplex: 'duplex' };
const BITDEPTH = { color: 'color', gris: 'gray', blanco_negro: 'bw' } as const;

/**
 * The arguments as an array: spawn hands each one to Windows quoted as one argument, so a folder
 * like `C:\Users\José Pérez\Radica\escaneo 1` needs no quoting here (and must not get any: literal
 * quotes would become part of the path).
 */
export function argumentosEscaneoNaps2(o: OpcionesEscaneo, driver: DriverNaps2, separador: '\\' | '/' = '\\'): ComandoNaps2 {
  const png = o.modo === 'blanco_negro'; // JPEG smears one-bit text
  const extension = png ? 'png' : 'jpg';
  const carpeta = o.carpeta.replace(/[\\/]+$/, '');
  const fuente = o.fuente === 'plano' ? FUENTE.glass : o.duplex ? FUENTE.duplex : FUENTE.feeder;
  return {
    formato: png ? 'png' : 'jpeg',
    extension,
    args: [
      '--noprofile',
      '--driver', driver,
      '--device', o.dispositivo,
      '--source', fuente,
      '--dpi', String(o.resolucion),
      '--bitdepth', BITDEPTH[o.modo],
      '-o', `${carpeta}${separador}pagina-$(nnnn).${extension}`,
      '--split',
      '-f',
    ],
  };
}

const TIPICAS = [150, 200, 300, 600];

/** `--listdevices` prints names only: capabilities are unknown until a scan, so everything is offered and NAPS2 refuses what the device lacks. */
export function parsearListaNaps2(salida: string): DispositivoEscaner[] {
  const vistos = new Set<string>();
  const r: DispositivoEscaner[] = [];
  for (const linea of salida.split(/\r?\n/)) {
    const nombre = linea.trim();
    if (!nombre || vistos.has(nombre) || RECONOCIDOS.some((e) => e.patron.test(nombre))) continue;
    vistos.add(nombre);
    r.push({ id: nombre, nombre, fuentes: ['adf', 'plano'], duplex: true, modos: ['color', 'gris', 'blanco_negro'], resoluciones: [...TIPICAS] });
  }
  return r;
}

const RECONOCIDOS: { patron: RegExp; causa: CausaFalloEscaner; mensaje: (d: string) => string }[] = [
  { patron: /no pages are in the feeder|sin hojas en el alimentador/i, causa: 'sin_papel', mensaje: () => 'No hay hojas en el alimentador del escáner. Coloque los documentos y vuelva a escanear.' },
  { patron: /paper jam|papel atascado/i, causa: 'atasco', mensaje: () => 'Hay papel atascado en el escáner. Retire la hoja atascada y vuelva a escanear.' },
  { patron: /cover is open|tapa del escáner está abierta/i, causa: 'atasco', mensaje: () => 'La tapa del escáner está abierta. Ciérrela y vuelva a escanear.' },
  { patron: /scanner is busy|está ocupado/i, causa: 'ocupado', mensaje: (d) => `El escáner ${d} está ocupado. Cierre otros programas de escaneo o espere a que termine.` },
  { patron: /warming up|se está calentando/i, causa: 'ocupado', mensaje: (d) => `El escáner ${d} se está calentando. Espere unos segundos y vuelva a intentar.` },
  {
    patron: /could not be found|no scanning device was found|no se ha encontrado/i,
    causa: 'sin_dispositivo',
    mensaje: (d) => `No se encuentra el escáner ${d}: revise que esté conectado y encendido, y vuelva a buscar escáneres.`,
  },
  { patron: /is offline|está inactivo|communication with the scanning device was interrupted/i, causa: 'sin_dispositivo', mensaje: (d) => `El escáner ${d} está apagado o desconectado. Enciéndalo y revise el cable.` },
  { patron: /does not support using duplex|no admite el uso dúplex/i, causa: 'no_soportado', mensaje: (d) => `El escáner ${d} no escanea por las dos caras (dúplex). Escanee por una cara.` },
  { patron: /does not support using a feeder|no admite el uso de un alimentador/i, causa: 'no_soportado', mensaje: (d) => `El escáner ${d} no tiene alimentador de hojas. Use el vidrio.` },
  { patron: /driver is not supported|no está admitido en este sistema|driver option was not valid/i, causa: 'no_soportado', mensaje: () => 'El controlador configurado para NAPS2 no sirve en este equipo. Elija WIA o TWAIN en la configuración del escáner.' },
  { patron: /no scanned pages to export/i, causa: 'sin_papel', mensaje: () => 'El escáner no entregó ninguna página. Coloque los documentos y vuelva a escanear.' },
  { patron: /error occurred with the scanning driver|error con el controlador del escáner/i, causa: 'fallo', mensaje: (d) => `El controlador del escáner ${d} falló. Apague y encienda el escáner y vuelva a intentar.` },
];

/** A NAPS2 run's output → FalloEscaner, or null when it said nothing we recognise as an error. */
export function falloNaps2(salida: readonly string[], dispositivo: string): FalloEscaner | null {
  const d = `«${dispositivo}»`;
  const texto = salida.join('\n');
  for (const e of RECONOCIDOS) if (e.patron.test(texto)) return new FalloEscaner(e.mensaje(d), e.causa);
  if (/unexpected error|an error occurred/i.test(texto)) return new FalloEscaner(`NAPS2 falló al escanear con ${d}. Revise el escáner y vuelva a intentar.`, 'fallo');
  return null;
}

const PAGINA = /^pagina-(\d+)\.(jpg|png)$/;

/** Page files NAPS2 left, in page order (numeric: pagina-10 after pagina-9 whatever the padding). */
export function ordenarPaginasNaps2(nombres: string[]): string[] {
  return nombres.filter((n) => PAGINA.test(n)).sort((a, b) => Number(PAGINA.exec(a)![1]) - Number(PAGINA.exec(b)![1]));
}

const SIN_NAPS2 = 'NAPS2 no está instalado en este equipo. Instálelo o cambie el escáner a WIA en la configuración.';

export function escanerNaps2(opciones: OpcionesNaps2 = {}): Escaner {
  const comando = opciones.comando ?? RUTAS_NAPS2[0]!;
  const driver = opciones.driver ?? 'wia';
  const tiempoMaximoMs = opciones.tiempoMaximoMs ?? 20 * 60_000;
  const correr = (args: string[], limiteMs: number, senal?: AbortSignal): Promise<ResultadoProceso> =>
    ejecutarProceso({ comando, args, entorno: opciones.entorno, tiempoMaximoMs: limiteMs, senal });

  return {
    async listar() {
      const r = await correr(argumentosListarNaps2(driver), 60_000);
      if (r.errorSpawn?.code === 'ENOENT') throw new FalloEscaner(SIN_NAPS2, 'sin_dispositivo');
      return parsearListaNaps2(r.stdout.join('\n'));
    },

    async escanear(o, alPagina) {
      const c = argumentosEscaneoNaps2(o, driver, process.platform === 'win32' ? '\\' : '/');
      const r = await correr(c.args, tiempoMaximoMs, o.senal);
      const todas = async () => ordenarPaginasNaps2(await readdir(o.carpeta).catch(() => [] as string[]));
      if (r.errorSpawn?.code === 'ENOENT') throw new FalloEscaner(SIN_NAPS2, 'sin_dispositivo');
      if (r.detenido) {
        await limpiarNoReportadas(o.carpeta, (n) => PAGINA.test(n), new Set());
        throw r.detenido === 'cancelado'
          ? new FalloEscaner('Escaneo cancelado.', 'cancelado')
          : new FalloEscaner(`El escáner «${o.dispositivo}» no terminó a tiempo. Revise si hay papel atascado y vuelva a intentar.`, 'fallo');
      }
      let nombres = await todas();
      const fallo = falloNaps2([...r.stdout, ...r.stderr], o.dispositivo);
      // NAPS2 keeps what it scanned before an empty feeder; any other error or no page at all is a failure.
      if ((fallo && !(fallo.causa === 'sin_papel' && nombres.length > 0)) || nombres.length === 0) {
        await limpiarNoReportadas(o.carpeta, (n) => PAGINA.test(n), new Set());
        throw fallo ?? new FalloEscaner(`El escáner «${o.dispositivo}» no entregó ninguna página. Coloque los documentos y vuelva a escanear.`, 'sin_papel');
      }
      // NAPS2 has no page limit: it takes the whole feeder. Keep what was asked for.
      const limite = o.fuente === 'plano' ? 1 : o.paginas !== undefined ? o.paginas * (o.duplex ? 2 : 1) : Infinity;
      if (nombres.length > limite) {
        const conservar = new Set(nombres.slice(0, limite).map((n) => path.join(o.carpeta, n)));
        await limpiarNoReportadas(o.carpeta, (n) => PAGINA.test(n), conservar);
        nombres = nombres.slice(0, limite);
      }
      const paginas: PaginaEscaneada[] = nombres.map((n, i) => ({ indice: i + 1, ruta: path.join(o.carpeta, n), formato: c.formato }));
      for (const p of paginas) {
        try {
          alPagina?.(p);
        } catch {
          /* a failing thumbnail must not lose the scan */
        }
      }
      return paginas;
    },
  };
}
