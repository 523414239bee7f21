/**
 * The IPC contract: every channel, its payload schema (validated by the router) and the roles that
 * may call it. The preload exposes one function per channel (`ApiRadica`); the CLI and the tests
 * call the same router.
 */
import { z } from 'zod';
import { CODIGO_ESTACION } from '../domain/numbering';
import { CANALES, ROLES, TIPOS_DOCUMENTO_IDENTIDAD } from '../domain/radicado';
import type {
  ConfiguracionEstacion,
  Radicado,
  RadicadoDetalle,
  RadicadoResumen,
  Remitente,
  Usuario,
  Verificacion,
  Rol,
} from '../domain/radicado';
import type { Catalogo, UnidadTermino } from '../domain/catalog';
import { isValidIsoDate } from '../domain/bogota';
import { UNIDADES_TERMINO } from '../domain/catalog';
import { PLANTILLAS, type StickerLayout } from '../sticker/types';
import type { ConfigImpresion, EstadoImpresora, TrabajoImpresion } from '../domain/impresion';
import type { EstadoClasificador, ResultadoSugerencias } from '../sugerencias';
import type { DesempenoSugerencias } from '../sugerencias/desempeno';
import type { Anexo, ItemBandeja, PaginasAnexo, ResultadoLote } from '../domain/anexos';
import type { ConfigEscaner, DispositivoEscaneo, EstadoEscaneo } from '../domain/escaneo';
import type { EstacionesCentrales, EstadoCentral } from '../domain/central';
import { FORMATOS_INFORME, VEREDICTOS, type ColaRevision, type InformeSemanal, type ResultadoMarca, type Retroalimentacion, type Tablero } from '../domain/revision';

const texto = (campo: string, max: number) =>
  z
    .string({ error: `${campo}: escriba un texto.` })
    .trim()
    .max(max, `${campo}: máximo ${max} caracteres.`);

const requerido = (campo: string, max: number) => texto(campo, max).min(1, `${campo} es obligatorio.`);

const opcional = (campo: string, max: number) =>
  texto(campo, max)
    .optional()
    .nullable()
    .transform((v) => (v ? v : null));

const codigoEstacion = (campo: string) =>
  z
    .string({ error: `${campo}: escriba el código.` })
    .trim()
    .regex(CODIGO_ESTACION, `${campo}: use de 1 a 4 dígitos, por ejemplo 01.`)
    .transform((v) => v.padStart(2, '0'));

const fechaIso = z
  .string({ error: 'Fecha: use el formato aaaa-mm-dd.' })
  .refine(isValidIsoDate, 'Fecha: use una fecha válida en formato aaaa-mm-dd.');

export const tipoDocumentoSchema = z.enum(Object.keys(TIPOS_DOCUMENTO_IDENTIDAD) as [keyof typeof TIPOS_DOCUMENTO_IDENTIDAD], {
  error: 'Tipo de documento: elija CC, CE, TI, PA, PPT, NIT o AN (anónimo).',
});

export const remitenteInputSchema = z
  .object({
    tipoDocumento: tipoDocumentoSchema,
    numeroDocumento: texto('Número de documento', 20).transform((v) => v.replace(/[.\s]/g, '')),
    nombres: texto('Nombre del remitente', 200),
    telefono: opcional('Teléfono', 30),
    correo: opcional('Correo electrónico', 120).refine(
      (v) => v === null || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v),
      'Correo electrónico: revise la dirección, por ejemplo nombre@dominio.co.',
    ),
    direccion: opcional('Dirección', 200),
    autorizaDatos: z.boolean({ error: 'Indique si el remitente autoriza el tratamiento de sus datos.' }),
  })
  .superRefine((r, ctx) => {
    if (r.tipoDocumento === 'AN') return;
    if (!/^[0-9A-Za-z-]{3,20}$/.test(r.numeroDocumento)) {
      ctx.addIssue({
        code: 'custom',
        path: ['numeroDocumento'],
        message: 'Número de documento: escriba de 3 a 20 letras o dígitos, sin puntos.',
      });
    }
    if (['CC', 'TI', 'NIT'].includes(r.tipoDocumento) && !/^\d+(-\d)?$/.test(r.numeroDocumento)) {
      ctx.addIssue({ code: 'custom', path: ['numeroDocumento'], message: `Número de documento: una ${r.tipoDocumento} solo lleva dígitos.` });
    }
    if (r.nombres.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['nombres'], message: 'Nombre del remitente es obligatorio (o elija AN si es anónimo).' });
    }
    if (!r.autorizaDatos) {
      ctx.addIssue({
        code: 'custom',
        path: ['autorizaDatos'],
        message: 'Lea al remitente el aviso de tratamiento de datos y registre su autorización, o radique como anónimo (AN).',
      });
    }
  });
export type RemitenteInput = z.input<typeof remitenteInputSchema>;

const puntajeSchema = z.object({
  codigo: z.string().trim().min(1).max(20),
  probabilidad: z.number().min(0).max(1),
});

