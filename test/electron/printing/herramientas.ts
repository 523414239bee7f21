import { execFileSync } from 'node:child_process';

/**
 * The decoded symbols of an image, by zbarimg (apt zbar-tools). Without --raw each line carries its
 * symbology, "CODE-128:…" or "QR-Code:…", so a QR that happens to hold the number cannot pass for
 * the barcode.
 */
export function leerSimbolos(png: string): { codigo128: string[]; qr: string[] } {
  let salida = '';
  try {
    salida = execFileSync('zbarimg', ['--nodbus', '-q', png], { encoding: 'utf8' });
  } catch (e) {
    // Exit status 4: no symbol found. Anything else is a broken tool, not an unreadable sticker.
    if ((e as { status?: number }).status !== 4) throw e;
  }
  const lineas = salida.split('\n').filter(Boolean);
  const de = (prefijo: string) => lineas.filter((l) => l.startsWith(prefijo)).map((l) => l.slice(prefijo.length));
  return { codigo128: de('CODE-128:'), qr: de('QR-Code:') };
}

export function ejecutar(comando: string, args: string[]): string {
  return execFileSync(comando, args, { encoding: 'utf8' });
}
