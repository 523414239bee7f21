import { beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { paraNode } from '../../../scripts/paraNode.mjs';
import { tempDir } from '../helpers';
import { leerCsvEtiquetado } from '../../../electron/cli/clasificador';
import { corpus } from '../../shared/classifier/sintetico';

const root = path.resolve(__dirname, '../../..');
// Its own bundle of the CLI: dist/cli.cjs may be older than this code, and rebuilding it here
// would race with the other CLI test files that run it in parallel.
const bundle = path.join(root, 'dist/test/radica-clasificador.cjs');

beforeAll(async () => {
  await build({
    ...paraNode(root),
    entryPoints: ['electron/cli/radica.ts'],
    outfile: bundle,
  });
});

function radica(args: string[]) {
  const r = spawnSync(process.execPath, ['-e', `require(${JSON.stringify(bundle)}).main(process.argv.slice(1)).then((c) => { process.exitCode = c; })`, ...args], { encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr, json: () => JSON.parse(r.stdout) };
}

const comillas = (s: string) => `"${s.replace(/"/g, '""')}"`;

function csv(archivo: string, filas: { texto: string; etiqueta: string }[], { bom = false, columnas = ['Asunto', 'Tipo'] } = {}) {
  const lineas = [columnas.join(','), ...filas.map((f) => `${comillas(f.texto)},${comillas(f.etiqueta)}`)];
  writeFileSync(archivo, (bom ? '\uFEFF' : '') + lineas.join('\r\n') + '\r\n');
  return archivo;
}

describe('CSV etiquetado', () => {
  const D = tempDir('radica-clf-csv-');

  it('encabezado, BOM, comillas con comas, saltos de línea y comillas dobladas', () => {
    const f = path.join(D, 'a.csv');
    writeFileSync(f, '\uFEFFId,Asunto,Tipo\n1,"Solicito copia, por favor",PET\n2,"Dijo ""gracias""\ny se fue",FEL\n3,sin etiqueta,\n');
    expect(leerCsvEtiquetado(f, 'Asunto', 'Tipo')).toEqual([
      { texto: 'Solicito copia, por favor', etiqueta: 'PET' },
      { texto: 'Dijo "gracias"\ny se fue', etiqueta: 'FEL' },
    ]);
  });

  it('Excel en español: «;» y Windows-1252, con las tildes intactas', () => {
    const f = path.join(D, 'excel.csv');
    writeFileSync(f, Buffer.from('Asunto;Tipo\r\n"Solicito copia; por favor";Petición\r\nSeñal dañada en la vía;Queja\r\n', 'latin1'));
    expect(leerCsvEtiquetado(f, 'Asunto', 'Tipo')).toEqual([
      { texto: 'Solicito copia; por favor', etiqueta: 'Petición' },
      { texto: 'Señal dañada en la vía', etiqueta: 'Queja' },
    ]);
  });

  it('una columna que falta se nombra en el error', () => {
    const f = csv(path.join(D, 'b.csv'), [{ texto: 'hola', etiqueta: 'X' }]);
    expect(() => leerCsvEtiquetado(f, 'Reporte', 'Tipo')).toThrow(/no tiene la columna "Reporte".*"Asunto", "Tipo"/);
  });
});

describe('radica clasificador', () => {
  const D = tempDir('radica-clf-cli-');
  const train = csv(path.join(D, 'train.csv'), corpus({ Felicitación: 40, Información: 40, Queja: 40 }), { bom: true });
  const test = csv(path.join(D, 'test.csv'), corpus({ Felicitación: 10, Información: 10, Queja: 10 }, 77));
  const modelo = path.join(D, 'modelo.json');
  const cols = ['--texto', 'Asunto', '--etiqueta', 'Tipo'];

  it('entrenar escribe un modelo versionado', () => {
    const r = radica(['clasificador', 'entrenar', '--csv', train, ...cols, '--modelo', modelo, '--json']);
    expect(r.code, r.err).toBe(0);
    expect(r.json()).toMatchObject({ modelo, ejemplos: 120, etiquetas: ['Felicitación', 'Información', 'Queja'], modeloBytes: expect.any(Number) });
    expect(JSON.parse(readFileSync(modelo, 'utf8'))).toMatchObject({ formato: 'radica-clasificador', version: 2 });
    const texto = radica(['clasificador', 'entrenar', '--csv', train, ...cols, '--modelo', modelo]);
    expect(texto.out).toMatch(/Modelo entrenado con 120 ejemplos/);
  });

  it('sugerir: lo mejor primero, con código, nombre y probabilidad', () => {
    const r = radica(['clasificador', 'sugerir', '--modelo', modelo, 'Felicito a la funcionaria por su amable atención', '--json']);
    expect(r.code, r.err).toBe(0);
    const j = r.json();
    expect(j.dependencias).toEqual([]);
    expect(j.sugerencias[0]).toMatchObject({ codigo: 'Felicitación', nombre: 'Felicitación', probabilidad: expect.any(Number) });
    const ps = j.sugerencias.map((s: { probabilidad: number }) => s.probabilidad);
    expect(ps).toEqual([...ps].sort((a, b) => b - a));
    const nada = radica(['clasificador', 'sugerir', '--modelo', modelo, '--umbral', '1', 'hola', '--json']);
    expect(nada.json().sugerencias).toEqual([]);
    // The text says which of the words led the model to the first label, as they were typed.
    const texto = radica(['clasificador', 'sugerir', '--modelo', modelo, 'Felicito a la funcionaria por su amable atención']);
    expect(texto.out.split('\n')[0]).toMatch(/Felicitación {2}\(por «(Felicito|amable|atención)»(, «(Felicito|amable|atención|funcionaria)»)?\)$/);
  });

  it('evaluar y validar dan las cifras por clase', () => {
    const e = radica(['clasificador', 'evaluar', '--entrenamiento', train, '--prueba', test, ...cols, '--json']);
    expect(e.code, e.err).toBe(0);
    const j = e.json();
    expect(j).toMatchObject({ accuracy: expect.any(Number), macroF1: expect.any(Number), entrenamientoMs: expect.any(Number), prediccionP99Ms: expect.any(Number), modeloBytes: expect.any(Number) });
    expect(j.accuracy).toBeGreaterThan(0.9);
    expect(j.porClase['Queja']).toEqual({ precision: expect.any(Number), recall: expect.any(Number), f1: expect.any(Number), soporte: 10 });

    const v = radica(['clasificador', 'validar', '--csv', train, ...cols, '--pliegues', '4', '--json']);
    expect(v.code, v.err).toBe(0);
    expect(v.json()).toMatchObject({ pliegues: 4, ejemplos: 120, semilla: 1, accuracy: expect.any(Number), porPliegue: expect.any(Array) });
    const s2 = radica(['clasificador', 'validar', '--csv', train, ...cols, '--pliegues', '4', '--semilla', '2', '--json']);
    expect(s2.code, s2.err).toBe(0);
    expect(s2.json()).toMatchObject({ pliegues: 4, semilla: 2, ejemplos: 120 });
  });

  it('errores: uso (2) y datos (1), en español', () => {
    const sinSub = radica(['clasificador']);
    expect(sinSub.code).toBe(2);
    expect(sinSub.err).toMatch(/Falta el subcomando/);
    const falta = radica(['clasificador', 'entrenar', '--csv', train, ...cols]);
    expect(falta.code).toBe(2);
    expect(falta.err).toMatch(/Falta --modelo/);
    const pl = radica(['clasificador', 'validar', '--csv', train, ...cols, '--pliegues', 'x']);
    expect(pl.code).toBe(2);
    const se = radica(['clasificador', 'validar', '--csv', train, ...cols, '--semilla', '1.5']);
    expect(se.code).toBe(2);
    expect(se.err).toMatch(/semilla/);
    const col = radica(['clasificador', 'entrenar', '--csv', train, '--texto', 'Reporte', '--etiqueta', 'Tipo', '--modelo', modelo]);
    expect(col.code).toBe(1);
    expect(col.err).toMatch(/no tiene la columna "Reporte"/);
    const noHay = radica(['clasificador', 'entrenar', '--csv', path.join(D, 'no.csv'), ...cols, '--modelo', modelo]);
    expect(noHay.code).toBe(1);
    expect(noHay.err).toMatch(/No se pudo leer .*ENOENT/);
    const malo = path.join(D, 'malo.json');
    writeFileSync(malo, JSON.stringify({ formato: 'radica-clasificador', version: 9 }));
    const m = radica(['clasificador', 'sugerir', '--modelo', malo, 'hola']);
    expect(m.code).toBe(1);
    expect(m.err).toMatch(/versión 9/);
  });
});