/** What the station suggested while the clerk typed (clasificador:sugerir), recorded with the radicado. */
export const sugerenciaRegistroSchema = z.object({
  modelo: z.string().trim().max(100).nullable(),
  fuente: z.enum(['frases', 'modelo', 'mixto']).nullable().optional(),
  tipos: z.array(puntajeSchema).max(3),
  dependencias: z.array(puntajeSchema).max(3),
});

export const radicarInputSchema = z.object({
  remitente: remitenteInputSchema,
  canal: z.enum(Object.keys(CANALES) as [keyof typeof CANALES], {
    error: 'Canal: elija presencial, correo_postal, correo_electronico, web o verbal.',
  }),
  asunto: requerido('Asunto', 1000),
  tipo: requerido('Tipo documental', 20),
  dependencia: requerido('Dependencia', 20),
  folios: z
    .number({ error: 'Folios: escriba el número de hojas recibidas.' })
    .int('Folios: escriba un número entero.')
    .min(0, 'Folios no puede ser negativo.')
    .max(10_000, 'Folios: revise el número, máximo 10.000.'),
  anexos: opcional('Anexos', 300),
  /** The term when the document sets it (tutela, ente de control, judicial). */
  termino: z
    .object({
      cantidad: z.number().int('Término: escriba un número entero.').positive('Término: debe ser mayor que cero.').max(365),
      unidad: z.enum(UNIDADES_TERMINO),
    })
    .optional()
    .nullable(),
  /** The suggestions shown, stored in `sugerencias` in the radicado's transaction. */
  sugerencia: sugerenciaRegistroSchema.optional().nullable(),
});
export type RadicarInput = z.input<typeof radicarInputSchema>;

export const sugerirSchema = z.object({
  texto: z.string({ error: 'Texto: escriba el asunto.' }).max(20_000, 'Texto: máximo 20.000 caracteres.'),
});

export const importarEjemplosSchema = z.object({
  origen: requerido('Origen', 200),
  filas: z
    .array(
      z.object({
        texto: z.string().max(20_000),
        tipo: z.string().max(200).nullable().optional(),
        dependencia: z.string().max(200).nullable().optional(),
        peso: z.number().nullable().optional(),
      }),
    )
    .min(1, 'No hay filas para importar.')
    .max(200_000, 'Máximo 200.000 filas por importación.'),
});

export const numeroSchema = z.object({ numero: requerido('Número de radicado', 40) });

export const buscarInputSchema = z
  .object({
    numero: opcional('Número', 40),
    texto: opcional('Texto', 200),
    documento: opcional('Documento', 30),
    nombre: opcional('Nombre', 200),
    limite: z.number().int().min(1).max(500).default(50),
  })
  .refine((b) => [b.numero, b.texto, b.documento, b.nombre].some((v) => v), {
    message: 'Escriba un número de radicado, un documento, un nombre o palabras del asunto.',
  });
export type BuscarInput = z.input<typeof buscarInputSchema>;

export const anularInputSchema = z.object({
  numero: requerido('Número de radicado', 40),
  justificacion: texto('Justificación', 1000).min(10, 'Justificación: explique por qué se anula (al menos 10 caracteres).'),
  aprobadoPor: requerido('Aprobado por', 120),
});
export type AnularInput = z.input<typeof anularInputSchema>;

export const terminoInputSchema = z.object({
  tipo: requerido('Tipo documental', 20),
  /** 'YYYY-MM-DD' (day of radicación) or an ISO instant. */
  desde: z.union([fechaIso, z.iso.datetime({ offset: true, error: 'Desde: use aaaa-mm-dd o una fecha y hora ISO.' })]),
  cantidad: z.number().int().positive().max(365).optional().nullable(),
  unidad: z.enum(UNIDADES_TERMINO).optional().nullable(),
});
export type TerminoInput = z.input<typeof terminoInputSchema>;

export const inicializarInputSchema = z.object({
  entidad: requerido('Entidad', 200),
  nit: opcional('NIT', 20),
  sede: codigoEstacion('Sede'),
  sedeNombre: opcional('Nombre de la sede', 120),
  ventanilla: codigoEstacion('Ventanilla'),
  formatoNumero: opcional('Formato del número', 60),
  /** Create the demo users (PIN 1234) for trying the station out. */
  usuariosDemo: z.boolean().default(false),
});
export type InicializarInput = z.input<typeof inicializarInputSchema>;

export const iniciarSesionSchema = z.object({
  usuario: requerido('Usuario', 60),
  pin: z.string({ error: 'PIN: escriba su PIN.' }).regex(/^\d{4,8}$/, 'PIN: escriba de 4 a 8 dígitos.'),
});

export const crearUsuarioSchema = z.object({
  usuario: requerido('Usuario', 60).regex(/^[a-z0-9._-]+$/, 'Usuario: use minúsculas, números, punto o guion.'),
  nombre: requerido('Nombre', 120),
  rol: z.enum(ROLES, { error: 'Rol: elija radicador, coordinador o administrador.' }),
  pin: z.string().regex(/^\d{4,8}$/, 'PIN: escriba de 4 a 8 dígitos.'),
});
export type CrearUsuarioInput = z.input<typeof crearUsuarioSchema>;

