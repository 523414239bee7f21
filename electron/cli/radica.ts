/**
 * `radica`: the station's command line, for IT, coordinators' scheduled jobs, benchmarks and
 * scripted tests. It calls the same router as the UI. Whoever can open the data directory holds
 * the database anyway, so the CLI acts as the station's administrador.
 */
import { existsSync, renameSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openStation, type Station } from '../station';
import { defaultDataDir } from '../paths';
import { ARCHIVO_BASE } from '../store/db';
import { RadicaError, type Resultado } from '../../shared/ipc/result';
import type { Canal, SalidaDe } from '../../shared/ipc/contract';
import { formatFecha, formatFechaHora, isoBogota } from '../../shared/domain/bogota';
import { describeTermino } from '../../shared/domain/catalog';
import { describeVencimiento } from '../../shared/domain/terms';
import type { Radicado, RadicadoResumen, Usuario } from '../../shared/domain/radicado';
import type { EstadoImpresora, TrabajoImpresion } from '../../shared/domain/impresion';
import { impresoraSchema, imprimirSchema } from '../../shared/ipc/contract';
import { PLANTILLAS, type Plantilla } from '../../shared/sticker/types';
import { impresoraDeUri } from '../services/impresionService';
import { errorDeValidacion } from '../router';
import { comandoClasificador, UsoClasificador } from './clasificador';
import { clasificadorEstacion, esComandoDeEstacion } from './clasificadorEstacion';
import { COMANDOS_ANEXOS, comandoAnexos } from './anexos';
import { COMANDOS_REVISION, comandoRevision, UsoRevision } from './revision';
import { iniciarCoordinacion, urlCoordinacion } from '../central/coordinacion';
import { AYUDA_CENTRAL, comandoCentral, esComandoCentral } from './central';
import { crearEscaner, escanerPorDefecto } from '../scanning';

const AYUDA = `Radica — estación de ventanilla única de radicación

Uso: radica <comando> [opciones]   (todas aceptan --data-dir DIR y --json)

  init --entidad "…" --sede 01 --ventanilla 03 [--nit N] [--sede-nombre "…"] [--formato PLANTILLA] [--usuarios-demo]
  catalogo
  radicar --tipo COD --dependencia COD --asunto "…" --remitente CC:123 --remitente-nombre "…" --folios N
          [--canal presencial|correo_postal|correo_electronico|web|verbal] [--telefono T] [--correo C]
          [--direccion D] [--anexos "…"] [--termino N --unidad horas|dias_habiles|dias_calendario]
          [--autoriza-datos si|no]
  consultar NUMERO
  buscar (--numero N | --texto T | --documento CC:123 | --nombre N) [--limite 50]
  anular NUMERO --justificacion "…" --aprobado-por "…"
  termino --tipo COD --desde AAAA-MM-DD [--cantidad N --unidad U]
  verificar
  demo --cantidad N
  usuario-crear --usuario U --nombre "…" --rol radicador|coordinador|administrador --pin 1234
  sticker NUMERO --formato pdf|escpos --out ARCHIVO [--plantilla etiqueta-100x50|etiqueta-62|recibo-80]
          [--copia] [--constancia]
  imprimir NUMERO [--impresora ID|URI] [--copia] [--constancia] [--formato pdf|escpos] [--plantilla P]
          URI: tcp://host:9100, /dev/usb/lp0, una ruta de archivo, cups://COLA, pdf:///carpeta
  impresoras                      impresoras, su estado y los trabajos sin imprimir
  reintentar TRABAJO [--impresora ID|URI]
  verificar-codigo NUMERO CODIGO
  clasificador entrenar --csv F --texto COL --etiqueta COL --modelo SALIDA
  clasificador evaluar --entrenamiento F --prueba G --texto COL --etiqueta COL
  clasificador validar --csv F --texto COL --etiqueta COL [--pliegues 5] [--semilla 1]
  clasificador sugerir --modelo M "texto" [--k 3] [--umbral 0.2]
          CSV con fila de encabezado, campos entre comillas, «,» o «;», UTF-8 o Windows-1252; el modelo es JSON
  clasificador sugerir --data-dir DIR "texto"      sugerencias de tipo y dependencia de la estación
  clasificador reentrenar | estado                 modelos de la estación
  clasificador desempeno [--semana S] [--semanas 4] [--central URL]  cuántas sugerencias se aceptaron y acertaron, por modelo
  clasificador importar --csv F --texto COL [--tipo COL] [--dependencia COL] [--equivalencias F]
  anexar NUMERO ARCHIVO…          PDF, JPEG, PNG o TIFF (las imágenes se unen en un PDF) [--sin-ocr]
  anexos NUMERO                   anexos sellados: sha256, páginas, bytes, OCR, ruta
  escanear NUMERO --dispositivo DEV [--fuente adf|plano] [--paginas N] [--resolucion DPI]
          [--modo color|gris|blanco_negro] [--duplex]      (sin --dispositivo: el configurado)
  escaneres                       escáneres que ve esta estación
  lote CARPETA_O_ARCHIVO          separa un lote por los rótulos y anexa cada parte a su radicado
  bandeja                         partes de lotes que esperan revisión
  revision cola --semana 2026-W47|actual [--muestra N] [--prioridad riesgo] [--sede 01] [--ventanillas 01,03]
          la cola de revisión semanal (todo por fecha, una muestra por ventanilla o por riesgo)
  revision marcar NUMERO --veredicto correcto|incorrecto [--tipo-correcto COD] [--dependencia-correcta COD]
          [--observacion "…"] --revisor "Nombre"
  informe semanal --semana S --formato pdf|xlsx|csv|json --out ARCHIVO [--revisor "Nombre"]
          revision e informe con --central URL (o RADICA_COORDINADOR_URL): modo coordinador, leen todas
          las ventanillas desde el servidor central (la URL de radica central coordinador registrar)
${AYUDA_CENTRAL}

Directorio de datos por defecto: ${defaultDataDir()} (o la variable RADICA_DATA_DIR).`;

