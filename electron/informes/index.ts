/**
 * The weekly misclassification report as a file (DOMAIN.md, "The weekly misclassification
 * review"): PDF to print and sign, XLSX for the coordinators' spreadsheets, CSV and JSON for
 * scripts. Every format is written from the same InformeSemanal, so their figures agree.
 */
import type { FormatoInforme, InformeSemanal } from '../../shared/domain/revision';
import { informeACsv } from './csv';
import { nombreArchivo, TIPOS_MIME } from './formato';
import { informeAJson } from './json';
import { informeAPdf } from './pdf';
import { informeAXlsx } from './xlsx';

export { nombreArchivo, TIPOS_MIME } from './formato';

/** Not the IPC contract's ArchivoInforme (base64): the bytes themselves, for the service to send or save. */
export interface ArchivoGenerado {
  /** informe-revision-2026-W47.pdf */
  nombre: string;
  tipoMime: string;
  bytes: Uint8Array;
}

async function generar(informe: InformeSemanal, formato: FormatoInforme): Promise<Buffer> {
  switch (formato) {
    case 'pdf':
      return informeAPdf(informe);
    case 'xlsx':
      return informeAXlsx(informe);
    case 'csv':
      return informeACsv(informe);
    case 'json':
      return informeAJson(informe);
    default:
      throw new Error(`Formato de informe desconocido: ${String(formato)} (use pdf, xlsx, csv o json).`);
  }
}

export async function generarArchivoInforme(informe: InformeSemanal, formato: FormatoInforme): Promise<ArchivoGenerado> {
  const b = await generar(informe, formato);
  // A plain Uint8Array view (no copy): what the IPC contract and structured clone carry.
  return { nombre: nombreArchivo(informe.semana, formato), tipoMime: TIPOS_MIME[formato], bytes: new Uint8Array(b.buffer, b.byteOffset, b.byteLength) };
}