export const remitentePorDocumentoSchema = z.object({
  tipoDocumento: tipoDocumentoSchema,
  numeroDocumento: requerido('Número de documento', 20).transform((v) => v.replace(/[.\s]/g, '')),
});

export const demoInputSchema = z.object({
  cantidad: z.number().int().min(1, 'Cantidad: al menos 1.').max(2_000_000, 'Cantidad: máximo 2.000.000.'),
});

const plantillaSchema = z.enum(PLANTILLAS, { error: 'Plantilla: elija etiqueta-100x50, etiqueta-62 o recibo-80.' });
const documentoSchema = z.enum(['rotulo', 'constancia']).default('rotulo');

export const vistaStickerSchema = z.object({
  numero: requerido('Número de radicado', 40),
  plantilla: plantillaSchema.optional().nullable(),
  documento: documentoSchema,
  copia: z.boolean().default(false),
});

export const imprimirSchema = z.object({
  numero: requerido('Número de radicado', 40),
  /** Printer id; by default the station's default printer (or its receipt printer for constancias). */
  impresora: opcional('Impresora', 60),
  documento: documentoSchema,
  /** A reprint: the sticker says COPIA and the audit log records it. */
  copia: z.boolean().default(false),
});
export type ImprimirInput = z.input<typeof imprimirSchema>;

export const reintentarSchema = z.object({
  trabajo: z.number().int().positive(),
  /** Send it to another printer instead. */
  impresora: opcional('Impresora', 60),
});

export const impresoraSchema = z.object({
  id: requerido('Identificador', 60).regex(/^[a-z0-9_-]+$/, 'Identificador: use minúsculas, números, guion o guion bajo.'),
  nombre: requerido('Nombre', 120),
  uri: requerido('Dirección de la impresora', 300).refine(
    (u) => /^(tcp:\/\/[^\s/:]+:\d{1,5}|file:\/\/\/.+|\/dev\/.+|cups:\/\/[\w.-]+|os:\/\/.+|pdf:\/\/\/.+)$/.test(u),
    'Dirección: use tcp://host:9100, file:///ruta, /dev/usb/lp0, cups://COLA, os://NOMBRE o pdf:///carpeta.',
  ),
  formato: z.enum(['escpos', 'pdf']),
  plantilla: plantillaSchema,
  modoCodigos: z.enum(['nativo', 'raster']).default('nativo'),
  predeterminada: z.boolean().default(false),
  constancias: z.boolean().default(false),
  tamano: z
    .object({
      anchoMm: z.number({ error: 'Ancho: escriba los milímetros.' }).min(25, 'Ancho: mínimo 25 mm.').max(220, 'Ancho: máximo 220 mm.'),
      altoMm: z.number({ error: 'Alto: escriba los milímetros.' }).min(15, 'Alto: mínimo 15 mm.').max(300, 'Alto: máximo 300 mm.'),
    })
    .nullable()
    .default(null),
});

export const configImpresionSchema = z.object({
  impresoras: z.array(impresoraSchema).max(20),
  imprimirAlRadicar: z.boolean(),
  imprimirConstancia: z.boolean(),
  urlConsulta: requerido('URL de consulta', 300).refine((u) => /^https:\/\/\S+$/.test(u), 'URL de consulta: debe empezar por https://'),
  urlEncuesta: opcional('URL de la encuesta', 300).refine((u) => u === null || /^https:\/\/\S+$/.test(u), 'URL de la encuesta: debe empezar por https://'),
});
export type ConfigImpresionInput = z.input<typeof configImpresionSchema>;

export const verificarCodigoSchema = z.object({
  numero: requerido('Número de radicado', 40),
  codigo: requerido('Código de verificación', 20),
});

export const trabajoSchema = z.object({ trabajo: z.number().int().positive() });

export const probarImpresoraSchema = z.object({ impresora: requerido('Impresora', 60) });

const vacio = z.object({}).strict();

const numeroRadicado = z
  .string({ error: 'Número de radicado: escríbalo.' })
  .trim()
  .min(1, 'Número de radicado: escríbalo.')
  .max(40, 'Número de radicado: máximo 40 caracteres.')
  .transform((v) => v.toUpperCase());

/** A file sent through the router: its name (only shown) and its bytes in base64. */
const archivoSchema = z.object({
  nombre: requerido('Nombre del archivo', 255),
  // 50 MB of bytes are ~67 MB of base64; the station's own (lower or higher) limit is checked on the bytes.
  base64: z.string({ error: 'Archivo: falta su contenido.' }).max(140_000_000, 'Archivo: demasiado grande para enviarlo.'),
});

export const anexarSchema = z.object({
  numero: numeroRadicado,
  archivos: z.array(archivoSchema).min(1, 'Elija al menos un archivo.').max(50, 'Máximo 50 archivos a la vez.'),
});

export const listarAnexosSchema = z.object({ numero: numeroRadicado });
export const anexoIdSchema = z.object({ anexo: z.number({ error: 'Anexo: indique su número.' }).int().positive() });
export const paginasAnexoSchema = anexoIdSchema.extend({
  desde: z.number().int().positive().default(1),
  cantidad: z.number().int().min(1).max(20, 'Máximo 20 páginas por consulta.').default(10),
});