class UsoIncorrecto extends Error {}

const opciones = {
  'data-dir': { type: 'string' },
  json: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
  entidad: { type: 'string' },
  nit: { type: 'string' },
  sede: { type: 'string' },
  'sede-nombre': { type: 'string' },
  ventanilla: { type: 'string' },
  formato: { type: 'string' },
  'usuarios-demo': { type: 'boolean', default: false },
  tipo: { type: 'string' },
  dependencia: { type: 'string' },
  asunto: { type: 'string' },
  remitente: { type: 'string' },
  'remitente-nombre': { type: 'string' },
  telefono: { type: 'string' },
  correo: { type: 'string' },
  direccion: { type: 'string' },
  'autoriza-datos': { type: 'string', default: 'si' },
  folios: { type: 'string' },
  anexos: { type: 'string' },
  canal: { type: 'string', default: 'presencial' },
  termino: { type: 'string' },
  unidad: { type: 'string' },
  cantidad: { type: 'string' },
  numero: { type: 'string' },
  texto: { type: 'string' },
  documento: { type: 'string' },
  nombre: { type: 'string' },
  limite: { type: 'string' },
  justificacion: { type: 'string' },
  'aprobado-por': { type: 'string' },
  desde: { type: 'string' },
  usuario: { type: 'string' },
  rol: { type: 'string' },
  pin: { type: 'string' },
  out: { type: 'string' },
  plantilla: { type: 'string' },
  impresora: { type: 'string' },
  copia: { type: 'boolean', default: false },
  constancia: { type: 'boolean', default: false },
  csv: { type: 'string' },
  etiqueta: { type: 'string' },
  modelo: { type: 'string' },
  entrenamiento: { type: 'string' },
  prueba: { type: 'string' },
  pliegues: { type: 'string' },
  semilla: { type: 'string' },
  umbral: { type: 'string' },
  k: { type: 'string' },
  dispositivo: { type: 'string' },
  fuente: { type: 'string' },
  paginas: { type: 'string' },
  resolucion: { type: 'string' },
  modo: { type: 'string' },
  duplex: { type: 'boolean', default: false },
  'sin-ocr': { type: 'boolean', default: false },
  semana: { type: 'string' },
  ventanillas: { type: 'string' },
  muestra: { type: 'string' },
  prioridad: { type: 'string' },
  veredicto: { type: 'string' },
  'tipo-correcto': { type: 'string' },
  'dependencia-correcta': { type: 'string' },
  observacion: { type: 'string' },
  revisor: { type: 'string' },
  central: { type: 'string' },
} as const;

