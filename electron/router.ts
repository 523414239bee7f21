import type { z } from 'zod';
import { contrato, type Canal, type SalidaDe, type ValidadoDe } from '../shared/ipc/contract';
import { RadicaError, type ErrorRadica, type Resultado } from '../shared/ipc/result';
import type { Usuario } from '../shared/domain/radicado';
import type { StationServices } from './station';
import { logError } from './log';

export interface Contexto {
  /** Who is calling: a window (webContents id), a Playwright page, or the CLI. */
  clientId: string;
}

type Handler<C extends Canal> = (input: ValidadoDe<C>, sesion: Usuario | null, ctx: Contexto) => SalidaDe<C> | Promise<SalidaDe<C>>;

export interface Router {
  handle(channel: string, payload: unknown, ctx: Contexto): Promise<Resultado<unknown>>;
  /** Front doors that authenticate by other means (the CLI holds the data directory) set their session. */
  fijarSesion(clientId: string, usuario: Usuario | null): void;
  sesion(clientId: string): Usuario | null;
}

const MENSAJE_SIN_SESION = 'Inicie sesión con su usuario y PIN para continuar.';

/**
 * Maps every channel of the contract to a service: validates the payload with the channel's schema,
 * checks the caller's role, and answers {ok, value} or {ok: false, error} in Spanish.
 */