const fuenteSchema = z.enum(['adf', 'plano'], { error: 'Fuente: use adf (alimentador) o plano (cama plana).' });
const modoSchema = z.enum(['color', 'gris', 'blanco_negro'], { error: 'Modo: use color, gris o blanco_negro.' });
const resolucionSchema = z
  .number({ error: 'Resolución: escriba los puntos por pulgada.' })
  .int('Resolución: un número entero de puntos por pulgada.')
  .min(75, 'Resolución: mínimo 75 ppp.')
  .max(1200, 'Resolución: máximo 1200 ppp.');

export const configEscanerSchema = z.object({
  dispositivo: texto('Escáner', 200).min(1, 'Escáner: elija un dispositivo.'),
  fuente: fuenteSchema,
  duplex: z.boolean().default(false),
  resolucion: resolucionSchema,
  modo: modoSchema,
  /** Hot folder of the office's multifunction printer; null: none. */
  carpeta: opcional('Carpeta de escaneo', 500),
});

export const iniciarEscaneoSchema = z.object({
  dispositivo: opcional('Escáner', 200),
  fuente: fuenteSchema.optional(),
  duplex: z.boolean().optional(),
  resolucion: resolucionSchema.optional(),
  modo: modoSchema.optional(),
  paginas: z.number().int().min(1, 'Páginas: al menos 1.').max(500, 'Páginas: máximo 500.').optional(),
});

export const escanearSchema = iniciarEscaneoSchema.extend({ numero: numeroRadicado });

export const escaneoIdSchema = z.object({
  id: requerido('Escaneo', 60),
  desde: z.number().int().min(0).default(0),
});

export const guardarEscaneoSchema = z.object({
  id: requerido('Escaneo', 60),
  numero: numeroRadicado,
  paginas: z
    .array(z.object({ indice: z.number().int().positive(), rotacion: z.union([z.literal(0), z.literal(90), z.literal(180), z.literal(270)]) }))
    .min(1, 'No quedó ninguna página para anexar.')
    .max(500, 'Máximo 500 páginas.'),
});

export const loteSchema = z.object({
  origen: requerido('Nombre del lote', 255),
  archivos: z.array(archivoSchema).min(1, 'El lote no tiene archivos.').max(2000, 'Máximo 2000 archivos por lote.'),
});

export const bandejaIdSchema = z.object({ id: z.number({ error: 'Elemento de la bandeja: indique su número.' }).int().positive() });
export const asignarBandejaSchema = bandejaIdSchema.extend({ numero: numeroRadicado });
export const paginasBandejaSchema = bandejaIdSchema.extend({
  desde: z.number().int().positive().default(1),
  cantidad: z.number().int().min(1).max(20, 'Máximo 20 páginas por consulta.').default(10),
});

const semana = z
  .string({ error: 'Semana: escriba la semana ISO como 2026-W47, o «actual».' })
  .trim()
  .regex(/^(\d{4}-[Ww]\d{2}|actual|anterior)$/i, 'Semana: escriba la semana ISO como 2026-W47, o «actual».');

const codigoCatalogo = (campo: string) => opcional(campo, 20).transform((v) => (v ? v.toUpperCase() : null));

/** Which radicados a review or report covers: a week, and optionally a sede and some ventanillas. */
export const alcanceRevisionSchema = z.object({
  semana,
  sede: codigoEstacion('Sede').optional(),
  ventanillas: z.array(codigoEstacion('Ventanilla'), { error: 'Ventanillas: indique una lista de códigos.' }).max(100).optional(),
});

export const colaRevisionSchema = alcanceRevisionSchema.extend({
  modo: z.enum(['todo', 'muestra', 'riesgo'], { error: 'Modo: elija todo, muestra o riesgo.' }).default('riesgo'),
  /** With modo 'muestra': how many per ventanilla. */
  muestra: z.number({ error: 'Muestra: indique cuántos por ventanilla.' }).int().min(1, 'Muestra: al menos 1 por ventanilla.').max(10_000).optional(),
  /** Same seed, same sample (so the coordinator can come back to it). */
  semilla: z.number().int().optional(),
});
export type ColaRevisionInput = z.input<typeof colaRevisionSchema>;

export const marcarRevisionSchema = z
  .object({
    numero: numeroRadicado,
    veredicto: z.enum(VEREDICTOS, { error: 'Veredicto: elija correcto o incorrecto.' }),
    tipoCorrecto: codigoCatalogo('Tipo documental correcto'),
    dependenciaCorrecta: codigoCatalogo('Dependencia correcta'),
    observacion: opcional('Observación', 1000),
  })
  .superRefine((v, ctx) => {
    if (v.veredicto === 'incorrecto' && !v.tipoCorrecto && !v.dependenciaCorrecta) {
      ctx.addIssue({ code: 'custom', path: ['tipoCorrecto'], message: 'Si es incorrecto, indique el tipo documental o la dependencia correctos.' });
    }
    if (v.veredicto === 'correcto' && (v.tipoCorrecto || v.dependenciaCorrecta)) {
      ctx.addIssue({ code: 'custom', path: ['veredicto'], message: 'Un radicado correcto no lleva tipo ni dependencia corregidos: marque «incorrecto».' });
    }
  });