type Valores = ReturnType<typeof parseArgs<{ options: typeof opciones; allowPositionals: true }>>['values'];

function entero(v: string | undefined, nombre: string): number | undefined {
  if (v === undefined) return undefined;
  if (!/^-?\d+$/.test(v.trim())) throw new UsoIncorrecto(`--${nombre} debe ser un número entero (recibí "${v}").`);
  return Number(v);
}

function requerida(v: string | undefined, nombre: string): string {
  if (v === undefined || v === '') throw new UsoIncorrecto(`Falta --${nombre}.`);
  return v;
}

/** "CC:1234567" → tipo and number; "AN" for anonymous. */
function remitenteDe(v: Valores) {
  const raw = requerida(v.remitente, 'remitente');
  const m = /^([A-Za-z]{2,3})(?::(.+))?$/.exec(raw.trim());
  if (!m) throw new UsoIncorrecto('--remitente se escribe TIPO:NÚMERO, por ejemplo CC:1234567 (o AN para anónimo).');
  const tipoDocumento = m[1]!.toUpperCase();
  const autoriza = (v['autoriza-datos'] ?? 'si').toLowerCase();
  if (!['si', 'sí', 'no'].includes(autoriza)) throw new UsoIncorrecto('--autoriza-datos es si o no.');
  return {
    tipoDocumento,
    numeroDocumento: m[2] ?? '',
    nombres: v['remitente-nombre'] ?? (tipoDocumento === 'AN' ? 'Anónimo' : ''),
    telefono: v.telefono ?? null,
    correo: v.correo ?? null,
    direccion: v.direccion ?? null,
    autorizaDatos: tipoDocumento === 'AN' ? true : autoriza !== 'no',
  };
}

/** Instants become ISO strings with Bogota's offset: what a script can read. */
function paraJson(value: unknown): unknown {
  return JSON.parse(
    JSON.stringify(value, (k, v: unknown) =>
      typeof v === 'number' && ['fechaHora', 'venceEn', 'anuladoEn', 'en', 'creadoEn', 'impresoEn', 'proximoIntento'].includes(k) ? isoBogota(v) : v,
    ),
  ) as unknown;
}

function resumenRadicado(r: Radicado): string {
  return [
    `Radicado N° ${r.numero}${r.estado === 'ANULADO' ? '  (ANULADO)' : ''}`,
    `  Fecha y hora: ${formatFechaHora(r.fechaHora)}`,
    `  Tipo: ${r.tipo} · ${r.tipoNombre}`,
    `  Dependencia: ${r.dependencia} · ${r.dependenciaNombre}`,
    `  Remitente: ${r.remitente.tipoDocumento}${r.remitente.numeroDocumento ? ':' + r.remitente.numeroDocumento : ''} ${r.remitente.nombres}`,
    `  Asunto: ${r.asunto}`,
    `  Folios: ${r.folios}${r.anexos ? ` · Anexos: ${r.anexos}` : ''}`,
    `  Vence: ${describeVencimiento(r)}`,
    ...(r.anulacion ? [`  Anulado ${formatFechaHora(r.anulacion.anuladoEn)}: ${r.anulacion.justificacion} (aprobó ${r.anulacion.aprobadoPor})`] : []),
  ].join('\n');
}

function tabla(rs: RadicadoResumen[]): string {
  if (rs.length === 0) return 'No se encontraron radicados.';
  return rs
    .map(
      (r) =>
        `${r.numero}  ${formatFechaHora(r.fechaHora)}  ${r.tipo.padEnd(8)} ${r.estado.padEnd(7)} ${r.remitenteNombre} — ${r.asunto.slice(0, 60)}` +
        (r.fragmento ? `\n    en un anexo: ${r.fragmento.replace(/\s+/g, ' ')}` : ''),
    )
    .join('\n');
}

interface Salida {
  json: unknown;
  texto: string;
}

