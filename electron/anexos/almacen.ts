/**
 * Sealed files, content-addressed: `<datos>/anexos/ab/abcdef….pdf`, named by their SHA-256. The
 * same scan attached twice is one file; a file that no longer matches its name has been tampered
 * with, and `verificar` says so.
 *
 * A file is written to a temporary name in the same folder, flushed to disk, then renamed: a power
 * cut leaves either nothing or the whole file, never half of one under its final name. The row
 * that points to it is committed after the rename (anexosService), so a row never points to a file
 * that is not there; a crash between the two leaves an unreferenced file that `huerfanos` lists.
 */
import { createHash, randomBytes } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import path from 'node:path';

export const CARPETA_ANEXOS = 'anexos';

export function sha256(b: Uint8Array): string {
  return createHash('sha256').update(b).digest('hex');
}

export class AlmacenAnexos {
  readonly raiz: string;

  constructor(dataDir: string) {
    this.raiz = path.join(dataDir, CARPETA_ANEXOS);
  }

  ruta(hash: string): string {
    if (!/^[0-9a-f]{64}$/.test(hash)) throw new Error(`hash inválido: ${hash}`);
    return path.join(this.raiz, hash.slice(0, 2), `${hash}.pdf`);
  }

  existe(hash: string): boolean {
    return existsSync(this.ruta(hash));
  }

  /** Writes the bytes under their hash (nothing to do if already there); returns the hash and whether it wrote. */
  guardar(bytes: Uint8Array): { sha256: string; nuevo: boolean } {
    const hash = sha256(bytes);
    const destino = this.ruta(hash);
    if (existsSync(destino) && statSync(destino).size === bytes.length) return { sha256: hash, nuevo: false };
    const carpeta = path.dirname(destino);
    mkdirSync(carpeta, { recursive: true });
    const temporal = path.join(carpeta, `.${hash.slice(0, 8)}-${randomBytes(6).toString('hex')}.tmp`);
    const fd = openSync(temporal, 'wx');
    try {
      let escrito = 0;
      while (escrito < bytes.length) escrito += writeSync(fd, bytes, escrito, bytes.length - escrito);
      fsyncSync(fd);
    } catch (err) {
      closeSync(fd);
      rmSync(temporal, { force: true });
      throw err;
    }
    closeSync(fd);
    renameSync(temporal, destino);
    // The rename itself must reach the disk before the row that points to it is committed.
    try {
      const dir = openSync(carpeta, 'r');
      try {
        fsyncSync(dir);
      } finally {
        closeSync(dir);
      }
    } catch {
      // Windows cannot open a folder for fsync; NTFS journals the rename.
    }
    return { sha256: hash, nuevo: true };
  }

  /** The file's bytes, checked against its name. */
  leer(hash: string): Buffer {
    const b = readFileSync(this.ruta(hash));
    if (sha256(b) !== hash) throw new Error(`El archivo ${hash.slice(0, 12)}… no coincide con su huella SHA-256: fue modificado fuera de Radica.`);
    return b;
  }

  /** Streams the file through SHA-256 without holding it whole in memory. */
  intacto(hash: string): boolean {
    const h = createHash('sha256');
    const fd = openSync(this.ruta(hash), 'r');
    try {
      const buf = Buffer.alloc(1 << 20);
      for (let n; (n = readSync(fd, buf, 0, buf.length, null)) > 0; ) h.update(buf.subarray(0, n));
    } finally {
      closeSync(fd);
    }
    return h.digest('hex') === hash;
  }

  /** Removes a file this call wrote when its row could not be committed. */
  eliminar(hash: string): void {
    rmSync(this.ruta(hash), { force: true });
  }

  /** Every stored hash (for verification and orphan listing). */
  *hashes(): Generator<string> {
    if (!existsSync(this.raiz)) return;
    for (const sub of readdirSync(this.raiz)) {
      if (!/^[0-9a-f]{2}$/.test(sub)) continue;
      for (const f of readdirSync(path.join(this.raiz, sub))) {
        const m = /^([0-9a-f]{64})\.pdf$/.exec(f);
        if (m) yield m[1]!;
      }
    }
  }
}
