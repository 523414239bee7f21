import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { radicacion, tempStation } from '../helpers';
import { iniciarCups, type CupsPrivado } from './cupsPrivado';

/**
 * A label through a real CUPS queue: a private cupsd with the cups-pdf backend (see cupsPrivado.ts).
 * Not skipped when CUPS is missing: it fails and says what to install.
 */
let cups: CupsPrivado;
let antes: string | undefined;
let s: ReturnType<typeof tempStation>;
const producidos: string[] = [];

beforeAll(async () => {
  cups = await iniciarCups();
  antes = process.env.CUPS_SERVER;
  // lp and lpstat, spawned by the transport, talk to the private scheduler.
  process.env.CUPS_SERVER = cups.servidor;
  mkdirSync(cups.salida, { recursive: true });
});

afterAll(async () => {
  s?.close();
  if (antes === undefined) delete process.env.CUPS_SERVER;
  else process.env.CUPS_SERVER = antes;
  for (const f of producidos) rmSync(f, { force: true });
  await cups?.detener();
});

async function esperarPdf(numero: string, existentes: Set<string>): Promise<string> {
  const hasta = Date.now() + 30_000;
  let tamano = -1;
  for (;;) {
    const nuevo = readdirSync(cups.salida).find((f) => !existentes.has(f) && f.endsWith('.pdf') && f.includes(numero));
    if (nuevo) {
      const ruta = path.join(cups.salida, nuevo);
      if (!producidos.includes(ruta)) producidos.push(ruta);
      // cups-pdf writes in place: the file is done when its size holds still and pdfinfo reads it.
      const ahora = statSync(ruta).size;
      if (ahora > 0 && ahora === tamano) {
        try {
          return ruta + '\n' + execFileSync('pdfinfo', [ruta], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
        } catch {
          /* still being written */
        }
      }
      tamano = ahora;
    }
    if (Date.now() > hasta) throw new Error(`cups-pdf no produjo el PDF de ${numero} en ${cups.salida}: ${readdirSync(cups.salida).join(', ')}`);
    await new Promise((r) => setTimeout(r, 150));
  }
}

describe('CUPS (cola cups-pdf privada)', () => {
  it('la etiqueta sale por cups://COLA al tamaño de la etiqueta (100×50 mm ≈ 283×142 pt) y se lee el código de barras', async () => {
    s = tempStation();
    await s.setup();
    const config = await s.ok('impresion:config', {});
    await s.ok('impresion:configurar', {
      ...config,
      impresoras: [{ id: 'etiquetas', nombre: 'Etiquetas CUPS', uri: `cups://${cups.cola}`, formato: 'pdf', plantilla: 'etiqueta-100x50', predeterminada: true }],
    });
    const estado = await s.ok('impresion:estado', {});
    expect(estado.impresoras[0]).toMatchObject({ id: 'etiquetas', estado: 'lista' });

    const r = await s.ok('radicacion:radicar', radicacion({ asunto: 'Petición de información — señora Núñez' }));
    const existentes = new Set(readdirSync(cups.salida));
    const t = await s.ok('sticker:imprimir', { numero: r.numero });
    expect(t).toMatchObject({ estado: 'impreso', ultimoError: null });

    const [ruta, info] = (await esperarPdf(r.numero, existentes)).split(/\n(.*)/s) as [string, string];
    const [, w, h] = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info)!;
    expect(Math.abs(Number(w) - 283.46)).toBeLessThan(2);
    expect(Math.abs(Number(h) - 141.73)).toBeLessThan(2);
    expect(info).toMatch(/Pages:\s+1\b/);

    // What came out of CUPS still scans: the Code 128 is the number.
    const png = path.join(s.dir, 'cups');
    execFileSync('pdftoppm', ['-r', '300', '-png', '-singlefile', ruta, png]);
    const leidos = execFileSync('zbarimg', ['--nodbus', '-q', '--raw', `${png}.png`], { encoding: 'utf8' }).trim().split('\n');
    expect(leidos).toContain(r.numero);
    expect(existsSync(ruta)).toBe(true);
  });

  it('una cola que no existe: error en español que no se reintenta solo', async () => {
    s?.close();
    s = tempStation();
    await s.setup();
    const config = await s.ok('impresion:config', {});
    await s.ok('impresion:configurar', {
      ...config,
      impresoras: [{ id: 'fantasma', nombre: 'Zebra piso 2', uri: 'cups://NO_EXISTE', formato: 'pdf', plantilla: 'etiqueta-100x50', predeterminada: true }],
    });
    const r = await s.ok('radicacion:radicar', radicacion());
    const t = await s.ok('sticker:imprimir', { numero: r.numero });
    expect(t).toMatchObject({ estado: 'error', proximoIntento: null });
    expect(t.ultimoError).toMatch(/^La cola de impresión «Zebra piso 2» \(cups:\/\/NO_EXISTE\) no existe en CUPS/);
    expect((await s.ok('impresion:estado', {})).impresoras[0]).toMatchObject({ estado: 'sin_conexion' });
    expect((await s.ok('estacion:verificar', {})).ok).toBe(true);
  });
});
