/**
 * The attachment commands end to end through the built CLI: the real SANE test device, real OCR
 * (tesseract.js, Spanish) and a search that finds the scanned words.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { tempDir } from '../helpers';
import { cartaPdf, infoPdf, rasterizar } from '../anexos/muestras';
import { saneDePrueba } from '../scanning/saneReal';

const root = path.resolve(__dirname, '../../..');
const bin = path.join(root, 'bin/radica.cjs');

beforeAll(() => {
  if (!existsSync(path.join(root, 'dist/cli.cjs'))) execFileSync(process.execPath, [path.join(root, 'scripts/build.mjs'), 'cli']);
});

const D = tempDir('radica-cli-anexos-');
const dd = ['--data-dir', D];

const saneReal = saneDePrueba();
afterAll(() => saneReal.cerrar());
const sane = (): NodeJS.ProcessEnv => ({ ...saneReal.entorno, RADICA_SANE_ARGUMENTOS: '--test-picture=Grid' });

function radica(args: string[], env: NodeJS.ProcessEnv = {}) {
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env: { ...process.env, ...env } });
  return { code: r.status, out: r.stdout, err: r.stderr, json: () => JSON.parse(r.stdout) };
}

function archivosAnexos(): string[] {
  const raiz = path.join(D, 'anexos');
  return existsSync(raiz) ? readdirSync(raiz, { recursive: true, withFileTypes: true }).filter((d) => d.isFile()).map((d) => d.name) : [];
}

describe('radica anexar | anexos | escanear | buscar --texto (CLI)', () => {
  let numero: string;

  it('anexar una página escaneada: sellada, leída por OCR y encontrada por buscar --texto', async () => {
    expect(radica(['init', ...dd, '--entidad', 'Alcaldía de La Estrella', '--sede', '01', '--ventanilla', '03']).code).toBe(0);
    const r = radica(['radicar', ...dd, '--tipo', 'PET-GEN', '--dependencia', '300', '--asunto', 'Solicitud de documentos', '--remitente', 'CC:1234567', '--remitente-nombre', 'María Pérez', '--folios', '1', '--json']);
    numero = r.json().numero;
    const pagina = path.join(D, 'carta escaneada.png');
    writeFileSync(pagina, rasterizar(await cartaPdf(), 300, 'png'));
    const a = radica(['anexar', numero, pagina, ...dd, '--json']);
    expect(a.code, a.err).toBe(0);
    const [anexo] = a.json();
    expect(anexo).toMatchObject({ sha256: expect.stringMatching(/^[0-9a-f]{64}$/), paginas: 1, tipo: 'application/pdf', ocr: 'hecho', nombre: 'carta escaneada.pdf' });
    expect(anexo.ocrCaracteres).toBeGreaterThan(400);
    expect(anexo.bytes).toBe(readFileSync(anexo.ruta).length);

    const lista = radica(['anexos', numero, ...dd, '--json']).json();
    expect(lista.map((x: { sha256: string }) => x.sha256)).toEqual([anexo.sha256]);
    // Words only the scanned letter has (not the asunto), without accents, the last one as a prefix.
    const b = radica(['buscar', ...dd, '--texto', 'paz salvo predi', '--json']);
    expect(b.code, b.err).toBe(0);
    expect(b.json()).toEqual([expect.objectContaining({ numero, fragmento: expect.stringMatching(/«paz» y «salvo»/) })]);
    expect(radica(['buscar', ...dd, '--texto', 'paz salvo predi']).out).toMatch(/en un anexo: /);
  }, 120_000);

  it('escanear del dispositivo de prueba de SANE por el alimentador', () => {
    const r = radica(['escanear', numero, ...dd, '--dispositivo', 'test', '--fuente', 'adf', '--paginas', '4', '--resolucion', '150', '--sin-ocr', '--json'], sane());
    expect(r.code, r.err).toBe(0);
    const a = r.json();
    expect(a.paginas).toBe(4);
    expect(a.nombre).toBe(`escaneo-${numero}.pdf`);
    expect(infoPdf(a.ruta).paginas).toBe(4);
    const v = radica(['verificar', ...dd, '--json']);
    expect(v.code, v.out + v.err).toBe(0);
    expect(v.json().anexos).toEqual({ archivos: 2, faltantes: 0, alterados: 0 });
  });

  it('un dispositivo que no existe y un archivo disfrazado: mensaje en español, código 1, nada escrito', () => {
    const antes = archivosAnexos();
    const e = radica(['escanear', numero, ...dd, '--dispositivo', 'no-existe:0', '--json'], sane());
    expect(e.code).toBe(1);
    expect(e.err).toMatch(/radica escanear: .*(escáner|dispositivo)/i);
    const falso = path.join(D, 'factura.pdf');
    writeFileSync(falso, 'MZ esto es un programa, no un PDF');
    const f = radica(['anexar', numero, falso, ...dd]);
    expect(f.code).toBe(1);
    expect(f.err).toMatch(/No se anexó «factura\.pdf»: el nombre dice PDF pero el contenido no lo es/);
    expect(archivosAnexos()).toEqual(antes);
  });

  it('lote de una carpeta: páginas sin rótulo van a la bandeja', async () => {
    const carpeta = path.join(D, 'lote');
    mkdirSync(carpeta);
    writeFileSync(path.join(carpeta, '001.jpg'), rasterizar(await cartaPdf({ pie: 'sin rótulo' }), 100, 'jpeg'));
    const r = radica(['lote', carpeta, ...dd, '--sin-ocr', '--json']);
    expect(r.code, r.err).toBe(0);
    expect(r.json()).toMatchObject({ paginas: 1, anexados: [], bandeja: [{ motivo: 'sin_rotulo', paginas: [1] }] });
    expect(radica(['bandeja', ...dd]).out).toMatch(/Páginas antes del primer rótulo/);
  }, 60_000);
});
