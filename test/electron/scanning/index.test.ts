import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { crearEscaner, eleccionPorDefecto, escanerFalso, escanerPorDefecto, FalloEscaner, type PaginaEscaneada } from '../../../electron/scanning';
import { RUTAS_NAPS2 } from '../../../electron/scanning/naps2';

const JPEG = Buffer.from('ffd8ffe000104a46494600010100000100010000ffd9', 'hex');
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
const carpeta = () => {
  const d = mkdtempSync(path.join(os.tmpdir(), 'radica-falso-'));
  dirs.push(d);
  return d;
};

describe('escáner por defecto', () => {
  it('Linux → SANE; Windows → NAPS2 si está instalado, si no WIA', () => {
    expect(eleccionPorDefecto('linux').tipo).toBe('sane');
    expect(eleccionPorDefecto('win32', () => false)).toEqual({ tipo: 'wia', opciones: {} });
    expect(eleccionPorDefecto('win32', (r) => r === RUTAS_NAPS2[1])).toEqual({ tipo: 'naps2', opciones: { comando: 'C:\\Program Files (x86)\\NAPS2\\NAPS2.Console.exe' } });
    for (const t of ['sane', 'wia', 'naps2'] as const) expect(typeof crearEscaner(t).escanear).toBe('function');
    expect(typeof escanerPorDefecto('linux').listar).toBe('function');
  });
});

describe('escanerFalso', () => {
  it('escribe las imágenes dadas en la carpeta y las informa en orden; el vidrio da una', async () => {
    const c = carpeta();
    const vistas: PaginaEscaneada[] = [];
    const e = escanerFalso([JPEG, PNG, JPEG]);
    expect((await e.listar())[0]!.id).toBe('falso:0');
    const p = await e.escanear({ dispositivo: 'falso:0', fuente: 'adf', resolucion: 300, modo: 'gris', carpeta: c }, (x) => vistas.push(x));
    expect(p.map((x) => [path.basename(x.ruta), x.formato])).toEqual([
      ['pagina-0001.jpg', 'jpeg'],
      ['pagina-0002.png', 'png'],
      ['pagina-0003.jpg', 'jpeg'],
    ]);
    expect(vistas).toEqual(p);
    expect(readFileSync(p[1]!.ruta).equals(PNG)).toBe(true);
    const c2 = carpeta();
    expect(await e.escanear({ dispositivo: 'falso:0', fuente: 'plano', resolucion: 300, modo: 'gris', carpeta: c2 })).toHaveLength(1);
  });

  it('generador, límite de páginas y fallo a mitad de lote', async () => {
    const c = carpeta();
    function* infinito() {
      for (;;) yield JPEG;
    }
    expect(await escanerFalso(infinito).escanear({ dispositivo: 'falso:0', fuente: 'adf', paginas: 4, resolucion: 300, modo: 'gris', carpeta: c })).toHaveLength(4);
    const atasco = new FalloEscaner('Papel atascado.', 'atasco');
    const vistas: PaginaEscaneada[] = [];
    const c2 = carpeta();
    await expect(
      escanerFalso([JPEG, JPEG, JPEG], { fallo: { fallo: atasco, trasPaginas: 2 } }).escanear(
        { dispositivo: 'falso:0', fuente: 'adf', resolucion: 300, modo: 'gris', carpeta: c2 },
        (x) => vistas.push(x),
      ),
    ).rejects.toBe(atasco);
    expect(vistas).toHaveLength(2);
    await expect(escanerFalso([], {}).escanear({ dispositivo: 'falso:0', fuente: 'adf', resolucion: 300, modo: 'gris', carpeta: carpeta() })).rejects.toMatchObject({ causa: 'sin_papel' });
    await expect(escanerFalso([JPEG], { fallo: new FalloEscaner('x', 'ocupado') }).escanear({ dispositivo: 'falso:0', fuente: 'adf', resolucion: 300, modo: 'gris', carpeta: carpeta() })).rejects.toMatchObject({ causa: 'ocupado' });
    await expect(escanerFalso([JPEG]).escanear({ dispositivo: 'otro', fuente: 'adf', resolucion: 300, modo: 'gris', carpeta: carpeta() })).rejects.toMatchObject({ causa: 'sin_dispositivo' });
  });

  it('cancelación', async () => {
    const c = carpeta();
    const ac = new AbortController();
    const p = escanerFalso([JPEG, JPEG, JPEG], { pausaMs: 50 }).escanear({ dispositivo: 'falso:0', fuente: 'adf', resolucion: 300, modo: 'gris', carpeta: c, senal: ac.signal }, () => ac.abort());
    await expect(p).rejects.toMatchObject({ causa: 'cancelado' });
    expect(readdirSync(c)).toEqual(['pagina-0001.jpg']);
  });
});