export function createRouter(services: StationServices): Router {
  const sesiones = new Map<string, Usuario>();

  const handlers: { [C in Canal]: Handler<C> } = {
    'estacion:estado': (_i, sesion) => ({
      inicializada: services.estacion.config() !== null,
      config: services.estacion.config(),
      usuarios: services.estacion.config() ? services.usuarios.listar() : [],
      sesion,
    }),
    'estacion:inicializar': (input, sesion) => {
      if (services.estacion.config() !== null && sesion?.rol !== 'administrador') {
        throw new RadicaError('CONFLICTO', 'Esta estación ya está configurada.');
      }
      return services.estacion.inicializar(input, sesion?.usuario ?? 'primera-configuracion');
    },
    'estacion:verificar': () => services.estacion.verificar(),
    'estacion:demo': (input, sesion) => services.demo.generar(input.cantidad, sesion!),
    'sesion:iniciar': (input, _s, ctx) => {
      const u = services.usuarios.autenticar(input.usuario, input.pin);
      sesiones.set(ctx.clientId, u);
      return u;
    },
    'sesion:cerrar': (_i, _s, ctx) => {
      sesiones.delete(ctx.clientId);
      return null;
    },
    'usuarios:crear': (input, sesion) => services.usuarios.crear(input, sesion!.usuario),
    'catalogo:obtener': () => services.context.catalogoVigente().catalogo,
    'terminos:calcular': (input) => services.estacion.termino(input),
    'remitentes:porDocumento': (input) => services.radicacion.remitentePorDocumento(input.tipoDocumento, input.numeroDocumento),
    'radicacion:radicar': (input, sesion) => services.radicacion.radicar(input, sesion!),
    'radicacion:consultar': (input, sesion) => services.radicacion.consultar(input.numero, sesion!),
    'radicacion:buscar': (input, sesion) => services.radicacion.buscar(input, sesion!),
    'radicacion:anular': (input, sesion) => services.radicacion.anular(input, sesion!),
    'sticker:vista': (input, sesion) => services.impresion.vista(input, sesion!),
    'sticker:imprimir': (input, sesion) => services.impresion.imprimir(input, sesion!),
    'sticker:verificarCodigo': (input) => services.impresion.verificarCodigo(input),
    'impresion:estado': () => services.impresion.estado(),
    'impresion:trabajo': (input, sesion) => services.impresion.trabajoVisible(input.trabajo, sesion!),
    'impresion:reintentar': (input, sesion) => services.impresion.reintentar(input, sesion!),
    'impresion:config': () => services.impresion.config(),
    'impresion:configurar': (input, sesion) => services.impresion.configurar(input, sesion!),
    'impresion:probar': (input, sesion) => services.impresion.probar(input, sesion!),
    'clasificador:sugerir': (input) => services.clasificacion.sugerir(input.texto),
    'clasificador:entrenar': () => services.clasificacion.entrenar(),
    'clasificador:estado': () => services.clasificacion.estado(),
    'clasificador:desempeno': (input) => services.revision.desempenoSugerencias(input),
    'clasificador:importar': (input) => services.clasificacion.importar(input.filas, input.origen),
    'anexos:listar': (input, sesion) => services.anexos.listar(input.numero, sesion!),
    'anexos:anexar': (input, sesion) => services.anexos.anexarArchivos(input.numero, archivosDe(input.archivos), sesion!),
    'anexos:contenido': (input, sesion) => services.anexos.contenido(input.anexo, sesion!),
    'anexos:paginas': (input, sesion) => services.anexos.paginas(input.anexo, input.desde, input.cantidad, sesion!),
    'escaneo:dispositivos': () => services.anexos.dispositivos(),
    'escaneo:config': () => services.anexos.configEscaner(),
    'escaneo:configurar': (input, sesion) => services.anexos.configurarEscaner(input, sesion!),
    'escaneo:iniciar': (input, sesion) => services.anexos.iniciarEscaneo(services.anexos.opcionesEscaneo(input), sesion!),
    'escaneo:estado': (input, sesion) => services.anexos.estadoEscaneo(input.id, sesion!, input.desde),
    'escaneo:guardar': (input, sesion) => services.anexos.guardarEscaneo(input.id, input.numero, input.paginas, sesion!),
    'escaneo:descartar': (input, sesion) => services.anexos.descartarEscaneo(input.id, sesion!),
    'escaneo:escanear': (input, sesion) => services.anexos.escanear(input.numero, services.anexos.opcionesEscaneo(input), sesion!),
    'lote:procesar': (input, sesion) => services.anexos.lote(archivosDe(input.archivos), input.origen, sesion!),
    'bandeja:listar': () => services.anexos.bandeja(),
    'bandeja:contenido': (input) => services.anexos.contenidoBandeja(input.id),
    'bandeja:asignar': (input, sesion) => services.anexos.asignarBandeja(input.id, input.numero, sesion!),
    'bandeja:descartar': (input, sesion) => services.anexos.descartarBandeja(input.id, sesion!),
    'bandeja:paginas': (input) => services.anexos.paginasBandeja(input.id, input.desde, input.cantidad),
    'revision:cola': (input) => services.revision.cola(input),
    'revision:marcar': (input, sesion) => services.revision.marcar(input, sesion!),
    'revision:mia': (input, sesion) => services.revision.mia(input, sesion!),
    'informe:semanal': (input, sesion) => services.revision.informe(input, sesion!),
    'informe:archivo': (input, sesion) => services.revision.archivo(input, sesion!),
    'tablero:obtener': (input) => services.revision.tablero(input),
    'central:estado': () => services.central.estado(),
    'central:estaciones': () => services.central.estaciones(),
  };

  async function handle(channel: string, payload: unknown, ctx: Contexto): Promise<Resultado<unknown>> {
    if (!Object.hasOwn(contrato, channel)) {
      return fallo({ code: 'CANAL_DESCONOCIDO', message: `Operación desconocida: ${String(channel).slice(0, 60)}.` });
    }
    const canal = channel as Canal;
    const def = contrato[canal];
    const sesion = sesiones.get(ctx.clientId) ?? null;
    if (def.acceso !== 'publico') {
      if (!sesion) return fallo({ code: 'SIN_SESION', message: MENSAJE_SIN_SESION });
      if (Array.isArray(def.acceso) && !def.acceso.includes(sesion.rol)) {
        return fallo({
          code: 'NO_AUTORIZADO',
          message: `Su rol (${sesion.rol}) no permite esta operación. Solo la puede hacer: ${def.acceso.join(' o ')}.`,
        });
      }
    }
    const parsed = (def.input as z.ZodType).safeParse(payload ?? {});
    if (!parsed.success) return fallo(errorDeValidacion(parsed.error));
    try {
      const handler = handlers[canal] as Handler<Canal>;
      return { ok: true, value: await handler(parsed.data as never, sesion, ctx) };
    } catch (err) {
      if (err instanceof RadicaError) {
        return fallo({ code: err.code, message: err.message, ...(err.campos ? { campos: err.campos } : {}) });
      }
      logError(canal, err);
      return fallo({
        code: 'INTERNO',
        message:
          'La estación tuvo un error interno y la operación no se completó. Si no vio un número de radicado, ' +
          'el documento no quedó radicado: intente de nuevo y, si se repite, avise a soporte.',
      });
    }
  }

  return {
    handle,
    fijarSesion(clientId, usuario) {
      if (usuario) sesiones.set(clientId, usuario);
      else sesiones.delete(clientId);
    },
    sesion: (clientId) => sesiones.get(clientId) ?? null,
  };
}

/** Files arrive base64-encoded (IPC and the CLI alike); an invalid encoding is a damaged file. */
function archivosDe(archivos: { nombre: string; base64: string }[]): { nombre: string; bytes: Buffer }[] {
  return archivos.map((a) => {
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(a.base64.slice(-8)) || a.base64.length % 4 !== 0) {
      throw new RadicaError('ARCHIVO_INVALIDO', `No se anexó «${a.nombre.slice(0, 80)}»: el contenido llegó dañado. Intente de nuevo.`);
    }
    return { nombre: a.nombre, bytes: Buffer.from(a.base64, 'base64') };
  });
}

function fallo(error: ErrorRadica): Resultado<never> {
  return { ok: false, error };
}

export function errorDeValidacion(error: z.ZodError): ErrorRadica {
  const campos: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.join('.') || '_';
    campos[key] ??= issue.message;
  }
  const mensajes = [...new Set(Object.values(campos))];
  return {
    code: 'VALIDACION',
    message: mensajes.length === 1 ? mensajes[0]! : `Revise ${mensajes.length} campos: ${mensajes.join(' ')}`,
    campos,
  };
}