async function ejecutar(comando: string, posicionales: string[], v: Valores): Promise<Salida> {
  if (comando === 'clasificador') return clasificador(posicionales, v);
  if (comando === 'termino' && !v['data-dir'] && !existsSync(path.join(defaultDataDir(), ARCHIVO_BASE))) {
    // No station here: the default catalog answers, nothing is written to disk.
    return conEstacion(':memory:', (call) => comandoTermino(call, v));
  }
  const dataDir = path.resolve(v['data-dir'] ?? defaultDataDir());
  // Coordinator mode: the review and its reports read every station's radicados from the central store.
  // --central, else RADICA_COORDINADOR_URL, else the URL kept with `radica central coordinacion`.
  const coordinacion = (COMANDOS_REVISION as readonly string[]).includes(comando) ? { url: v.central } : null;
  return conEstacion(dataDir, async (call, station, usuario) => {
    switch (comando) {
      case 'init': {
        const c = await call('estacion:inicializar', {
          entidad: requerida(v.entidad, 'entidad'),
          nit: v.nit ?? null,
          sede: requerida(v.sede, 'sede'),
          sedeNombre: v['sede-nombre'] ?? null,
          ventanilla: requerida(v.ventanilla, 'ventanilla'),
          formatoNumero: v.formato ?? null,
          usuariosDemo: v['usuarios-demo'] ?? false,
        });
        return { json: { ...c, dataDir }, texto: `Estación lista: ${c.entidad}, sede ${c.sede}, ventanilla ${c.ventanilla}.\nDatos en ${dataDir}` };
      }
      case 'catalogo': {
        const c = await call('catalogo:obtener', {});
        return {
          json: {
            version: c.version,
            tipos: c.tipos.map((t) => ({ codigo: t.codigo, nombre: t.nombre, termino: t.termino, unidad: t.unidad, editable: t.editable, requiereTermino: t.requiereTermino })),
            dependencias: c.dependencias.map((d) => ({ codigo: d.codigo, nombre: d.nombre })),
          },
          texto: [
            `Catálogo versión ${c.version}`,
            'Tipos documentales:',
            ...c.tipos.map((t) => `  ${t.codigo.padEnd(8)} ${t.nombre} — ${describeTermino(t)}`),
            'Dependencias:',
            ...c.dependencias.map((d) => `  ${d.codigo.padEnd(5)} ${d.nombre}`),
          ].join('\n'),
        };
      }
      case 'radicar': {
        const terminoN = entero(v.termino, 'termino');
        const r = await call('radicacion:radicar', {
          remitente: remitenteDe(v),
          canal: v.canal,
          asunto: requerida(v.asunto, 'asunto'),
          tipo: requerida(v.tipo, 'tipo'),
          dependencia: requerida(v.dependencia, 'dependencia'),
          folios: entero(requerida(v.folios, 'folios'), 'folios'),
          anexos: v.anexos ?? null,
          termino: terminoN === undefined ? null : { cantidad: terminoN, unidad: requerida(v.unidad, 'unidad') },
        });
        return { json: r, texto: resumenRadicado(r) };
      }
      case 'consultar': {
        const numero = posicionales[0] ?? v.numero;
        const r = await call('radicacion:consultar', { numero: requerida(numero, 'numero (NUMERO)') });
        return { json: r, texto: resumenRadicado(r) };
      }
      case 'buscar': {
        const rs = await call('radicacion:buscar', {
          numero: v.numero ?? null,
          texto: v.texto ?? null,
          documento: v.documento ?? null,
          nombre: v.nombre ?? null,
          limite: entero(v.limite, 'limite') ?? 50,
        });
        return { json: rs, texto: tabla(rs) };
      }
      case 'anular': {
        const r = await call('radicacion:anular', {
          numero: requerida(posicionales[0] ?? v.numero, 'numero (NUMERO)'),
          justificacion: requerida(v.justificacion, 'justificacion'),
          aprobadoPor: requerida(v['aprobado-por'], 'aprobado-por'),
        });
        return { json: r, texto: resumenRadicado(r) };
      }
      case 'termino':
        return comandoTermino(call, v);
      case 'verificar': {
        const r = await call('estacion:verificar', {});
        const texto = [
          r.ok ? 'Verificación correcta.' : 'LA VERIFICACIÓN ENCONTRÓ PROBLEMAS:',
          ...r.problemas.map((p) => `  - ${p}`),
          ...r.series.map((s) => `  Serie ${s.serie}: ${s.desde}…${s.hasta}, ${s.total} radicados, ${s.anulados} anulados`),
          `  Auditoría: ${r.auditoria.entradas} entradas, cadena ${r.auditoria.valida ? 'válida' : 'ROTA'}`,
          `  Anexos: ${r.anexos.archivos} archivos${r.anexos.faltantes ? `, ${r.anexos.faltantes} FALTANTES` : ''}${r.anexos.alterados ? `, ${r.anexos.alterados} ALTERADOS` : ''}`,
          `  Integridad SQLite: ${r.integridad}`,
        ].join('\n');
        if (!r.ok) throw new FalloVerificacion(texto, r);
        return { json: r, texto };
      }
      case 'demo': {
        const r = await call('estacion:demo', { cantidad: entero(requerida(v.cantidad, 'cantidad'), 'cantidad') });
        return { json: r, texto: `Se crearon ${r.creados} radicados de demostración.` };
      }
      case 'usuario-crear': {
        const u = await call('usuarios:crear', {
          usuario: requerida(v.usuario, 'usuario'),
          nombre: requerida(v.nombre, 'nombre'),
          rol: requerida(v.rol, 'rol'),
          pin: requerida(v.pin, 'pin'),
        });
        return { json: u, texto: `Usuario ${u.usuario} (${u.rol}) creado.` };
      }
      case 'sticker': {
        const numero = requerida(posicionales[0] ?? v.numero, 'numero (NUMERO)');
        const formato = formatoDe(requerida(v.formato, 'formato'));
        const out = path.resolve(requerida(v.out, 'out'));
        const documento = v.constancia ? 'constancia' : 'rotulo';
        const plantilla = plantillaDe(v.plantilla) ?? (formato === 'escpos' || documento === 'constancia' ? 'recibo-80' : 'etiqueta-100x50');
        const layout = await call('sticker:vista', { numero, plantilla, documento, copia: v.copia ?? false });
        const bytes = await station.services.impresion.bytes(layout, formato);
        // Beside the target and renamed: a printer spooler watching the folder never reads half a file.
        const temporal = `${out}.${process.pid}.tmp`;
        writeFileSync(temporal, bytes);
        renameSync(temporal, out);
        return {
          json: { numero: numero.trim().toUpperCase(), formato, plantilla: layout.plantilla, documento, copia: layout.copia, anchoMm: layout.anchoMm, altoMm: layout.altoMm, archivo: out, bytes: bytes.length },
          texto: `Rótulo de ${numero} (${layout.plantilla}, ${formato}, ${bytes.length} bytes) en ${out}`,
        };
      }
      case 'imprimir': {
        const numero = requerida(posicionales[0] ?? v.numero, 'numero (NUMERO)');
        const documento = v.constancia ? 'constancia' : 'rotulo';
        const copia = v.copia ?? false;
        const destino = v.impresora?.trim() || null;
        let trabajo: TrabajoImpresion;
        const configurada = destino === null || station.services.impresion.config().impresoras.some((i) => i.id === destino);
        if (configurada) {
          if (v.formato || v.plantilla) throw new UsoIncorrecto('--formato y --plantilla son para una impresora dada por URI; las configuradas ya tienen los suyos.');
          trabajo = await call('sticker:imprimir', { numero, impresora: destino, documento, copia });
        } else {
          // A literal URI is an administrador's tool (the CLI holds the data directory); the UI only offers configured printers.
          const impresoraLiteral = literal(destino, v);
          const entrada = imprimirSchema.safeParse({ numero, impresora: null, documento, copia });
          if (!entrada.success) throw errorDe(entrada.error);
          trabajo = await station.services.impresion.imprimir({ ...entrada.data, impresoraLiteral }, usuario);
        }
        return resultadoTrabajo(trabajo);
      }
      case 'reintentar': {
        const id = entero(requerida(posicionales[0], 'trabajo (TRABAJO)'), 'trabajo');
        const destino = v.impresora?.trim() || null;
        let trabajo: TrabajoImpresion;
        if (destino === null || station.services.impresion.config().impresoras.some((i) => i.id === destino)) {
          trabajo = await call('impresion:reintentar', { trabajo: id, impresora: destino });
        } else {
          trabajo = await station.services.impresion.reintentar({ trabajo: id!, impresora: null, impresoraLiteral: literal(destino, v) }, usuario);
        }
        return resultadoTrabajo(trabajo);
      }
      case 'impresoras': {
        const e = await call('impresion:estado', {});
        return { json: e, texto: textoImpresoras(e.impresoras, e.trabajos) };
      }
      case 'verificar-codigo': {
        const numero = requerida(posicionales[0] ?? v.numero, 'numero (NUMERO)');
        const codigo = requerida(posicionales[1], 'codigo (CODIGO)');
        const r = await call('sticker:verificarCodigo', { numero, codigo });
        if (!r.valido) {
          throw new FalloVerificacion(
            `El código ${codigo} NO corresponde al radicado ${r.numero} de esta estación. Revise número y código; si coinciden con el rótulo, el rótulo no fue expedido aquí.`,
            r,
          );
        }
        return { json: r, texto: `Código válido: el radicado ${r.numero} fue expedido por esta estación con ese código.` };
      }
      default:
        if ((COMANDOS_ANEXOS as readonly string[]).includes(comando)) {
          return comandoAnexos(
            comando as (typeof COMANDOS_ANEXOS)[number],
            call,
            station,
            {
              numero: posicionales[0] ?? v.numero,
              archivos: posicionales.slice(comando === 'lote' ? 0 : 1),
              dispositivo: v.dispositivo,
              fuente: v.fuente,
              paginas: entero(v.paginas, 'paginas'),
              resolucion: entero(v.resolucion, 'resolucion'),
              modo: v.modo,
              duplex: v.duplex,
              sinOcr: v['sin-ocr'] ?? false,
            },
            requerida,
          );
        }
        if ((COMANDOS_REVISION as readonly string[]).includes(comando)) {
          try {
            return await comandoRevision(
              comando as (typeof COMANDOS_REVISION)[number],
              call,
              station.router,
              usuario,
              {
                sub: posicionales[0],
                numero: posicionales[1] ?? v.numero,
                semana: v.semana,
                sede: v.sede,
                ventanillas: v.ventanillas,
                muestra: entero(v.muestra, 'muestra'),
                prioridad: v.prioridad,
                veredicto: v.veredicto,
                tipoCorrecto: v['tipo-correcto'],
                dependenciaCorrecta: v['dependencia-correcta'],
                observacion: v.observacion,
                revisor: v.revisor,
                formato: v.formato,
                out: v.out,
              },
              requerida,
            );
          } catch (err) {
            if (err instanceof UsoRevision) throw new UsoIncorrecto(err.message);
            throw err;
          }
        }
        throw new UsoIncorrecto(`Comando desconocido: ${comando}.`);
    }
  }, coordinacion);
}

