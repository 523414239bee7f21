import type { UnidadTermino } from './catalog';

export const TIPOS_DOCUMENTO_IDENTIDAD = {
  CC: 'Cédula de ciudadanía',
  CE: 'Cédula de extranjería',
  TI: 'Tarjeta de identidad',
  PA: 'Pasaporte',
  PPT: 'Permiso por protección temporal',
  NIT: 'NIT (persona jurídica o entidad)',
  AN: 'Anónimo',
} as const;
export type TipoDocumentoIdentidad = keyof typeof TIPOS_DOCUMENTO_IDENTIDAD;

export const CANALES = {
  presencial: 'Presencial (ventanilla)',
  correo_postal: 'Correo postal',
  correo_electronico: 'Correo electrónico',
  web: 'Web',
  verbal: 'Verbal',
} as const;
export type Canal = keyof typeof CANALES;

export const ROLES = ['radicador', 'coordinador', 'administrador'] as const;
export type Rol = (typeof ROLES)[number];

export type EstadoRadicado = 'ACTIVO' | 'ANULADO';

export interface Remitente {
  tipoDocumento: TipoDocumentoIdentidad;
  numeroDocumento: string;
  nombres: string;
  telefono: string | null;
  correo: string | null;
  direccion: string | null;
  autorizaDatos: boolean;
}

export interface Radicado {
  numero: string;
  serie: string;
  consecutivo: number;
  /** Instant of receipt, epoch ms. */
  fechaHora: number;
  sede: string;
  ventanilla: string;
  radicador: string;
  radicadorNombre: string;
  canal: Canal;
  asunto: string;
  tipo: string;
  tipoNombre: string;
  dependencia: string;
  dependenciaNombre: string;
  folios: number;
  anexos: string | null;
  termino: number | null;
  unidadTermino: UnidadTermino;
  venceEl: string | null;
  venceEn: number | null;
  catalogoVersion: number;
  estado: EstadoRadicado;
  anulacion: { justificacion: string; aprobadoPor: string; anuladoPor: string; anuladoPorNombre: string; anuladoEn: number } | null;
  demo: boolean;
  remitente: Remitente;
  /** Short HMAC code printed on the sticker; proves the sticker was issued by the entity. */
  codigoVerificacion: string;
}

export interface EntradaAuditoria {
  id: number;
  en: number;
  actor: string;
  /** The user's name when the actor is a user of this station. */
  actorNombre: string;
  accion: string;
  numero: string | null;
  detalle: Record<string, unknown> | null;
}

export interface RadicadoDetalle extends Radicado {
  auditoria: EntradaAuditoria[];
}

export interface RadicadoResumen {
  numero: string;
  fechaHora: number;
  tipo: string;
  tipoNombre: string;
  dependencia: string;
  dependenciaNombre: string;
  asunto: string;
  remitenteNombre: string;
  remitenteDocumento: string;
  venceEl: string | null;
  estado: EstadoRadicado;
  /** When the match is in an attachment's text (OCR), the words around it. */
  fragmento?: string;
}

export interface Usuario {
  usuario: string;
  nombre: string;
  rol: Rol;
}

export interface ConfiguracionEstacion {
  entidad: string;
  nit: string | null;
  sede: string;
  sedeNombre: string;
  ventanilla: string;
  formatoNumero: string;
  /** A station created with demo users and data for trying Radica out. */
  demo: boolean;
}

export interface VerificacionSerie {
  serie: string;
  desde: number;
  hasta: number;
  total: number;
  anulados: number;
}

export interface Verificacion {
  ok: boolean;
  series: VerificacionSerie[];
  auditoria: { entradas: number; valida: boolean };
  /** Sealed files: how many the rows point to, and those missing or no longer matching their SHA-256. */
  anexos: { archivos: number; faltantes: number; alterados: number };
  integridad: string;
  problemas: string[];
}
