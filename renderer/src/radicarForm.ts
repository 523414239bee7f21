import type { RadicarInput } from '../../shared/ipc/contract';
import type { Catalogo, TipoDocumental, UnidadTermino } from '../../shared/domain/catalog';
import type { Canal, Remitente, TipoDocumentoIdentidad } from '../../shared/domain/radicado';

/** What the clerk types, as strings; turned into RadicarInput on submit. */
export interface RadicarForm {
  tipoDocumento: TipoDocumentoIdentidad;
  numeroDocumento: string;
  nombres: string;
  telefono: string;
  correo: string;
  direccion: string;
  autorizaDatos: boolean;
  canal: Canal;
  asunto: string;
  tipo: string | null;
  dependencia: string | null;
  terminoCantidad: string;
  terminoUnidad: UnidadTermino;
  folios: string;
  anexos: string;
}

export const FORM_VACIO: RadicarForm = {
  tipoDocumento: 'CC',
  numeroDocumento: '',
  nombres: '',
  telefono: '',
  correo: '',
  direccion: '',
  autorizaDatos: false,
  canal: 'presencial',
  asunto: '',
  tipo: null,
  dependencia: null,
  terminoCantidad: '',
  terminoUnidad: 'dias_habiles',
  folios: '1',
  anexos: '',
};

/** Field path in the router's error.campos → id of the control, in screen (and focus) order. */
export const CAMPOS: [path: string, id: string][] = [
  ['remitente.tipoDocumento', 'rad-tipo-documento'],
  ['remitente.numeroDocumento', 'rad-numero-documento'],
  ['remitente.nombres', 'rad-nombres'],
  ['remitente.telefono', 'rad-telefono'],
  ['remitente.correo', 'rad-correo'],
  ['remitente.direccion', 'rad-direccion'],
  ['remitente.autorizaDatos', 'rad-autoriza'],
  ['canal', 'rad-canal'],
  ['asunto', 'rad-asunto'],
  ['tipo', 'rad-tipo'],
  ['termino.cantidad', 'rad-termino-cantidad'],
  ['termino.unidad', 'rad-termino-unidad'],
  ['termino', 'rad-termino-cantidad'],
  ['dependencia', 'rad-dependencia'],
  ['folios', 'rad-folios'],
  ['anexos', 'rad-anexos'],
];

/** The tipo's term is entered at radicación (tutela) or may be changed (ente de control, judicial). */
export function pideTermino(t: TipoDocumental | undefined): boolean {
  return !!t && (t.requiereTermino || t.editable);
}

export function toRadicarInput(f: RadicarForm, catalogo: Catalogo | null): RadicarInput {
  const tipo = catalogo?.tipos.find((t) => t.codigo === f.tipo);
  const cantidad = f.terminoCantidad.trim();
  return {
    remitente: {
      tipoDocumento: f.tipoDocumento,
      numeroDocumento: f.numeroDocumento,
      nombres: f.nombres,
      telefono: f.telefono || null,
      correo: f.correo || null,
      direccion: f.direccion || null,
      autorizaDatos: f.autorizaDatos,
    },
    canal: f.canal,
    asunto: f.asunto,
    tipo: f.tipo ?? '',
    dependencia: f.dependencia ?? '',
    // An empty or non-numeric box goes as NaN so the router answers with its Spanish message.
    folios: f.folios.trim() === '' ? Number.NaN : Number(f.folios),
    anexos: f.anexos || null,
    termino: pideTermino(tipo) && cantidad !== '' ? { cantidad: Number(cantidad), unidad: f.terminoUnidad } : null,
  };
}

/** A returning citizen's stored data, over the form. */
export function withRemitente(f: RadicarForm, r: Remitente): RadicarForm {
  return {
    ...f,
    tipoDocumento: r.tipoDocumento,
    numeroDocumento: r.numeroDocumento,
    nombres: r.nombres,
    telefono: r.telefono ?? '',
    correo: r.correo ?? '',
    direccion: r.direccion ?? '',
    autorizaDatos: r.autorizaDatos,
  };
}

/** Term boxes when the tipo changes: the tipo's default when editable, empty when the document sets it. */
export function withTipo(f: RadicarForm, t: TipoDocumental | undefined): RadicarForm {
  if (!t) return { ...f, tipo: null, terminoCantidad: '', terminoUnidad: 'dias_habiles' };
  const unidad = t.unidad === 'sin_termino' ? 'dias_habiles' : t.unidad;
  return {
    ...f,
    tipo: t.codigo,
    terminoCantidad: t.editable && t.termino !== null ? String(t.termino) : '',
    terminoUnidad: unidad,
  };
}