/** Works on files, not on a station: no database is opened. */
function clasificador([sub, ...textos]: string[], v: Valores): Salida {
  try {
    return comandoClasificador(sub, textos, v);
  } catch (err) {
    if (err instanceof UsoClasificador) throw new UsoIncorrecto(err.message);
    if (err instanceof RadicaError || !(err instanceof Error)) throw err;
    // The classifier's own errors (unreadable CSV, missing column, bad model file) are already
    // Spanish and say what to fix.
    throw new RadicaError('VALIDACION', err.message);
  }
}

function formatoDe(f: string): 'pdf' | 'escpos' {
  if (f !== 'pdf' && f !== 'escpos') throw new UsoIncorrecto(`--formato es pdf o escpos (recibí "${f}").`);
  return f;
}

function plantillaDe(p: string | undefined): Plantilla | undefined {
  if (p === undefined) return undefined;
  if (!(PLANTILLAS as readonly string[]).includes(p)) throw new UsoIncorrecto(`--plantilla es ${PLANTILLAS.join(', ')} (recibí "${p}").`);
  return p as Plantilla;
}

function errorDe(e: Parameters<typeof errorDeValidacion>[0]): RadicaError {
  const x = errorDeValidacion(e);
  return new RadicaError(x.code, x.message, x.campos);
}

