/**
 * `radica clasificador … --data-dir D`: the station's classifier from the command line, through
 * the same router as the UI (the CLI acts as the station's administrador):
 *
 *   sugerir --data-dir D "texto" [--json]           catalog phrases + the station's current models
 *   reentrenar --data-dir D [--json]                trains new versions now (inline: this is its own process)
 *   importar --data-dir D --csv F --texto COL [--tipo COL] [--dependencia COL] [--peso COL]
 *            [--equivalencias F] [--json]
 *   estado --data-dir D [--json]
 *   desempeno --data-dir D [--semana S] [--semanas N] [--central URL] [--json]   how the suggestions did at this
 *            window; in coordinator mode (as the review commands) at every window of her sedes
 *
 * The file-model commands (entrenar, evaluar, sugerir --modelo, validar) live in clasificador.ts.
 */
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openStation } from '../station';
import { entrenadorEnLinea } from '../services/entrenador';
import { defaultDataDir } from '../paths';
import { RadicaError, type Resultado } from '../../shared/ipc/result';
import type { Canal, SalidaDe } from '../../shared/ipc/contract';
import { NOMBRE_OBJETIVO, porcentaje, type EstadoClasificador, type Sugerido } from '../../shared/sugerencias';
import { formatFecha, formatFechaHora, isoBogota } from '../../shared/domain/bogota';
import { nombreFuente, type DesempenoSugerencias } from '../../shared/sugerencias/desempeno';
import { iniciarCoordinacion, urlCoordinacion } from '../central/coordinacion';
import { ErrorDeColumnas, leerCsvEjemplos, lineasRechazos, OPCIONES_CSV_CLI } from './csvEjemplos';

const SUBCOMANDOS = ['sugerir', 'reentrenar', 'importar', 'estado', 'desempeno'] as const;

const AYUDA = `Uso (clasificador de la estación):
  radica clasificador sugerir --data-dir DIR "texto" [--json]
  radica clasificador reentrenar --data-dir DIR [--json]
  radica clasificador importar --data-dir DIR --csv ARCHIVO --texto COL [--tipo COL] [--dependencia COL] [--peso COL]
        [--equivalencias ARCHIVO] [--json]
        equivalencias: CSV campo,valor,codigo que traduce las etiquetas del sistema anterior al catálogo
        (campo «tipo» o «dependencia»; codigo vacío: la fila no aprende ese campo)
  radica clasificador estado --data-dir DIR [--json]
  radica clasificador desempeno --data-dir DIR [--semana 2026-W47|actual|anterior] [--semanas 4] [--central URL] [--json]
        cuántas sugerencias se aceptaron y acertaron, por modelo, en las semanas que terminan en --semana;
        con --central (o en una estación de coordinación), en todas las ventanillas de sus sedes`;

/** True when the command is this module's: a station command (sugerir only with --data-dir, not --modelo). */
export function esComandoDeEstacion(argv: readonly string[]): boolean {
  const sub = argv[0];
  if (!sub || !(SUBCOMANDOS as readonly string[]).includes(sub)) return false;
  if (sub === 'sugerir') return argv.some((a) => a === '--data-dir' || a.startsWith('--data-dir=')) && !argv.some((a) => a === '--modelo' || a.startsWith('--modelo='));
  return true;
}

