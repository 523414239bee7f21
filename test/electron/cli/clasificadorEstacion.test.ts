import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSync } from 'esbuild';
import { paraNode } from '../../../scripts/paraNode.mjs';
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { radicacion, tempDir, tempStation } from '../helpers';

const ROOT = path.resolve(__dirname, '../../..');
// Its own bundle of the CLI (dist/cli.cjs may be stale or rebuilt by another test file meanwhile).
const BUILD = path.join(ROOT, 'test-results', `.cli-${randomUUID()}`);
const CLI = path.join(BUILD, 'cli.cjs');

beforeAll(() => {
  mkdirSync(BUILD, { recursive: true });
  buildSync({
    ...paraNode(ROOT),
    entryPoints: [path.join(ROOT, 'electron/cli/radica.ts')],
    outfile: CLI,
  });
});
afterAll(() => rmSync(BUILD, { recursive: true, force: true }));

function radica(args: string[]) {
  const code = `require(${JSON.stringify(CLI)}).main(process.argv.slice(1)).then((c) => { process.exitCode = c; });`;
  const r = spawnSync(process.execPath, ['-e', code, ...args], { encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr, json: () => JSON.parse(r.stdout) };
}

describe('radica clasificador (estación)', () => {
  const D = tempDir('radica-cli-clasif-');
  const dd = ['--data-dir', D];
  afterAll(() => rmSync(D, { recursive: true, force: true }));

  it('sugerir con las frases del catálogo, importar un CSV, reentrenar y sugerir con el modelo', () => {
    expect(radica(['init', ...dd, '--entidad', 'Alcaldía de Prueba', '--sede', '01', '--ventanilla', '03']).code).toBe(0);

    const frio = radica(['clasificador', 'sugerir', ...dd, 'Acción de tutela del Juzgado 3 Civil Municipal', '--json']);
    expect(frio.code, frio.err).toBe(0);
    const j = frio.json();
    expect(j.sugerencias[0]).toMatchObject({ codigo: 'TUT', nombre: expect.stringContaining('tutela'), probabilidad: expect.any(Number) });
    expect(j.dependencias[0]).toMatchObject({ codigo: '110', nombre: 'Oficina Asesora Jurídica' });
    expect(j).toMatchObject({ modelo: null, fuente: 'frases' });
    // The shape, exactly; the phrases behind a suggestion are for the text output.
    expect(Object.keys(j.sugerencias[0])).toEqual(['codigo', 'nombre', 'probabilidad']);
    const texto = radica(['clasificador', 'sugerir', ...dd, 'Acción de tutela del Juzgado 3']);
    expect(texto.out).toMatch(/TUT\s+\d+ %.*\(por «acción de tutela», «juzgado»\)/);

    const csv = path.join(D, 'anterior.csv');
    const filas = ['"Asunto","Clase","Oficina"'];
    for (let i = 0; i < 25; i++) {
      filas.push(`"Permiso de operación de bicitaxi, ruta ${i}","COM","900"`);
      filas.push(`"Arreglo del alumbrado del parque, poste ${i}","Petición general (interés general o particular)","800"`);
    }
    filas.push('"Sin clase conocida","NO-EXISTE","800"');
    writeFileSync(csv, filas.join('\n'));
    const imp = radica(['clasificador', 'importar', ...dd, '--csv', csv, '--texto', 'Asunto', '--tipo', 'Clase', '--dependencia', 'Oficina', '--json']);
    expect(imp.code, imp.err).toBe(0);
    expect(imp.json()).toEqual({ importados: 50, rechazados: [{ fila: 51, motivo: 'tipo "NO-EXISTE" no está en el catálogo' }] });
    expect(radica(['clasificador', 'importar', ...dd, '--csv', csv, '--texto', 'Nope', '--tipo', 'Clase']).code).toBe(2);

    const re = radica(['clasificador', 'reentrenar', ...dd, '--json']);
    expect(re.code, re.err).toBe(0);
    expect(re.json().modelos).toEqual([
      expect.objectContaining({ objetivo: 'dependencia', version: 1, ejemplos: 50 }),
      expect.objectContaining({ objetivo: 'tipo', version: 1, ejemplos: 50 }),
    ]);

    const caliente = radica(['clasificador', 'sugerir', ...dd, 'Permiso de bicitaxi en el barrio', '--json']).json();
    expect(caliente.sugerencias[0].codigo).toBe('COM');
    expect(caliente.dependencias[0].codigo).toBe('900');
    expect(caliente.modelo).toMatch(/^tipo:\d+,dependencia:\d+$/);

    const estado = radica(['clasificador', 'estado', ...dd]);
    expect(estado.code).toBe(0);
    expect(estado.out).toContain('Ejemplos importados: 50');
  });

  it('importar el CSV que guarda Excel en español («;», Windows-1252) y traducir las etiquetas del sistema anterior', () => {
    const E = tempDir('radica-cli-clasif-excel-');
    const de = ['--data-dir', E];
    try {
      expect(radica(['init', ...de, '--entidad', 'Alcaldía de Prueba', '--sede', '01', '--ventanilla', '03']).code).toBe(0);
      const csv = path.join(E, 'excel.csv');
      const filas = ['Asunto;Clase;Oficina', '"Arreglo del alumbrado; poste 4";Petición general (interés general o particular);800', 'Queja por el trato en la ventanilla;Queja;800'];
      for (let i = 0; i < 3; i++) filas.push(`Solicitud de copia del expediente ${i};Derecho de petición (Orfeo);Jurídica`);
      writeFileSync(csv, Buffer.from(filas.join('\r\n'), 'latin1'));
      const args = ['clasificador', 'importar', ...de, '--csv', csv, '--texto', 'Asunto', '--tipo', 'Clase', '--dependencia', 'Oficina'];

      // Without equivalences: the accented catalog names match; the old system's labels are rejected, grouped.
      const sin = radica(args);
      expect(sin.code, sin.err).toBe(0);
      expect(sin.out).toContain('Se importaron 2 ejemplos de 5 filas.');
      expect(sin.out).toContain('tipo "Derecho de petición (Orfeo)" no está en el catálogo: 3 filas (líneas 4, 5, 6)');
      expect(sin.out).toContain('--equivalencias ARCHIVO (columnas campo,valor,codigo)');

      const eq = path.join(E, 'equivalencias.csv');
      writeFileSync(eq, Buffer.from('campo;valor;codigo\r\ntipo;Derecho de petición (Orfeo);PET-GEN\r\ndependencia;Jurídica;110\r\n', 'latin1'));
      const con = radica([...args, '--origen', 'orfeo', '--equivalencias', eq, '--json']);
      expect(con.code, con.err).toBe(0);
      expect(con.json()).toEqual({ importados: 5, rechazados: [] });

      // A bad equivalences file stops before anything is imported.
      writeFileSync(eq, 'campo,valor,codigo\nclase,Derecho de petición (Orfeo),PET-GEN\n');
      const mal = radica([...args, '--equivalencias', eq]);
      expect(mal.code).toBe(1);
      expect(mal.err).toContain('Equivalencias, línea 2: el campo debe ser «tipo» o «dependencia», no «clase».');
      writeFileSync(eq, 'origen,destino\nA,B\n');
      const cols = radica([...args, '--equivalencias', eq]);
      expect(cols.code).toBe(2);
      expect(cols.err).toContain('debe tener las columnas campo, valor y codigo');
      expect(radica(['clasificador', 'estado', ...de, '--json']).json()).toMatchObject({ ejemplosImportados: 7 });
    } finally {
      rmSync(E, { recursive: true, force: true });
    }
  });

  it('desempeno: las sugerencias de una semana, aceptadas y acertadas, por fuente (texto y --json)', async () => {
    // Radicados with suggestions, as the Radicar screen records them (the CLI's radicar shows none).
    const s = tempStation();
    try {
      await s.setup();
      for (const [asunto, tipo, dependencia] of [
        ['Acción de tutela del Juzgado 3 Civil', 'TUT', '110'],
        ['Acción de tutela del Juzgado 5 Penal', 'TUT', '300'],
      ] as const) {
        const sugerencia = await s.ok('clasificador:sugerir', { texto: asunto });
        await s.ok('radicacion:radicar', radicacion({ asunto, tipo, dependencia, sugerencia, termino: { cantidad: 48, unidad: 'horas' } }));
      }
      s.station.close();
      const dir = ['--data-dir', s.dir];
      const j = radica(['clasificador', 'desempeno', ...dir, '--semana', '2026-W28', '--semanas', '1', '--json']);
      expect(j.code, j.err).toBe(0);
      const d = j.json();
      expect(d).toMatchObject({ desde: '2026-07-06', hasta: '2026-07-12', semanas: ['2026-W28'], radicados: 2 });
      expect(d.objetivos[0].fuentes).toEqual([
        { modelo: null, origen: null, version: null, estacion: null, sugeridas: 2, aceptadas: 2, acertadas: 2, revisadas: 0, acertadasRevisadas: 0, corregidasTrasAceptar: 0 },
      ]);
      expect(d.objetivos[1].total).toMatchObject({ sugeridas: 2, aceptadas: 1, acertadas: 1 });
      const t = radica(['clasificador', 'desempeno', ...dir, '--semana', '2026-W28', '--semanas', '1']);
      expect(t.code, t.err).toBe(0);
      expect(t.out).toContain('Del 06/07/2026 al 12/07/2026 (2026-W28): 2 radicados.');
      expect(t.out).toMatch(/Frases del catálogo: 2 sugeridas, 2 aceptadas \(100 %\), 2 acertadas \(100 %\)/);
      expect(t.out).toContain('Sugirió 110 y era 300 (');
      expect(radica(['clasificador', 'desempeno', ...dir, '--semana', '2026-W27', '--semanas', '1']).out).toContain('0 radicados.');
      const mala = radica(['clasificador', 'desempeno', ...dir, '--semana', '2026-W99']);
      expect(mala.code).toBe(1);
      expect(mala.err).toContain('el año 2026 tiene semanas de la 01 a la 53');
      expect(radica(['clasificador', 'desempeno', ...dir, '--semanas', 'cuatro']).code).toBe(2);
    } finally {
      rmSync(s.dir, { recursive: true, force: true });
    }
  });

  it('uso incorrecto: código 2 y la ayuda en español', () => {
    const r = radica(['clasificador', 'sugerir', ...dd, '--json']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('Escriba el texto a clasificar');
  });
});