/** A printer given on the command line: a URI, or a path (a device or a file that collects the bytes). */
function literal(destino: string, v: Valores) {
  const uri = /^[a-z][a-z0-9+.-]*:\/\//i.test(destino) || destino.startsWith('/dev/') ? destino : pathToFileURL(path.resolve(destino)).href;
  const i = impresoraDeUri(uri, { formato: v.formato ? formatoDe(v.formato) : undefined, plantilla: plantillaDe(v.plantilla) });
  // The id of a literal printer is its URI, which the id rule of configured printers does not allow.
  const r = impresoraSchema.safeParse({ ...i, id: 'literal' });
  if (!r.success) {
    throw new UsoIncorrecto(
      `--impresora "${destino}" no es una impresora configurada ni una dirección válida. Use el id de una impresora (radica impresoras) o tcp://host:9100, /dev/usb/lp0, una ruta, cups://COLA o pdf:///carpeta.`,
    );
  }
  return { ...i, id: uri, nombre: uri };
}

/** Exit 0 only when the bytes were delivered; otherwise the printer's problem, and the job stays queued. */
function resultadoTrabajo(t: TrabajoImpresion): Salida {
  const que = `${t.documento === 'constancia' ? 'La constancia' : 'El rótulo'}${t.copia ? ' (COPIA)' : ''} de ${t.numero}`;
  if (t.estado === 'impreso') return { json: t, texto: `${que} se envió a ${t.impresora} (trabajo ${t.id}).` };
  const cola =
    t.estado === 'pendiente'
      ? `El trabajo ${t.id} quedó en cola y se reintentará${t.proximoIntento ? ` desde las ${formatFechaHora(t.proximoIntento)}` : ''} (la aplicación lo reintenta sola; desde la CLI: radica reintentar ${t.id}). El radicado no cambió.`
      : `El trabajo ${t.id} quedó con error y no se reintentará solo: corrija la impresora y use radica reintentar ${t.id} [--impresora OTRA]. El radicado no cambió.`;
  throw new FalloVerificacion(`${que} NO se imprimió. ${t.ultimoError ?? ''}\n${cola}`, t);
}

