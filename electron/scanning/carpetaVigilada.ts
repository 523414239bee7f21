/**
 * The hot folder: network multifunction printers ("scan to folder") drop their PDFs and images in
 * a shared folder, often over SMB, and nobody at the station starts those scans. We hand each new
 * file to the caller once it is completely written.
 *
 * Polling (readdir + stat every `sondeoMs`), not fs.watch: fs.watch misses or duplicates events on
 * network shares (SMB/CIFS mounts on Linux report nothing at all, Windows shares drop events under
 * load) and says nothing about when a writer has finished. A file counts as finished when its size
 * and modification time stayed the same for `estabilidadMs`, it is not empty, and it can be opened
 * for reading (a Windows SMB writer keeps it locked while writing: EBUSY/EPERM means "later").
 */
import { open, readdir, stat } from 'node:fs/promises';
import path from 'node:path';

export interface OpcionesCarpetaVigilada {
  carpeta: string;
  /** Called once per file, one at a time. The caller moves handled files to procesados/ or rechazados/ (subfolders are ignored). */
  alArchivo: (ruta: string) => Promise<void>;
  estabilidadMs?: number;
  sondeoMs?: number;
  extensiones?: string[];
  /** A failed callback or an unreachable folder (for the log; never with file contents). */
  alError?: (err: unknown, ruta: string | null) => void;
}

export interface CarpetaVigilada {
  /** Stops polling and waits for the callback in progress, if any. */
  detener(): Promise<void>;
}

export const EXTENSIONES_VIGILADAS = ['pdf', 'jpg', 'jpeg', 'png', 'tif', 'tiff'];

/** Names a writer uses while the file is not finished, and the OS's own clutter. */
export function nombreIgnorado(nombre: string): boolean {
  return nombre.startsWith('.') || nombre.startsWith('~$') || /\.(tmp|part|crdownload|partial|download)$/i.test(nombre);
}

interface Observacion {
  firma: string;
  desde: number;
  mtimeMs: number;
}

export function vigilarCarpeta(o: OpcionesCarpetaVigilada): CarpetaVigilada {
  const estabilidadMs = o.estabilidadMs ?? 2000;
  const sondeoMs = o.sondeoMs ?? 1000;
  const extensiones = new Set((o.extensiones ?? EXTENSIONES_VIGILADAS).map((e) => e.toLowerCase().replace(/^\./, '')));
  const observados = new Map<string, Observacion>();
  // Handed over (successfully or not) with this size/mtime: not again until the file changes.
  const entregados = new Map<string, string>();
  let detenido = false;
  let reloj: NodeJS.Timeout | null = null;
  let enCurso: Promise<void> = Promise.resolve();
  let carpetaFallaba = false;

  const legible = async (ruta: string): Promise<'si' | 'bloqueado' | 'no'> => {
    try {
      const fh = await open(ruta, 'r');
      await fh.close();
      return 'si';
    } catch (err) {
      const codigo = (err as { code?: string }).code;
      return codigo === 'EBUSY' || codigo === 'EPERM' || codigo === 'EACCES' ? 'bloqueado' : 'no';
    }
  };

  /** One pass; true if a file was handed over (then the next pass comes at once: the others' stats are stale). */
  async function pasada(): Promise<boolean> {
    let entradas;
    try {
      entradas = await readdir(o.carpeta, { withFileTypes: true });
      carpetaFallaba = false;
    } catch (err) {
      // A share that is momentarily gone comes back: keep polling, report once.
      if (!carpetaFallaba) o.alError?.(err, null);
      carpetaFallaba = true;
      return false;
    }
    const ahora = Date.now();
    const presentes = new Set<string>();
    const listos: { nombre: string; mtimeMs: number; firma: string }[] = [];
    for (const e of entradas) {
      if (!e.isFile() || nombreIgnorado(e.name)) continue;
      if (!extensiones.has(path.extname(e.name).slice(1).toLowerCase())) continue;
      presentes.add(e.name);
      let s;
      try {
        s = await stat(path.join(o.carpeta, e.name));
      } catch {
        continue; // moved or deleted between readdir and stat
      }
      const firma = `${s.size}:${s.mtimeMs}`;
      if (entregados.get(e.name) === firma) continue;
      const previa = observados.get(e.name);
      if (!previa || previa.firma !== firma) {
        observados.set(e.name, { firma, desde: ahora, mtimeMs: s.mtimeMs });
        continue;
      }
      if (s.size > 0 && ahora - previa.desde >= estabilidadMs) listos.push({ nombre: e.name, mtimeMs: s.mtimeMs, firma });
    }
    for (const n of [...observados.keys()]) if (!presentes.has(n)) observados.delete(n);
    // A file that left (moved to procesados/) and comes back with the same name is a new file.
    for (const n of [...entregados.keys()]) if (!presentes.has(n)) entregados.delete(n);

    // Arrival order; the name breaks ties (printers name scans by date and time).
    listos.sort((a, b) => a.mtimeMs - b.mtimeMs || a.nombre.localeCompare(b.nombre));
    for (const l of listos) {
      if (detenido) return false;
      const ruta = path.join(o.carpeta, l.nombre);
      const estado = await legible(ruta);
      if (estado === 'bloqueado') continue; // still being written over SMB: next pass
      if (estado === 'no') continue;
      entregados.set(l.nombre, l.firma);
      observados.delete(l.nombre);
      try {
        await o.alArchivo(ruta);
      } catch (err) {
        // Remembered with its size/mtime: not retried in a loop, only once the file changes.
        o.alError?.(err, ruta);
      }
      return true;
    }
    return false;
  }

  const ciclo = async () => {
    reloj = null;
    if (detenido) return;
    let otra = false;
    enCurso = pasada().then(
      (entrego) => void (otra = entrego),
      (err) => o.alError?.(err, null),
    );
    await enCurso;
    if (!detenido) reloj = setTimeout(() => void ciclo(), otra ? 0 : sondeoMs);
  };
  reloj = setTimeout(() => void ciclo(), 0);

  return {
    async detener() {
      detenido = true;
      if (reloj) clearTimeout(reloj);
      reloj = null;
      await enCurso;
    },
  };
}
