/**
 * The central store from the command line (issue 7):
 *
 *   radica central migrar --url URL [--json]
 *   radica central estacion registrar --url URL --sede 01 --ventanilla 03 [--json]   → {url}
 *   radica central coordinador registrar --url URL --usuario carla [--json]   → {url}
 *   radica central estado --url URL [--json]
 *   radica central catalogo publicar --url URL --archivo catalogo.json [--json]
 *   radica central coordinacion [--data-dir D] [--url URL | --quitar] [--json]
 *   radica central modelo importar --url URL --csv F --texto COL [--tipo COL] [--dependencia COL] [--peso COL]
 *          [--origen NOMBRE] [--reemplazar] [--equivalencias F] [--json]   → {importados, reemplazados, rechazados: [{fila, motivo}], catalogo}
 *   radica central modelo importados --url URL [--quitar-origen NOMBRE] [--json]   → {importaciones: [{origen, ejemplos, importadoEn, importadoPor}], quitados}
 *   radica central modelo entrenar --url URL [--json]   → {modelos: [{objetivo, version, …}], radicados, revisados, importados, demo}
 *   radica sync [--data-dir D] [--url URL] [--json] [--continuo] [--lote N] [--intervalo MS]
 *
 * URL may also come from RADICA_CENTRAL_URL (a password on the command line is visible to other
 * users of the machine). `sync` without a URL uses the station URL kept from its last sync.
 * Exit codes: 0 ok, 1 failure (no connection, refused installation, …), 2 wrong usage.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openStation, type Station } from '../station';
import { defaultDataDir } from '../paths';
import { RadicaError } from '../../shared/ipc/result';
import { formatFechaHora, isoBogota } from '../../shared/domain/bogota';
import { catalogoSchema } from '../../shared/domain/catalog';
import { migrar } from '../central/esquema';
import { registrarCoordinador, registrarEstacion } from '../central/registro';
import { estadoCentral, type EstadoEstacion } from '../central/estado';
import { publicarCatalogo } from '../central/publicar';
import { Replicador, type ResultadoPasada } from '../central/replicador';
import { urlSinClave } from '../central/conexion';
import {
  entrenarYPublicar,
  importacionesCentrales,
  importarEjemplosCentrales,
  type ImportacionCentral,
  type ResultadoEntrenamientoCentral,
  type ResultadoImportacionCentral,
} from '../central/modelos';
import { ErrorDeColumnas, leerCsvEjemplos, lineasRechazos, OPCIONES_CSV_CLI } from './csvEjemplos';
import { entrenadorPorDefecto } from '../services/entrenador';
import { CLAVE_COORDINACION, guardarCoordinacion } from '../central/coordinacion';

export const AYUDA_CENTRAL = `  central migrar --url URL          crea o actualiza el esquema del servidor central (PostgreSQL)
  central estacion registrar --url URL --sede 01 --ventanilla 03
          crea el usuario de la estación (solo escribe su propia serie) e imprime su {url}
  central coordinador registrar --url URL --usuario U [--sedes 01,02]
          crea el usuario de un coordinador (lee la revisión consolidada de sus sedes, marca) e imprime su {url}
  central estado --url URL          cada estación: último contacto, pendientes, retraso, versión, impresoras
  central catalogo publicar --url URL --archivo catalogo.json      las estaciones lo reciben al sincronizar
  central coordinacion --url URL | --quitar
          guarda en esta estación la dirección de coordinación (la de «coordinador registrar»): Radica
          abre en modo coordinador sin variables de entorno. Sin opciones, muestra la guardada.
  central modelo importar --url URL --csv F --texto COL [--tipo COL] [--dependencia COL] [--peso COL]
          [--origen NOMBRE] [--reemplazar] [--equivalencias ARCHIVO]
          guarda en el servidor central el histórico etiquetado de otro sistema (Orfeo, Mercurio…): el
          próximo «central modelo entrenar» aprende de él. Las etiquetas (código o nombre) se comparan
          con el catálogo publicado. --reemplazar cambia lo importado antes con el mismo origen.
          --equivalencias: CSV campo,valor,codigo que traduce las etiquetas del otro sistema al catálogo.
  central modelo importados --url URL [--quitar-origen NOMBRE]
          lista el histórico importado por origen (ejemplos, fecha, quién); --quitar-origen lo borra.
  central modelo entrenar --url URL  entrena el clasificador de la entidad con los radicados de todas las
          estaciones, las correcciones de los coordinadores y el histórico importado, y lo publica:
          cada estación lo recibe al sincronizar y lo usa en lugar del suyo. Con la dirección del
          administrador; p. ej. cada lunes.
  sync [--url URL] [--continuo] [--lote 1000] [--intervalo 1000]
          envía la bandeja de salida al servidor central y trae lo que es de la estación:
          {enviados, recibidos, pendientes, retrasoMs}. Con la URL de un administrador registra la
          estación la primera vez. URL también en RADICA_CENTRAL_URL; sin ella, la de la última vez.`;

class Uso extends Error {}

const opciones = {
  'data-dir': { type: 'string' },
  url: { type: 'string' },
  json: { type: 'boolean', default: false },
  sede: { type: 'string' },
  ventanilla: { type: 'string' },
  continuo: { type: 'boolean', default: false },
  lote: { type: 'string' },
  intervalo: { type: 'string' },
  archivo: { type: 'string' },
  usuario: { type: 'string' },
  sedes: { type: 'string' },
  quitar: { type: 'boolean', default: false },
  ...OPCIONES_CSV_CLI,
  reemplazar: { type: 'boolean', default: false },
  'quitar-origen': { type: 'string' },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

type Valores = ReturnType<typeof parseArgs<{ options: typeof opciones; allowPositionals: true }>>['values'];

export function esComandoCentral(argv: readonly string[]): boolean {
  return argv[0] === 'central' || argv[0] === 'sync';
}

function urlDe(v: Valores, obligatoria: true): string;
function urlDe(v: Valores, obligatoria: false): string | undefined;
function urlDe(v: Valores, obligatoria: boolean): string | undefined {
  const url = v.url ?? process.env.RADICA_CENTRAL_URL;
  if (!url && obligatoria) throw new Uso('Falta --url postgres://usuario:clave@servidor:5432/base (o la variable RADICA_CENTRAL_URL).');
  return url || undefined;
}

function entero(s: string | undefined, nombre: string, defecto: number): number {
  if (s === undefined) return defecto;
  if (!/^\d+$/.test(s) || Number(s) < 1) throw new Uso(`--${nombre} debe ser un entero positivo (recibí "${s}").`);
  return Number(s);
}

const iso = (ms: number | null) => (ms === null ? null : isoBogota(ms));

function duracion(ms: number | null): string {
  if (ms === null) return '—';
  if (ms < 1000) return `${ms} ms`;
  if (ms < 120_000) return `${Math.round(ms / 1000)} s`;
  if (ms < 7_200_000) return `${Math.round(ms / 60_000)} min`;
  return `${Math.round(ms / 3_600_000)} h`;
}

function textoEstado(es: EstadoEstacion[]): string {
  if (es.length === 0) return 'No hay estaciones registradas.';
  return es
    .map((e) =>
      [
        `Sede ${e.sede} · ventanilla ${e.ventanilla}  (${e.rol})${e.reclamada ? '' : '  — aún no se ha conectado'}`,
        `  Último contacto: ${e.ultimoContacto ? `${formatFechaHora(e.ultimoContacto)} (hace ${duracion(e.sinContactoMs)})` : 'nunca'}`,
        `  Pendientes: ${e.pendientes ?? '—'} · retraso: ${duracion(e.retrasoMs)} · radicados recibidos: ${e.radicados} · versión ${e.version ?? '—'}`,
        ...(Array.isArray(e.impresoras) && e.impresoras.length
          ? [`  Impresoras: ${(e.impresoras as { id?: string; estado?: string }[]).map((i) => `${i.id ?? '?'} ${i.estado ?? '?'}`).join(', ')}`]
          : []),
        ...(e.rechazos
          ? [`  ¡${e.rechazos === 1 ? 'Un intento' : `${e.rechazos} intentos`} de otra instalación con esta serie! (último ${formatFechaHora(e.ultimoRechazo!)})`]
          : []),
      ].join('\n'),
    )
    .join('\n');
}

function textoModelos(r: ResultadoEntrenamientoCentral): string {
  const pct = (x: number | null) => (x === null ? 'sin medir (pocos ejemplos)' : `${(x * 100).toFixed(1).replace('.', ',')} %`);
  const importados = r.importados ? ` y ${r.importados} ejemplos importados de otro sistema,` : '';
  return [
    `Modelo de la entidad entrenado con ${r.radicados} radicados${r.demo ? ' de demostración' : ''} (${r.revisados} revisados por coordinadores)${importados} y publicado:`,
    ...r.modelos.map((m) => `  ${m.objetivo.padEnd(12)} versión ${m.version}: exactitud ${pct(m.accuracy)}, macro-F1 ${pct(m.macroF1)}, ${m.entrenamientoMs} ms`),
    'Las estaciones lo reciben en su próxima sincronización.',
  ].join('\n');
}

function textoImportacion(r: ResultadoImportacionCentral, filas: number, origen: string): string {
  return [
    `Se importaron al servidor central ${r.importados} ejemplos de ${filas} filas de «${origen}»${r.reemplazados ? ` (reemplazan a los ${r.reemplazados} importados antes con ese origen)` : ''}.`,
    `Etiquetas comparadas con ${r.catalogo === null ? 'los códigos que ya usan los radicados (no hay catálogo publicado)' : `el catálogo versión ${r.catalogo}`}.`,
    ...(r.rechazados.length ? [`Rechazadas: ${r.rechazados.length}.`, ...lineasRechazos(r.rechazados)] : []),
    'Use «radica central modelo entrenar» para que el modelo de la entidad aprenda de ellos.',
  ].join('\n');
}

function textoImportaciones(xs: ImportacionCentral[], quitado: string | undefined, quitados: number): string {
  return [
    ...(quitado ? [`Se quitaron los ${quitados} ejemplos importados de «${quitado}». El próximo «radica central modelo entrenar» ya no los usa.`] : []),
    ...(xs.length
      ? ['Histórico importado en el servidor central:', ...xs.map((i) => `  ${i.origen}: ${i.ejemplos} ejemplos, ${formatFechaHora(i.importadoEn)} (${i.importadoPor})`)]
      : ['No hay histórico importado en el servidor central.']),
  ].join('\n');
}

function textoPasada(r: ResultadoPasada): string {
  return `Enviados: ${r.enviados} · recibidos: ${r.recibidos} · pendientes: ${r.pendientes} · retraso: ${duracion(r.retrasoMs)}`;
}

const jsonPasada = (r: ResultadoPasada) => ({ enviados: r.enviados, recibidos: r.recibidos, pendientes: r.pendientes, retrasoMs: r.retrasoMs });

function abrir(v: Valores): Station {
  const dataDir = path.resolve(v['data-dir'] ?? defaultDataDir());
  try {
    return openStation({ dataDir });
  } catch (err) {
    if (err instanceof RadicaError) throw err;
    throw new RadicaError('INTERNO', `No se pudo abrir la base de datos en ${dataDir}: ${(err as Error).message}.`);
  }
}

/** Keeps, shows or forgets the coordinator's URL of this station (coordinator mode at every start). */
async function coordinacion(v: Valores, salida: (json: unknown, texto: string) => void): Promise<void> {
  const station = abrir(v);
  try {
    const config = station.services.context.config;
    if (v.quitar) {
      await guardarCoordinacion(config, null);
      salida({ url: null }, 'Esta estación ya no abre en modo coordinador: la revisión vuelve a ser la de sus propios radicados.');
      return;
    }
    if (v.url) {
      const r = await guardarCoordinacion(config, v.url);
      salida(
        { url: urlSinClave(v.url), rol: r!.rol },
        `Modo coordinador guardado (usuario ${r!.rol} en ${urlSinClave(v.url)}): la revisión, los informes y Estaciones abarcan sus sedes desde el próximo inicio de Radica.`,
      );
      return;
    }
    const url = config.valor(CLAVE_COORDINACION);
    salida({ url: url ? urlSinClave(url) : null }, url ? `Modo coordinador: ${urlSinClave(url)}` : 'Esta estación no tiene modo coordinador guardado.');
  } finally {
    await station.services.anexos.cerrar();
    station.close();
  }
}