export type MarcarRevisionInput = z.input<typeof marcarRevisionSchema>;

export const informeSchema = alcanceRevisionSchema.extend({
  formato: z.enum(FORMATOS_INFORME, { error: 'Formato: elija pdf, xlsx, csv o json.' }),
});

export const retroalimentacionSchema = z.object({
  semanas: z.number({ error: 'Semanas: indique cuántas.' }).int().min(1).max(52).default(8),
});

/** Which weeks the suggestions' figures cover: `semanas` ISO weeks ending with `hasta`. */
export const desempenoSugerenciasSchema = z.object({
  hasta: semana.default('actual'),
  semanas: z.number({ error: 'Semanas: indique cuántas.' }).int().min(1, 'Semanas: al menos 1.').max(52, 'Semanas: máximo 52.').default(4),
});

export const tableroSchema = z.object({
  hasta: semana.default('actual'),
  semanas: z.number({ error: 'Semanas: indique cuántas.' }).int().min(1, 'Semanas: al menos 1.').max(52, 'Semanas: máximo 52.').default(8),
  sede: codigoEstacion('Sede').optional(),
});

/** A generated report: its file name, media type and bytes. */
export interface ArchivoInforme {
  nombre: string;
  tipoMime: string;
  base64: string;
}

export interface EstadoEstacion {
  inicializada: boolean;
  config: ConfiguracionEstacion | null;
  usuarios: Usuario[];
  sesion: Usuario | null;
}

export interface ResultadoTermino {
  tipo: string;
  desde: string;
  termino: number | null;
  unidad: UnidadTermino;
  venceEl: string | null;
  venceEn: number | null;
}

type Acceso = Rol[] | 'publico' | 'sesion';
const TODOS: Rol[] = ['radicador', 'coordinador', 'administrador'];
const SUPERVISION: Rol[] = ['coordinador', 'administrador'];

function canal<S extends z.ZodType, R>(input: S, acceso: Acceso) {
  return { input, acceso, _result: undefined as unknown as R };
}