/** argv after "clasificador". Returns the exit code (0 ok, 1 failure, 2 wrong usage). */
export async function clasificadorEstacion(argv: string[]): Promise<number> {
  const [sub, ...resto] = argv;
  let v;
  try {
    v = parseArgs({
      args: resto,
      allowPositionals: true,
      strict: true,
      options: {
        'data-dir': { type: 'string' },
        json: { type: 'boolean', default: false },
        semana: { type: 'string' },
        semanas: { type: 'string' },
        central: { type: 'string' },
        ...OPCIONES_CSV_CLI,
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (err) {
    console.error(`radica clasificador: ${(err as Error).message.replace(/^Unknown option/, 'Opción desconocida')}\n${AYUDA}`);
    return 2;
  }
  const { values, positionals } = v;
  if (values.help) {
    console.log(AYUDA);
    return 0;
  }
  const dataDir = path.resolve(values['data-dir'] ?? defaultDataDir());
  let station;
  try {
    // Inline training: the CLI is its own process, nobody waits behind it.
    station = openStation({ dataDir, entrenador: entrenadorEnLinea });
  } catch (err) {
    console.error(`radica clasificador: no se pudo abrir la base de datos en ${dataDir}: ${(err as Error).message}`);
    return 1;
  }
  // Coordinator mode for the figures, as for the review: --central, else the environment's or the kept URL.
  const central = sub === 'desempeno' ? iniciarCoordinacion(station, values.central ?? urlCoordinacion(station.services.context.config)) : null;
  try {
    station.router.fijarSesion('cli', { usuario: `cli:${os.userInfo().username}`, nombre: 'Administración (CLI)', rol: 'administrador' });
    const call = async <C extends Canal>(canal: C, payload: unknown): Promise<SalidaDe<C>> => {
      const r = (await station.router.handle(canal, payload, { clientId: 'cli' })) as Resultado<SalidaDe<C>>;
      if (!r.ok) throw new RadicaError(r.error.code, r.error.message, r.error.campos);
      return r.value;
    };
    let json: unknown;
    let texto: string;
    switch (sub) {
      case 'sugerir': {
        const t = positionals.join(' ').trim() || values.texto;
        if (!t) throw new Uso('Escriba el texto a clasificar, por ejemplo: radica clasificador sugerir --data-dir D "Acción de tutela…"');
        const r = await call('clasificador:sugerir', { texto: t });
        // The issue's shape ({codigo, nombre, probabilidad}); the phrases behind a suggestion go to the text output.
        const sinPor = (xs: Sugerido[]) => xs.map(({ codigo, nombre, probabilidad }) => ({ codigo, nombre, probabilidad }));
        json = { sugerencias: sinPor(r.tipos), dependencias: sinPor(r.dependencias), modelo: r.modelo, fuente: r.fuente };
        texto = [
          `Tipo documental:${lista(r.tipos)}`,
          `Dependencia:${lista(r.dependencias)}`,
          `Fuente: ${r.fuente ?? 'sin sugerencias'}${r.modelo ? ` (modelos ${r.modelo})` : ''}`,
        ].join('\n');
        break;
      }
      case 'reentrenar': {
        const e = await call('clasificador:entrenar', {});
        json = estadoJson(e);
        texto = `Clasificador reentrenado.\n${textoEstado(e)}`;
        break;
      }
      case 'estado': {
        const e = await call('clasificador:estado', {});
        json = estadoJson(e);
        texto = textoEstado(e);
        break;
      }
      case 'desempeno': {
        const semanas = values.semanas === undefined ? 4 : Number(values.semanas);
        if (!Number.isInteger(semanas)) throw new Uso(`--semanas: escriba un número entero de semanas (recibido «${values.semanas}»).`);
        const d = await call('clasificador:desempeno', { hasta: values.semana ?? 'actual', semanas });
        json = d;
        texto = textoDesempeno(d);
        break;
      }
      case 'importar': {
        const archivo = path.resolve(requerida(values.csv, 'csv'));
        const colTexto = requerida(values.texto, 'texto');
        if (!values.tipo && !values.dependencia) throw new Uso('Indique la columna del tipo (--tipo COL), la de la dependencia (--dependencia COL) o ambas.');
        let filas;
        try {
          filas = leerCsvEjemplos(archivo, { texto: colTexto, tipo: values.tipo, dependencia: values.dependencia, peso: values.peso }, values.equivalencias);
        } catch (err) {
          throw err instanceof ErrorDeColumnas ? new Uso(err.message) : err;
        }
        const r = await call('clasificador:importar', { filas, origen: values.origen ?? path.basename(archivo) });
        json = r;
        texto = [
          `Se importaron ${r.importados} ejemplos de ${filas.length} filas.`,
          ...(r.rechazados.length ? [`Rechazadas: ${r.rechazados.length}.`, ...lineasRechazos(r.rechazados)] : []),
          'Use "radica clasificador reentrenar" para que las sugerencias aprendan de ellos.',
        ]
          .filter(Boolean)
          .join('\n');
        break;
      }
      default:
        throw new Uso(`Subcomando desconocido: ${sub ?? '(ninguno)'}.`);
    }
    console.log(values.json ? JSON.stringify(json, null, 2) : texto);
    return 0;
  } catch (err) {
    if (err instanceof Uso) {
      console.error(`radica clasificador ${sub ?? ''}: ${err.message}\n${AYUDA}`);
      return 2;
    }
    if (err instanceof RadicaError) {
      console.error(`radica clasificador ${sub}: ${err.message}`);
      return 1;
    }
    console.error(`radica clasificador ${sub}: error inesperado (${(err as Error).message}).`);
    return 1;
  } finally {
    await central?.cerrar();
    station.close();
  }
}

class Uso extends Error {}

function requerida(v: string | undefined, nombre: string): string {
  if (!v) throw new Uso(`Falta --${nombre}.`);
  return v;
}

function lista(xs: Sugerido[]): string {
  return xs.length
    ? xs.map((x) => `\n  ${x.codigo.padEnd(8)} ${porcentaje(x.probabilidad).padStart(5)}  ${x.nombre}${x.por ? `  (por «${x.por.join('», «')}»)` : ''}`).join('')
    : ' (ninguna sugerencia)';
}

function textoDesempeno(d: DesempenoSugerencias): string {
  const donde = d.alcance === 'central' ? ', todas las ventanillas de sus sedes (servidor central; solo estaciones que informan sus sugerencias)' : '';
  const lineas = [`Del ${formatFecha(d.desde)} al ${formatFecha(d.hasta)} (${d.semanas.join(', ')})${donde}: ${d.radicados} radicados.`];
  if (d.radicados === 0) return lineas[0]!;
  const pct = (n: number, de: number) => (de > 0 ? ` (${porcentaje(n / de)})` : '');
  for (const o of d.objetivos) {
    lineas.push('', `${NOMBRE_OBJETIVO[o.objetivo]}: ${o.total.sugeridas} con sugerencia, ${o.sinSugerencia} sin ella.`);
    for (const f of o.fuentes) {
      lineas.push(
        `  ${nombreFuente(f)}: ${f.sugeridas} sugeridas, ${f.aceptadas} aceptadas${pct(f.aceptadas, f.sugeridas)}, ${f.acertadas} acertadas${pct(f.acertadas, f.sugeridas)}` +
          (f.revisadas ? `; revisadas ${f.revisadas}, acertadas ${f.acertadasRevisadas}${pct(f.acertadasRevisadas, f.revisadas)}` : '') +
          (f.corregidasTrasAceptar ? `; ${f.corregidasTrasAceptar} aceptadas y corregidas en revisión` : ''),
      );
    }
    for (const c of o.confusiones) {
      lineas.push(`  Sugirió ${c.sugerido} y era ${c.final} (${c.nombreFinal}): ${c.veces} ${c.veces === 1 ? 'vez' : 'veces'}; ${c.numeros.join(', ')}${c.veces > c.numeros.length ? '…' : ''}`);
    }
  }
  return lineas.join('\n');
}

function estadoJson(e: EstadoClasificador) {
  return {
    ...e,
    modelos: e.modelos.map((m) => ({ ...m, creadoEn: isoBogota(m.creadoEn) })),
    ultimoEntrenamiento: e.ultimoEntrenamiento ? { ...e.ultimoEntrenamiento, en: isoBogota(e.ultimoEntrenamiento.en) } : null,
  };
}

function textoEstado(e: EstadoClasificador): string {
  const m = e.modelos.map((x) => {
    const acc = typeof x.metricas.accuracy === 'number' ? `, exactitud ${porcentaje(x.metricas.accuracy)}` : '';
    const f1 = typeof x.metricas.macroF1 === 'number' ? `, macro-F1 ${porcentaje(x.metricas.macroF1)}` : '';
    return `  ${x.objetivo.padEnd(12)} versión ${x.version}${x.origen === 'central' ? ' de la entidad (servidor central)' : ' de esta estación'}, ${x.ejemplos} ejemplos${acc}${f1}, ${formatFechaHora(x.creadoEn)}`;
  });
  return [
    e.modelos.length ? 'Modelos vigentes:' : 'Sin modelos entrenados: las sugerencias salen de las frases del catálogo.',
    ...m,
    `Ejemplos importados: ${e.ejemplosImportados}. Radicados desde el último entrenamiento: ${e.radicadosNuevos}.`,
  ].join('\n');
}