function textoImpresoras(impresoras: EstadoImpresora[], trabajos: TrabajoImpresion[]): string {
  const estado = { lista: 'lista', sin_conexion: 'SIN CONEXIÓN', desconocido: 'estado desconocido' } as const;
  return [
    'Impresoras:',
    ...impresoras.map((i) => `  ${i.id.padEnd(12)} ${estado[i.estado].padEnd(18)} ${i.nombre} — ${i.uri}${i.pendientes ? ` · ${i.pendientes} pendientes` : ''}${i.detalle && i.estado !== 'lista' ? `\n      ${i.detalle}` : ''}`),
    trabajos.length === 0 ? 'Sin trabajos pendientes.' : 'Trabajos sin imprimir:',
    ...trabajos.map((t) => `  #${t.id} ${t.numero}${t.copia ? ' COPIA' : ''} → ${t.impresora}: ${t.estado}, ${t.intentos} intentos${t.ultimoError ? `\n      ${t.ultimoError}` : ''}`),
  ].join('\n');
}

type Llamar = <C extends Canal>(canal: C, payload: unknown) => Promise<SalidaDe<C>>;

async function comandoTermino(call: Llamar, v: Valores): Promise<Salida> {
  const cantidad = entero(v.cantidad, 'cantidad');
  const r = await call('terminos:calcular', {
    tipo: requerida(v.tipo, 'tipo'),
    desde: requerida(v.desde, 'desde'),
    cantidad: cantidad ?? null,
    unidad: v.unidad ?? null,
  });
  return { json: r, texto: `${r.tipo}: vence ${r.venceEn !== null ? formatFechaHora(r.venceEn) : r.venceEl ? formatFecha(r.venceEl) : 'sin término'}` };
}

class FalloVerificacion extends Error {
  constructor(
    readonly texto: string,
    readonly resultado: unknown,
  ) {
    super(texto);
  }
}