export const contrato = {
  'estacion:estado': canal<typeof vacio, EstadoEstacion>(vacio, 'publico'),
  'estacion:inicializar': canal<typeof inicializarInputSchema, ConfiguracionEstacion>(inicializarInputSchema, 'publico'),
  'estacion:verificar': canal<typeof vacio, Verificacion>(vacio, SUPERVISION),
  'estacion:demo': canal<typeof demoInputSchema, { creados: number; desde: string | null; hasta: string | null }>(demoInputSchema, ['administrador']),
  'sesion:iniciar': canal<typeof iniciarSesionSchema, Usuario>(iniciarSesionSchema, 'publico'),
  'sesion:cerrar': canal<typeof vacio, null>(vacio, 'publico'),
  'usuarios:crear': canal<typeof crearUsuarioSchema, Usuario>(crearUsuarioSchema, ['administrador']),
  'catalogo:obtener': canal<typeof vacio, Catalogo>(vacio, 'sesion'),
  'terminos:calcular': canal<typeof terminoInputSchema, ResultadoTermino>(terminoInputSchema, 'sesion'),
  'remitentes:porDocumento': canal<typeof remitentePorDocumentoSchema, Remitente | null>(remitentePorDocumentoSchema, TODOS),
  'radicacion:radicar': canal<typeof radicarInputSchema, Radicado>(radicarInputSchema, TODOS),
  'radicacion:consultar': canal<typeof numeroSchema, RadicadoDetalle>(numeroSchema, TODOS),
  'radicacion:buscar': canal<typeof buscarInputSchema, RadicadoResumen[]>(buscarInputSchema, TODOS),
  'radicacion:anular': canal<typeof anularInputSchema, Radicado>(anularInputSchema, SUPERVISION),
  'sticker:vista': canal<typeof vistaStickerSchema, StickerLayout>(vistaStickerSchema, TODOS),
  'sticker:imprimir': canal<typeof imprimirSchema, TrabajoImpresion>(imprimirSchema, TODOS),
  'sticker:verificarCodigo': canal<typeof verificarCodigoSchema, { valido: boolean; numero: string }>(verificarCodigoSchema, TODOS),
  'impresion:estado': canal<typeof vacio, { impresoras: EstadoImpresora[]; trabajos: TrabajoImpresion[] }>(vacio, TODOS),
  'impresion:trabajo': canal<typeof trabajoSchema, TrabajoImpresion>(trabajoSchema, TODOS),
  'impresion:reintentar': canal<typeof reintentarSchema, TrabajoImpresion>(reintentarSchema, TODOS),
  'impresion:config': canal<typeof vacio, ConfigImpresion>(vacio, TODOS),
  'impresion:configurar': canal<typeof configImpresionSchema, ConfigImpresion>(configImpresionSchema, ['administrador']),
  'impresion:probar': canal<typeof probarImpresoraSchema, TrabajoImpresion>(probarImpresoraSchema, ['administrador']),
  'clasificador:sugerir': canal<typeof sugerirSchema, ResultadoSugerencias>(sugerirSchema, TODOS),
  'clasificador:entrenar': canal<typeof vacio, EstadoClasificador>(vacio, SUPERVISION),
  'clasificador:estado': canal<typeof vacio, EstadoClasificador>(vacio, TODOS),
  'clasificador:desempeno': canal<typeof desempenoSugerenciasSchema, DesempenoSugerencias>(desempenoSugerenciasSchema, SUPERVISION),
  'clasificador:importar': canal<typeof importarEjemplosSchema, { importados: number; rechazados: { fila: number; motivo: string }[] }>(
    importarEjemplosSchema,
    ['administrador'],
  ),
  'anexos:listar': canal<typeof listarAnexosSchema, Anexo[]>(listarAnexosSchema, TODOS),
  'anexos:anexar': canal<typeof anexarSchema, Anexo[]>(anexarSchema, TODOS),
  'anexos:contenido': canal<typeof anexoIdSchema, { anexo: Anexo; base64: string }>(anexoIdSchema, TODOS),
  'anexos:paginas': canal<typeof paginasAnexoSchema, PaginasAnexo>(paginasAnexoSchema, TODOS),
  'escaneo:dispositivos': canal<typeof vacio, DispositivoEscaneo[]>(vacio, TODOS),
  'escaneo:config': canal<typeof vacio, ConfigEscaner | null>(vacio, TODOS),
  'escaneo:configurar': canal<typeof configEscanerSchema, ConfigEscaner>(configEscanerSchema, ['administrador']),
  'escaneo:iniciar': canal<typeof iniciarEscaneoSchema, EstadoEscaneo>(iniciarEscaneoSchema, TODOS),
  'escaneo:estado': canal<typeof escaneoIdSchema, EstadoEscaneo>(escaneoIdSchema, TODOS),
  'escaneo:guardar': canal<typeof guardarEscaneoSchema, Anexo>(guardarEscaneoSchema, TODOS),
  'escaneo:descartar': canal<typeof escaneoIdSchema, null>(escaneoIdSchema, TODOS),
  'escaneo:escanear': canal<typeof escanearSchema, Anexo>(escanearSchema, TODOS),
  'lote:procesar': canal<typeof loteSchema, ResultadoLote>(loteSchema, TODOS),
  'bandeja:listar': canal<typeof vacio, ItemBandeja[]>(vacio, TODOS),
  'bandeja:contenido': canal<typeof bandejaIdSchema, { item: ItemBandeja; base64: string }>(bandejaIdSchema, TODOS),
  'bandeja:asignar': canal<typeof asignarBandejaSchema, Anexo>(asignarBandejaSchema, TODOS),
  'bandeja:descartar': canal<typeof bandejaIdSchema, null>(bandejaIdSchema, SUPERVISION),
  'bandeja:paginas': canal<typeof paginasBandejaSchema, { item: ItemBandeja; paginas: PaginasAnexo['paginas'] }>(paginasBandejaSchema, TODOS),
  'revision:cola': canal<typeof colaRevisionSchema, ColaRevision>(colaRevisionSchema, SUPERVISION),
  'revision:marcar': canal<typeof marcarRevisionSchema, ResultadoMarca>(marcarRevisionSchema, SUPERVISION),
  'revision:mia': canal<typeof retroalimentacionSchema, Retroalimentacion>(retroalimentacionSchema, TODOS),
  'informe:semanal': canal<typeof alcanceRevisionSchema, InformeSemanal>(alcanceRevisionSchema, SUPERVISION),
  'informe:archivo': canal<typeof informeSchema, ArchivoInforme>(informeSchema, SUPERVISION),
  'tablero:obtener': canal<typeof tableroSchema, Tablero>(tableroSchema, SUPERVISION),
  'central:estado': canal<typeof vacio, EstadoCentral>(vacio, TODOS),
  'central:estaciones': canal<typeof vacio, EstacionesCentrales>(vacio, SUPERVISION),
} as const;

export type Contrato = typeof contrato;
export type Canal = keyof Contrato;
export type EntradaDe<C extends Canal> = z.input<Contrato[C]['input']>;
export type ValidadoDe<C extends Canal> = z.output<Contrato[C]['input']>;
export type SalidaDe<C extends Canal> = Contrato[C]['_result'];

export const canales = Object.keys(contrato) as Canal[];

import type { Resultado } from './result';

