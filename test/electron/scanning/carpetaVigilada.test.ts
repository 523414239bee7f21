import { afterEach, describe, expect, it } from 'vitest';
import { appendFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { nombreIgnorado, vigilarCarpeta, type CarpetaVigilada } from '../../../electron/scanning/carpetaVigilada';

const esperar = (ms: number) => new Promise((r) => setTimeout(r, ms));
async function hasta(condicion: () => boolean, limiteMs = 8000): Promise<void> {
  const fin = Date.now() + limiteMs;
  while (!condicion()) {
    if (Date.now() > fin) throw new Error('tiempo agotado esperando la condición');
    await esperar(25);
  }
}

let dir: string;
let vigilancia: CarpetaVigilada | null = null;
afterEach(async () => {
  await vigilancia?.detener();
  vigilancia = null;
  rmSync(dir, { recursive: true, force: true });
});
const nueva = () => (dir = mkdtempSync(path.join(os.tmpdir(), 'radica-carpeta-')));

describe('carpeta vigilada', () => {
  it('un archivo escrito por partes durante ~3 s se entrega una vez, después del último trozo, completo', async () => {
    const carpeta = nueva();
    const entregas: { ruta: string; contenido: string; en: number }[] = [];
    vigilancia = vigilarCarpeta({
      carpeta,
      estabilidadMs: 700,
      sondeoMs: 100,
      alArchivo: async (ruta) => void entregas.push({ ruta, contenido: readFileSync(ruta, 'utf8'), en: Date.now() }),
    });
    const ruta = path.join(carpeta, 'SCAN_0001.pdf');
    let ultimo = 0;
    for (let i = 0; i < 6; i++) {
      appendFileSync(ruta, `trozo ${i}\n`);
      ultimo = Date.now();
      await esperar(500);
    }
    await hasta(() => entregas.length > 0);
    await esperar(600);
    expect(entregas).toHaveLength(1);
    expect(entregas[0]!.ruta).toBe(ruta);
    expect(entregas[0]!.contenido).toBe([0, 1, 2, 3, 4, 5].map((i) => `trozo ${i}\n`).join(''));
    expect(entregas[0]!.en - ultimo).toBeGreaterThanOrEqual(700);
  });

  it('varios archivos (algunos ya estaban al empezar) llegan uno a uno, en orden, aunque el proceso sea lento', async () => {
    const carpeta = nueva();
    const t = Date.now() / 1000;
    // Older mtime first, whatever the order they were written in.
    for (const [n, edad] of [['b-segundo.jpg', 90], ['a-primero.pdf', 100]] as const) {
      writeFileSync(path.join(carpeta, n), n);
      utimesSync(path.join(carpeta, n), t - edad, t - edad);
    }
    const entregas: string[] = [];
    let simultaneas = 0;
    let maximo = 0;
    vigilancia = vigilarCarpeta({
      carpeta,
      estabilidadMs: 300,
      sondeoMs: 50,
      alArchivo: async (ruta) => {
        maximo = Math.max(maximo, ++simultaneas);
        await esperar(300);
        entregas.push(path.basename(ruta));
        simultaneas--;
      },
    });
    await esperar(100);
    writeFileSync(path.join(carpeta, 'c-tercero.TIF'), 'c');
    await hasta(() => entregas.length === 3);
    await esperar(400);
    expect(entregas).toEqual(['a-primero.pdf', 'b-segundo.jpg', 'c-tercero.TIF']);
    expect(maximo).toBe(1);
  });

  it('si el proceso falla no se reintenta hasta que el archivo cambie', async () => {
    const carpeta = nueva();
    const intentos: string[] = [];
    const errores: unknown[] = [];
    vigilancia = vigilarCarpeta({
      carpeta,
      estabilidadMs: 200,
      sondeoMs: 50,
      alArchivo: async (ruta) => {
        intentos.push(readFileSync(ruta, 'utf8'));
        throw new Error('PDF dañado');
      },
      alError: (e) => errores.push(e),
    });
    const ruta = path.join(carpeta, 'dañado.pdf');
    writeFileSync(ruta, 'v1');
    await hasta(() => intentos.length === 1);
    await esperar(800);
    expect(intentos).toEqual(['v1']);
    expect(errores).toHaveLength(1);
    writeFileSync(ruta, 'version 2');
    await hasta(() => intentos.length === 2);
    expect(intentos).toEqual(['v1', 'version 2']);
  });

  it('ignora temporales, vacíos, otras extensiones y subcarpetas (procesados/, rechazados/)', async () => {
    const carpeta = nueva();
    for (const sub of ['procesados', 'rechazados']) {
      mkdirSync(path.join(carpeta, sub));
      writeFileSync(path.join(carpeta, sub, 'viejo.pdf'), 'x');
    }
    for (const n of ['~$temp.pdf', 'escaneo.pdf.tmp', 'escaneo.pdf.part', 'descarga.crdownload', '.oculto.pdf', 'notas.txt', 'vacio.pdf', 'Thumbs.db']) {
      writeFileSync(path.join(carpeta, n), n === 'vacio.pdf' ? '' : 'x');
    }
    writeFileSync(path.join(carpeta, 'bueno.pdf'), 'x');
    const entregas: string[] = [];
    vigilancia = vigilarCarpeta({ carpeta, estabilidadMs: 150, sondeoMs: 50, alArchivo: async (r) => void entregas.push(path.relative(carpeta, r)) });
    await hasta(() => entregas.length >= 1);
    await esperar(500);
    expect(entregas).toEqual(['bueno.pdf']);
    expect(['~$a.docx', 'x.part', '.DS_Store', 'x.TMP'].every(nombreIgnorado)).toBe(true);
    expect(nombreIgnorado('SCAN_2026.pdf')).toBe(false);
  });

  it('un archivo que se movió a procesados/ y vuelve con el mismo nombre es nuevo', async () => {
    const carpeta = nueva();
    const entregas: string[] = [];
    vigilancia = vigilarCarpeta({
      carpeta,
      estabilidadMs: 150,
      sondeoMs: 50,
      alArchivo: async (r) => {
        entregas.push(path.basename(r));
        mkdirSync(path.join(carpeta, 'procesados'), { recursive: true });
        const { renameSync } = await import('node:fs');
        renameSync(r, path.join(carpeta, 'procesados', `${entregas.length}-${path.basename(r)}`));
      },
    });
    writeFileSync(path.join(carpeta, 'scan.pdf'), 'uno');
    await hasta(() => entregas.length === 1);
    await esperar(200);
    writeFileSync(path.join(carpeta, 'scan.pdf'), 'uno');
    await hasta(() => entregas.length === 2);
  });

  it('detener() deja de vigilar y espera al proceso en curso', async () => {
    const carpeta = nueva();
    let terminado = false;
    const entregas: string[] = [];
    let empezo!: () => void;
    const empezado = new Promise<void>((r) => (empezo = r));
    const v = vigilarCarpeta({
      carpeta,
      estabilidadMs: 100,
      sondeoMs: 50,
      alArchivo: async (r) => {
        entregas.push(path.basename(r));
        empezo();
        await esperar(500);
        terminado = true;
      },
    });
    writeFileSync(path.join(carpeta, 'uno.pdf'), 'x');
    await empezado;
    await v.detener();
    expect(terminado).toBe(true);
    writeFileSync(path.join(carpeta, 'dos.pdf'), 'x');
    await esperar(400);
    expect(entregas).toEqual(['uno.pdf']);
  });

  it('una carpeta que no existe (recurso de red caído) se informa una vez y se sigue intentando', async () => {
    nueva();
    const carpeta = path.join(dir, 'red');
    const errores: unknown[] = [];
    const entregas: string[] = [];
    vigilancia = vigilarCarpeta({ carpeta, estabilidadMs: 100, sondeoMs: 50, alArchivo: async (r) => void entregas.push(path.basename(r)), alError: (e) => errores.push(e) });
    await esperar(300);
    expect(errores).toHaveLength(1);
    mkdirSync(carpeta);
    writeFileSync(path.join(carpeta, 'llego.png'), 'x');
    await hasta(() => entregas.length === 1);
  });
});