/**
 * SANE device options a driver needs on every scan (`--swdeskew=yes`, the test backend's
 * `--test-picture=Grid`) come from RADICA_SANE_ARGUMENTOS, space-separated `--opcion=valor`.
 */
function escanerDeLaCli() {
  const extra = process.env.RADICA_SANE_ARGUMENTOS?.trim();
  if (extra && process.platform !== 'win32') return crearEscaner('sane', { argumentosExtra: extra.split(/\s+/) });
  return escanerPorDefecto(process.platform);
}

async function conEstacion(
  dataDir: string,
  fn: (call: Llamar, station: Station, usuario: Usuario) => Promise<Salida>,
  /** For the review commands: coordinator mode, from --central or else as the app reads it. */
  coordinacion: { url?: string } | null = null,
): Promise<Salida> {
  let station: Station;
  try {
    // The scanner adapter only runs a program when asked to scan: cheap to have for every command.
    station = openStation({ dataDir, escaner: escanerDeLaCli() });
  } catch (err) {
    if (err instanceof RadicaError) throw err;
    throw new RadicaError('INTERNO', `No se pudo abrir la base de datos en ${dataDir}: ${(err as { code?: string }).code ?? (err as Error).message}.`);
  }
  const central = coordinacion ? iniciarCoordinacion(station, coordinacion.url ?? urlCoordinacion(station.services.context.config)) : null;
  try {
    const usuario: Usuario = { usuario: `cli:${os.userInfo().username}`, nombre: 'Administración (CLI)', rol: 'administrador' };
    station.router.fijarSesion('cli', usuario);
    const call: Llamar = async (canal, payload) => {
      const r = (await station.router.handle(canal, payload, { clientId: 'cli' })) as Resultado<never>;
      if (!r.ok) throw new RadicaError(r.error.code, r.error.message, r.error.campos);
      return r.value;
    };
    return await fn(call, station, usuario);
  } finally {
    await station.services.anexos.cerrar();
    await central?.cerrar();
    station.close();
  }
}

export async function main(argv: string[]): Promise<number> {
  // `radica clasificador …`: its own options. The station's commands (sugerir --data-dir,
  // reentrenar, importar, estado) are in clasificadorEstacion.ts; the model-file commands
  // (entrenar, evaluar, sugerir --modelo, validar) in clasificador.ts.
  if (argv[0] === 'clasificador' && esComandoDeEstacion(argv.slice(1))) return clasificadorEstacion(argv.slice(1));
  // The central PostgreSQL store (radica central …, radica sync): its own options, in central.ts.
  if (esComandoCentral(argv)) return comandoCentral(argv);
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: opciones, allowPositionals: true, strict: true });
  } catch (err) {
    console.error(`radica: ${(err as Error).message.replace(/^Unknown option/, 'Opción desconocida')}\nUse "radica --help" para ver los comandos.`);
    return 2;
  }
  const { values, positionals } = parsed;
  const [comando, ...resto] = positionals;
  if (!comando || values.help || comando === 'ayuda' || comando === 'help') {
    console.log(AYUDA);
    return comando || values.help ? 0 : 2;
  }
  try {
    const out = await ejecutar(comando, resto, values);
    console.log(values.json ? JSON.stringify(paraJson(out.json), null, 2) : out.texto);
    return 0;
  } catch (err) {
    if (err instanceof FalloVerificacion) {
      if (values.json) console.log(JSON.stringify(paraJson(err.resultado), null, 2));
      console.error(err.texto);
      return 1;
    }
    if (err instanceof UsoIncorrecto) {
      console.error(`radica ${comando}: ${err.message}\nUse "radica --help" para ver las opciones.`);
      return 2;
    }
    if (err instanceof RadicaError) {
      console.error(`radica ${comando}: ${err.message}`);
      if (err.campos && Object.keys(err.campos).length > 1) {
        for (const [campo, msg] of Object.entries(err.campos)) console.error(`  - ${campo}: ${msg}`);
      }
      return 1;
    }
    console.error(`radica ${comando}: error inesperado (${(err as Error).name}). No se completó la operación.`);
    return 1;
  }
}