async function sync(v: Valores, salida: (json: unknown, texto: string) => void): Promise<void> {
  const station = abrir(v);
  const ctx = station.services.context;
  ctx.estacion(); // refuses an uninitialised station before any network
  const replicador = new Replicador(ctx, {
    url: urlDe(v, false),
    lote: entero(v.lote, 'lote', 1000),
    impresoras: async () =>
      (await station.services.impresion.estado()).impresoras.map((i) => ({ id: i.id, nombre: i.nombre, estado: i.estado, detalle: i.detalle ?? null, pendientes: i.pendientes })),
    registro: v.continuo ? (m) => process.stderr.write(`radica sync: ${m}\n`) : undefined,
  });
  try {
    if (!v.continuo) {
      const r = await replicador.pasada();
      salida(jsonPasada(r), textoPasada(r));
      return;
    }
    const control = new AbortController();
    const parar = () => control.abort();
    process.once('SIGINT', parar);
    process.once('SIGTERM', parar);
    try {
      await replicador.continuo({
        senal: control.signal,
        intervaloMs: entero(v.intervalo, 'intervalo', 1000),
        alTerminarPasada: (r) => {
          if (r instanceof Error) process.stderr.write(`radica sync: ${r.message}\n`);
          else if (r.enviados || r.recibidos) salida(jsonPasada(r), textoPasada(r));
        },
      });
    } finally {
      process.off('SIGINT', parar);
      process.off('SIGTERM', parar);
    }
  } finally {
    await replicador.cerrar();
    await station.services.anexos.cerrar();
    station.close();
  }
}

