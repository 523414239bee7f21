import type { DatosSticker } from '../../../shared/sticker/types';

/**
 * A realistic radicación with everything that breaks printers: accents, ñ/Ñ, ¿?¡!, a long entity
 * name and a long asunto. Fixed, so the layouts (and the golden ESC/POS bytes) are deterministic.
 */
export const MUESTRA: DatosSticker = {
  entidad: 'Alcaldía de Santa Bárbara de Pinto',
  numero: '2026-0103-000123',
  fechaHora: '08/07/2026 09:14',
  sede: '01 Principal',
  ventanilla: '03',
  radicador: 'María José Ñáñez',
  tipo: 'Derecho de petición de interés particular',
  dependencia: 'Secretaría de Planeación y Obras Públicas',
  folios: 12,
  anexos: '1 CD, 2 planos',
  remitente: 'Iñaki Peñaloza Muñoz',
  asunto: '¿Por qué no han reparado la vía a Peñoncito? ¡Urgente! Solicito información sobre el cronograma de obras y la ejecución presupuestal del año',
  vence: '29/07/2026',
  codigoVerificacion: 'K7QF-3MZP',
  urlConsulta: 'https://radica.santabarbaradepinto-magdalena.gov.co/consulta/2026-0103-000123?c=K7QF3MZP',
  urlEncuesta: 'https://radica.santabarbaradepinto-magdalena.gov.co/encuesta/2026-0103-000123',
  copia: false,
  anulado: false,
};