/** What the preload puts on window.api: one function per channel. */
export interface ApiRadica {
  estadoEstacion(p: EntradaDe<'estacion:estado'>): Promise<Resultado<SalidaDe<'estacion:estado'>>>;
  inicializarEstacion(p: EntradaDe<'estacion:inicializar'>): Promise<Resultado<SalidaDe<'estacion:inicializar'>>>;
  verificarEstacion(p: EntradaDe<'estacion:verificar'>): Promise<Resultado<SalidaDe<'estacion:verificar'>>>;
  generarDemo(p: EntradaDe<'estacion:demo'>): Promise<Resultado<SalidaDe<'estacion:demo'>>>;
  iniciarSesion(p: EntradaDe<'sesion:iniciar'>): Promise<Resultado<SalidaDe<'sesion:iniciar'>>>;
  cerrarSesion(p: EntradaDe<'sesion:cerrar'>): Promise<Resultado<SalidaDe<'sesion:cerrar'>>>;
  crearUsuario(p: EntradaDe<'usuarios:crear'>): Promise<Resultado<SalidaDe<'usuarios:crear'>>>;
  obtenerCatalogo(p: EntradaDe<'catalogo:obtener'>): Promise<Resultado<SalidaDe<'catalogo:obtener'>>>;
  calcularTermino(p: EntradaDe<'terminos:calcular'>): Promise<Resultado<SalidaDe<'terminos:calcular'>>>;
  remitentePorDocumento(p: EntradaDe<'remitentes:porDocumento'>): Promise<Resultado<SalidaDe<'remitentes:porDocumento'>>>;
  radicar(p: EntradaDe<'radicacion:radicar'>): Promise<Resultado<SalidaDe<'radicacion:radicar'>>>;
  consultar(p: EntradaDe<'radicacion:consultar'>): Promise<Resultado<SalidaDe<'radicacion:consultar'>>>;
  buscar(p: EntradaDe<'radicacion:buscar'>): Promise<Resultado<SalidaDe<'radicacion:buscar'>>>;
  anular(p: EntradaDe<'radicacion:anular'>): Promise<Resultado<SalidaDe<'radicacion:anular'>>>;
  vistaSticker(p: EntradaDe<'sticker:vista'>): Promise<Resultado<SalidaDe<'sticker:vista'>>>;
  imprimirSticker(p: EntradaDe<'sticker:imprimir'>): Promise<Resultado<SalidaDe<'sticker:imprimir'>>>;
  verificarCodigo(p: EntradaDe<'sticker:verificarCodigo'>): Promise<Resultado<SalidaDe<'sticker:verificarCodigo'>>>;
  estadoImpresion(p: EntradaDe<'impresion:estado'>): Promise<Resultado<SalidaDe<'impresion:estado'>>>;
  trabajoImpresion(p: EntradaDe<'impresion:trabajo'>): Promise<Resultado<SalidaDe<'impresion:trabajo'>>>;
  reintentarImpresion(p: EntradaDe<'impresion:reintentar'>): Promise<Resultado<SalidaDe<'impresion:reintentar'>>>;
  configImpresion(p: EntradaDe<'impresion:config'>): Promise<Resultado<SalidaDe<'impresion:config'>>>;
  configurarImpresion(p: EntradaDe<'impresion:configurar'>): Promise<Resultado<SalidaDe<'impresion:configurar'>>>;
  probarImpresora(p: EntradaDe<'impresion:probar'>): Promise<Resultado<SalidaDe<'impresion:probar'>>>;
  sugerirClasificacion(p: EntradaDe<'clasificador:sugerir'>): Promise<Resultado<SalidaDe<'clasificador:sugerir'>>>;
  entrenarClasificador(p: EntradaDe<'clasificador:entrenar'>): Promise<Resultado<SalidaDe<'clasificador:entrenar'>>>;
  estadoClasificador(p: EntradaDe<'clasificador:estado'>): Promise<Resultado<SalidaDe<'clasificador:estado'>>>;
  desempenoSugerencias(p: EntradaDe<'clasificador:desempeno'>): Promise<Resultado<SalidaDe<'clasificador:desempeno'>>>;
  importarEjemplos(p: EntradaDe<'clasificador:importar'>): Promise<Resultado<SalidaDe<'clasificador:importar'>>>;
  listarAnexos(p: EntradaDe<'anexos:listar'>): Promise<Resultado<SalidaDe<'anexos:listar'>>>;
  anexar(p: EntradaDe<'anexos:anexar'>): Promise<Resultado<SalidaDe<'anexos:anexar'>>>;
  contenidoAnexo(p: EntradaDe<'anexos:contenido'>): Promise<Resultado<SalidaDe<'anexos:contenido'>>>;
  paginasAnexo(p: EntradaDe<'anexos:paginas'>): Promise<Resultado<SalidaDe<'anexos:paginas'>>>;
  dispositivosEscaneo(p: EntradaDe<'escaneo:dispositivos'>): Promise<Resultado<SalidaDe<'escaneo:dispositivos'>>>;
  configEscaner(p: EntradaDe<'escaneo:config'>): Promise<Resultado<SalidaDe<'escaneo:config'>>>;
  configurarEscaner(p: EntradaDe<'escaneo:configurar'>): Promise<Resultado<SalidaDe<'escaneo:configurar'>>>;
  iniciarEscaneo(p: EntradaDe<'escaneo:iniciar'>): Promise<Resultado<SalidaDe<'escaneo:iniciar'>>>;
  estadoEscaneo(p: EntradaDe<'escaneo:estado'>): Promise<Resultado<SalidaDe<'escaneo:estado'>>>;
  guardarEscaneo(p: EntradaDe<'escaneo:guardar'>): Promise<Resultado<SalidaDe<'escaneo:guardar'>>>;
  descartarEscaneo(p: EntradaDe<'escaneo:descartar'>): Promise<Resultado<SalidaDe<'escaneo:descartar'>>>;
  escanear(p: EntradaDe<'escaneo:escanear'>): Promise<Resultado<SalidaDe<'escaneo:escanear'>>>;
  procesarLote(p: EntradaDe<'lote:procesar'>): Promise<Resultado<SalidaDe<'lote:procesar'>>>;
  listarBandeja(p: EntradaDe<'bandeja:listar'>): Promise<Resultado<SalidaDe<'bandeja:listar'>>>;
  contenidoBandeja(p: EntradaDe<'bandeja:contenido'>): Promise<Resultado<SalidaDe<'bandeja:contenido'>>>;
  asignarBandeja(p: EntradaDe<'bandeja:asignar'>): Promise<Resultado<SalidaDe<'bandeja:asignar'>>>;
  descartarBandeja(p: EntradaDe<'bandeja:descartar'>): Promise<Resultado<SalidaDe<'bandeja:descartar'>>>;
  paginasBandeja(p: EntradaDe<'bandeja:paginas'>): Promise<Resultado<SalidaDe<'bandeja:paginas'>>>;
  colaRevision(p: EntradaDe<'revision:cola'>): Promise<Resultado<SalidaDe<'revision:cola'>>>;
  marcarRevision(p: EntradaDe<'revision:marcar'>): Promise<Resultado<SalidaDe<'revision:marcar'>>>;
  miRetroalimentacion(p: EntradaDe<'revision:mia'>): Promise<Resultado<SalidaDe<'revision:mia'>>>;
  informeSemanal(p: EntradaDe<'informe:semanal'>): Promise<Resultado<SalidaDe<'informe:semanal'>>>;
  archivoInforme(p: EntradaDe<'informe:archivo'>): Promise<Resultado<SalidaDe<'informe:archivo'>>>;
  tablero(p: EntradaDe<'tablero:obtener'>): Promise<Resultado<SalidaDe<'tablero:obtener'>>>;
  estadoCentral(p: EntradaDe<'central:estado'>): Promise<Resultado<SalidaDe<'central:estado'>>>;
  estacionesCentrales(p: EntradaDe<'central:estaciones'>): Promise<Resultado<SalidaDe<'central:estaciones'>>>;
}

