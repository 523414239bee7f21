import JsBarcode from 'jsbarcode';
import QRCode from 'qrcode';

/** Code 128 bar pattern ('1' bar, '0' space) from JsBarcode's encoder, without canvas or DOM. */
export function barrasCodigo128(datos: string): string {
  const holder: { encodings?: { data: string }[] } = {};
  JsBarcode(holder, datos, { format: 'CODE128' });
  if (!holder.encodings) throw new Error('No se pudo codificar el código de barras.');
  return holder.encodings.map((e) => e.data).join('');
}

/** QR module matrix (error correction M), row-major, 1 dark. */
export function modulosQr(datos: string): { tamano: number; modulos: number[] } {
  const qr = QRCode.create(datos, { errorCorrectionLevel: 'M' });
  return { tamano: qr.modules.size, modulos: Array.from(qr.modules.data, (v) => (v ? 1 : 0)) };
}
