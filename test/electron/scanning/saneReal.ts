/**
 * SANE's own test backend ("test" device of sane-utils) with a private configuration, as
 * ENVIRONMENT.md says: only the test backend is loaded, so real scanners on the machine and slow
 * network discovery stay out of the tests.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface SaneDePrueba {
  entorno: NodeJS.ProcessEnv;
  /** A fresh empty folder per test. */
  carpeta(): string;
  cerrar(): void;
}

/** Fails (never skips) when scanimage is missing: CI installs sane-utils. */
export function exigirScanimage(): void {
  try {
    execFileSync('scanimage', ['--version'], { stdio: 'pipe' });
  } catch {
    throw new Error('scanimage no está instalado: instale sane-utils (apt-get install -y --no-install-recommends sane-utils) para correr estas pruebas.');
  }
  if (!existsSync('/etc/sane.d/test.conf')) throw new Error('Falta /etc/sane.d/test.conf: reinstale sane-utils / libsane1 (trae el backend test).');
}

export function saneDePrueba(): SaneDePrueba {
  exigirScanimage();
  const raiz = mkdtempSync(path.join(os.tmpdir(), 'radica-sane-'));
  const conf = path.join(raiz, 'sane.d');
  mkdirSync(conf);
  writeFileSync(path.join(conf, 'dll.conf'), 'test\n');
  copyFileSync('/etc/sane.d/test.conf', path.join(conf, 'test.conf'));
  let n = 0;
  return {
    entorno: { SANE_CONFIG_DIR: conf },
    carpeta() {
      const c = path.join(raiz, `escaneo ñandú ${++n}`); // spaces and accents on purpose
      mkdirSync(c);
      return c;
    },
    cerrar: () => rmSync(raiz, { recursive: true, force: true }),
  };
}

/** Width and height from a JPEG's SOF marker. */
export function dimensionesJpeg(b: Buffer): { ancho: number; alto: number; componentes: number } {
  if (b[0] !== 0xff || b[1] !== 0xd8) throw new Error('no es JPEG');
  let i = 2;
  while (i < b.length) {
    if (b[i] !== 0xff) throw new Error(`marcador JPEG inválido en ${i}`);
    const marcador = b[i + 1]!;
    const largo = b.readUInt16BE(i + 2);
    if (marcador >= 0xc0 && marcador <= 0xcf && marcador !== 0xc4 && marcador !== 0xc8 && marcador !== 0xcc) {
      return { alto: b.readUInt16BE(i + 5), ancho: b.readUInt16BE(i + 7), componentes: b[i + 9]! };
    }
    i += 2 + largo;
  }
  throw new Error('JPEG sin SOF');
}

/** Width, height and bit depth from a PNG's IHDR. */
export function cabeceraPng(b: Buffer): { ancho: number; alto: number; bits: number } {
  if (b.subarray(0, 8).toString('hex') !== '89504e470d0a1a0a') throw new Error('no es PNG');
  return { ancho: b.readUInt32BE(16), alto: b.readUInt32BE(20), bits: b[24]! };
}
