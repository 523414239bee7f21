/**
 * The weekly review through the built CLI: the risk queue, marks, and the report in four formats
 * that agree with each other and with the marks made (CSV and XLSX read back, PDF through pdftotext).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { tempDir } from '../helpers';

const root = path.resolve(__dirname, '../../..');
const bin = path.join(root, 'bin/radica.cjs');

beforeAll(() => {
  if (!existsSync(path.join(root, 'dist/cli.cjs'))) execFileSync(process.execPath, [path.join(root, 'scripts/build.mjs'), 'cli']);
});

const D = tempDir('radica-cli-revision-');
const dd = ['--data-dir', D];

function radica(args: string[]) {
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr, json: () => JSON.parse(r.stdout) };
}

function radicar(asunto: string, tipo: string, dependencia: string): string {
  const r = radica(['radicar', ...dd, '--tipo', tipo, '--dependencia', dependencia, '--asunto', asunto, '--remitente', 'CC:1234567', '--remitente-nombre', 'María Pérez', '--folios', '1', '--json']);
  expect(r.code, r.err).toBe(0);
  return r.json().numero;
}

describe('radica revision | informe semanal (CLI)', () => {
  const n: Record<string, string> = {};

  it('la cola por riesgo pone primero la tutela radicada como petición', () => {
    expect(radica(['init', ...dd, '--entidad', 'Alcaldía de La Estrella', '--sede', '01', '--ventanilla', '03']).code).toBe(0);
    n.paz = radicar('Solicito paz y salvo del impuesto predial', 'PET-GEN', '300');
    n.tutela = radicar('Acción de tutela del Juzgado Segundo Civil Municipal por el derecho a la salud', 'PET-GEN', '300');
    n.queja = radicar('Queja por mal trato del funcionario de tesorería', 'QUE', '300');
    n.copia = radicar('Solicito copia del certificado de estratificación', 'PET-DOC', '600');
    const c = radica(['revision', 'cola', ...dd, '--semana', 'actual', '--prioridad', 'riesgo', '--json']);
    expect(c.code, c.err).toBe(0);
    const cola = c.json();
    expect(cola).toHaveLength(4);
    expect(cola[0]).toMatchObject({ numero: n.tutela, tipo: 'PET-GEN', dependencia: '300' });
    expect(cola[0].riesgo).toBeGreaterThan(0.5);
    expect(cola[0].motivos[0]).toMatch(/sugiere TUT/);
    const texto = radica(['revision', 'cola', ...dd, '--semana', 'actual', '--prioridad', 'riesgo']);
    expect(texto.out).toMatch(/4 radicados, 0 revisados/);
  });

  it('marca con el nombre del revisor y rechaza lo que no cuadra, en español', () => {
    const m = radica(['revision', 'marcar', n.tutela!, ...dd, '--veredicto', 'incorrecto', '--tipo-correcto', 'TUT', '--dependencia-correcta', '110', '--observacion', 'Es una tutela: va a Jurídica, «término en horas».', '--revisor', 'Carlos Ruiz', '--json']);
    expect(m.code, m.err).toBe(0);
    expect(m.json()).toMatchObject({ numero: n.tutela, veredicto: 'incorrecto', tipoCorrecto: 'TUT', dependenciaCorrecta: '110', revisorNombre: 'Carlos Ruiz', terminoCorrecto: expect.stringMatching(/^Con TUT/) });
    expect(radica(['revision', 'marcar', n.paz!, ...dd, '--veredicto', 'correcto', '--revisor', 'Carlos Ruiz']).code).toBe(0);
    expect(radica(['revision', 'marcar', n.queja!, ...dd, '--veredicto', 'incorrecto', '--dependencia-correcta', '500', '--observacion', '=SUMA(A1) no es fórmula', '--revisor', 'Carlos Ruiz']).code).toBe(0);
    const sinRevisor = radica(['revision', 'marcar', n.copia!, ...dd, '--veredicto', 'correcto']);
    expect(sinRevisor.code).toBe(2);
    expect(sinRevisor.err).toMatch(/Falta --revisor/);
    const malo = radica(['revision', 'marcar', n.copia!, ...dd, '--veredicto', 'tal vez', '--revisor', 'Carlos Ruiz']);
    expect(malo.code).toBe(1);
    expect(malo.err).toMatch(/Veredicto: elija correcto o incorrecto/);
    const semana = radica(['revision', 'cola', ...dd, '--semana', '2026-W99']);
    expect(semana.code).toBe(1);
    expect(semana.err).toMatch(/semanas de la 01 a la 5[23]/);
  });

  it('los cuatro formatos del informe dicen lo mismo que las marcas', async () => {
    const archivo = (f: string) => path.join(D, `informe.${f}`);
    for (const f of ['json', 'csv', 'xlsx', 'pdf']) {
      const r = radica(['informe', 'semanal', ...dd, '--semana', 'actual', '--formato', f, '--out', archivo(f), '--revisor', 'Carlos Ruiz']);
      expect(r.code, r.err).toBe(0);
      // The CLI's radicados record no suggestion (nobody saw one): the summary says so.
      expect(r.out).toContain('Sugerencias de tipo documental: ninguna de 4 radicados');
    }
    const esperado = { radicados: 4, revisados: 3, erroresClasificacion: 1, erroresDireccionamiento: 2, tasaError: 0.6667 };

    const json = JSON.parse(readFileSync(archivo('json'), 'utf8'));
    expect(json.totales).toEqual(esperado);
    expect(json.ventanillas).toEqual([{ sede: '01', ventanilla: '03', ...esperado }]);
    expect(json.confusion).toEqual([{ de: 'PET-GEN', a: 'TUT', cantidad: 1 }]);
    expect(json.observaciones.map((o: { observacion: string }) => o.observacion).sort()).toEqual(['=SUMA(A1) no es fórmula', 'Es una tutela: va a Jurídica, «término en horas».']);
    expect(json.firmadoPor).toBe('Carlos Ruiz');

    const csv = parse(readFileSync(archivo('csv')), { bom: true, columns: true }) as Record<string, string>[];
    const total = csv.find((r) => r.seccion === 'total')!;
    expect([total.radicados, total.revisados, total.errores_clasificacion, total.errores_direccionamiento].map(Number)).toEqual([4, 3, 1, 2]);
    expect(Number(total.tasa_error)).toBeCloseTo(esperado.tasaError, 4);
    expect(csv.filter((r) => r.seccion === 'confusion').map((r) => [r.de, r.a, r.cantidad])).toEqual([['PET-GEN', 'TUT', '1']]);
    // Free text that looks like a formula is neutralised for spreadsheets.
    expect(csv.some((r) => r.observacion === "'=SUMA(A1) no es fórmula")).toBe(true);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(archivo('xlsx'));
    const ventanillas = wb.getWorksheet('Ventanillas')!;
    const cabecera = (ventanillas.getRow(1).values as unknown[]).slice(1);
    const fila = (ventanillas.getRow(2).values as unknown[]).slice(1);
    const valor = (titulo: string) => fila[cabecera.indexOf(titulo)];
    expect([valor('Radicados'), valor('Revisados'), valor('Errores de clasificación'), valor('Errores de direccionamiento')]).toEqual([4, 3, 1, 2]);
    expect(valor('Tasa de error')).toBeCloseTo(esperado.tasaError, 4);

    const pdf = execFileSync('pdftotext', ['-layout', archivo('pdf'), '-'], { encoding: 'utf8' });
    expect(pdf).toMatch(/Alcaldía de La Estrella/);
    expect(pdf).toMatch(/Revisó: Carlos Ruiz/);
    expect(pdf).toMatch(/\b4\s+3\s+75,0 %\s+1\s+2\s+66,7 %/);
    expect(pdf).toMatch(/PET-GEN · Petición general[\s\S]*TUT · Acción de tutela/);
    expect(pdf).toMatch(/Es una tutela: va a Jurídica/);
  });
});
