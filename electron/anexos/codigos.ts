/**
 * Reading the sticker back from a scanned page: zxing-wasm (ZXing-C++ compiled to WebAssembly,
 * maintained, reads Code 128 and QR from PNG or JPEG bytes in ~100 ms at 200 dpi). Its WebAssembly
 * binary is read from the package folder: by default the library would fetch it from a CDN, and a
 * ventanilla may have no Internet.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

type Lector = typeof import('zxing-wasm/reader');

let lector: Promise<Lector> | null = null;

async function cargar(): Promise<Lector> {
  const mod = (await import('zxing-wasm/reader')) as Lector;
  const requerir = createRequire(__filename);
  const wasm = readFileSync(requerir.resolve('zxing-wasm/reader/zxing_reader.wasm'));
  mod.prepareZXingModule({
    overrides: { wasmBinary: wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) as ArrayBuffer },
    fireImmediately: true,
  });
  return mod;
}

export interface CodigoLeido {
  formato: string;
  texto: string;
}

/** Every Code 128 and QR symbol on the page (PNG or JPEG bytes). */
export async function leerCodigos(imagen: Uint8Array): Promise<CodigoLeido[]> {
  lector ??= cargar();
  const { readBarcodes } = await lector;
  const r = await readBarcodes(imagen, { formats: ['Code128', 'QRCode'], tryHarder: true, maxNumberOfSymbols: 4 });
  return r.filter((x) => x.isValid).map((x) => ({ formato: x.format, texto: x.text }));
}