/** argv from the command on ("central …" or "sync …"). Returns the exit code. */
export async function comandoCentral(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: opciones, allowPositionals: true, strict: true });
  } catch (err) {
    console.error(`radica ${argv[0]}: ${(err as Error).message.replace(/^Unknown option/, 'Opción desconocida')}\nUse "radica --help" para ver los comandos.`);
    return 2;
  }
  const { values: v, positionals } = parsed;
  const [comando, sub, sub2] = positionals;
  const nombre = [comando, sub, comando === 'central' && ['estacion', 'coordinador', 'catalogo', 'modelo'].includes(sub ?? '') ? sub2 : undefined].filter(Boolean).join(' ');
  if (v.help) {
    console.log(`Uso:\n${AYUDA_CENTRAL}`);
    return 0;
  }
  const salida = (json: unknown, texto: string) => console.log(v.json ? JSON.stringify(json) : texto);
  try {
    if (comando === 'sync') {
      await sync(v, salida);
    } else if (sub === 'migrar') {
      const url = urlDe(v, true);
      const r = await migrar(url);
      salida(
        { version: r.version, aplicadas: r.aplicadas },
        r.aplicadas.length ? `Esquema central en la versión ${r.version} (aplicadas: ${r.aplicadas.join(', ')}).` : `El esquema central ya estaba en la versión ${r.version}.`,
      );
    } else if (sub === 'estacion' && sub2 === 'registrar') {
      const url = urlDe(v, true);
      if (!v.sede || !v.ventanilla) throw new Uso('Faltan --sede y --ventanilla.');
      const r = await registrarEstacion(url, v.sede, v.ventanilla);
      salida(
        { url: r.url, rol: r.rol, sede: r.sede, ventanilla: r.ventanilla, nueva: r.nueva },
        `${r.nueva ? 'Estación registrada' : 'Estación ya registrada: se le dio una contraseña nueva'} (sede ${r.sede}, ventanilla ${r.ventanilla}, usuario ${r.rol}).\n` +
          `Dirección para esa estación (guárdela; contiene su contraseña):\n${r.url}\n` +
          `En la estación: radica sync --url '${r.url}'`,
      );
    } else if (sub === 'coordinador' && sub2 === 'registrar') {
      const url = urlDe(v, true);
      if (!v.usuario) throw new Uso('Falta --usuario.');
      const r = await registrarCoordinador(url, v.usuario, v.sedes ? v.sedes.split(',') : null);
      salida(
        { url: r.url, rol: r.rol, nueva: r.nueva, sedes: r.sedes },
        `${r.nueva ? 'Coordinador registrado' : 'Coordinador ya registrado: se le dio una contraseña nueva'} (usuario ${r.rol}; ${r.sedes ? `sedes ${r.sedes.join(', ')}` : 'todas las sedes'}).\nDirección (guárdela; contiene su contraseña):\n${r.url}`,
      );
    } else if (sub === 'estado') {
      const url = urlDe(v, true);
      const es = await estadoCentral(url);
      salida(
        {
          estaciones: es.map((e) => ({
            ...e,
            registradaEn: iso(e.registradaEn),
            ultimoContacto: iso(e.ultimoContacto),
            ultimoRechazo: iso(e.ultimoRechazo),
          })),
        },
        textoEstado(es),
      );
    } else if (sub === 'catalogo' && sub2 === 'publicar') {
      const url = urlDe(v, true);
      if (!v.archivo) throw new Uso('Falta --archivo catalogo.json.');
      let catalogo;
      try {
        catalogo = catalogoSchema.parse(JSON.parse(readFileSync(v.archivo, 'utf8')));
      } catch (err) {
        throw new RadicaError('VALIDACION', `El archivo ${v.archivo} no es un catálogo válido: ${(err as Error).message.slice(0, 300)}`);
      }
      const r = await publicarCatalogo(url, catalogo, `cli:${process.env.USER ?? 'ti'}`);
      salida(r, r.nueva ? `Catálogo versión ${r.version} publicado en ${urlSinClave(url)}.` : `La versión ${r.version} del catálogo ya estaba publicada.`);
    } else if (sub === 'coordinacion') {
      await coordinacion(v, salida);
    } else if (sub === 'modelo' && sub2 === 'importar') {
      const url = urlDe(v, true);
      if (!v.csv || !v.texto) throw new Uso('Faltan --csv ARCHIVO y --texto COLUMNA.');
      if (!v.tipo && !v.dependencia) throw new Uso('Indique la columna del tipo (--tipo COL), la de la dependencia (--dependencia COL) o ambas.');
      const archivo = path.resolve(v.csv);
      let filas;
      try {
        filas = leerCsvEjemplos(archivo, { texto: v.texto, tipo: v.tipo, dependencia: v.dependencia, peso: v.peso }, v.equivalencias);
      } catch (err) {
        throw err instanceof ErrorDeColumnas ? new Uso(err.message) : err;
      }
      const origen = v.origen ?? path.basename(archivo);
      const r = await importarEjemplosCentrales(url, filas, origen, { reemplazar: v.reemplazar });
      salida(r, textoImportacion(r, filas.length, origen));
    } else if (sub === 'modelo' && sub2 === 'importados') {
      const url = urlDe(v, true);
      const r = await importacionesCentrales(url, v['quitar-origen']);
      salida(
        { importaciones: r.importaciones.map((i) => ({ ...i, importadoEn: isoBogota(i.importadoEn) })), quitados: r.quitados },
        textoImportaciones(r.importaciones, v['quitar-origen'], r.quitados),
      );
    } else if (sub === 'modelo' && sub2 === 'entrenar') {
      const url = urlDe(v, true);
      const r = await entrenarYPublicar(url, entrenadorPorDefecto());
      salida(r, textoModelos(r));
    } else {
      throw new Uso(`Comando desconocido: ${positionals.join(' ') || '(ninguno)'}.`);
    }
    return 0;
  } catch (err) {
    if (err instanceof Uso) {
      console.error(`radica ${nombre}: ${err.message}\nUse "radica --help" para ver las opciones.`);
      return 2;
    }
    if (err instanceof RadicaError) {
      console.error(`radica ${nombre}: ${err.message}`);
      return 1;
    }
    console.error(`radica ${nombre}: error inesperado (${(err as Error).message}). No se completó la operación.`);
    return 1;
  }
}