/** Which channel each api function calls; the preload and the e2e harness both use this map. */
export const metodosApi = {
  estadoEstacion: 'estacion:estado',
  inicializarEstacion: 'estacion:inicializar',
  verificarEstacion: 'estacion:verificar',
  generarDemo: 'estacion:demo',
  iniciarSesion: 'sesion:iniciar',
  cerrarSesion: 'sesion:cerrar',
  crearUsuario: 'usuarios:crear',
  obtenerCatalogo: 'catalogo:obtener',
  calcularTermino: 'terminos:calcular',
  remitentePorDocumento: 'remitentes:porDocumento',
  radicar: 'radicacion:radicar',
  consultar: 'radicacion:consultar',
  buscar: 'radicacion:buscar',
  anular: 'radicacion:anular',
  vistaSticker: 'sticker:vista',
  imprimirSticker: 'sticker:imprimir',
  verificarCodigo: 'sticker:verificarCodigo',
  estadoImpresion: 'impresion:estado',
  trabajoImpresion: 'impresion:trabajo',
  reintentarImpresion: 'impresion:reintentar',
  configImpresion: 'impresion:config',
  configurarImpresion: 'impresion:configurar',
  probarImpresora: 'impresion:probar',
  sugerirClasificacion: 'clasificador:sugerir',
  entrenarClasificador: 'clasificador:entrenar',
  estadoClasificador: 'clasificador:estado',
  desempenoSugerencias: 'clasificador:desempeno',
  importarEjemplos: 'clasificador:importar',
  listarAnexos: 'anexos:listar',
  anexar: 'anexos:anexar',
  contenidoAnexo: 'anexos:contenido',
  paginasAnexo: 'anexos:paginas',
  dispositivosEscaneo: 'escaneo:dispositivos',
  configEscaner: 'escaneo:config',
  configurarEscaner: 'escaneo:configurar',
  iniciarEscaneo: 'escaneo:iniciar',
  estadoEscaneo: 'escaneo:estado',
  guardarEscaneo: 'escaneo:guardar',
  descartarEscaneo: 'escaneo:descartar',
  escanear: 'escaneo:escanear',
  procesarLote: 'lote:procesar',
  listarBandeja: 'bandeja:listar',
  contenidoBandeja: 'bandeja:contenido',
  asignarBandeja: 'bandeja:asignar',
  descartarBandeja: 'bandeja:descartar',
  paginasBandeja: 'bandeja:paginas',
  colaRevision: 'revision:cola',
  marcarRevision: 'revision:marcar',
  miRetroalimentacion: 'revision:mia',
  informeSemanal: 'informe:semanal',
  archivoInforme: 'informe:archivo',
  tablero: 'tablero:obtener',
  estadoCentral: 'central:estado',
  estacionesCentrales: 'central:estaciones',
} as const satisfies Record<keyof ApiRadica, Canal>;
