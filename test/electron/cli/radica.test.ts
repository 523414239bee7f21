import { beforeAll, describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { tempDir } from '../helpers';

const root = path.resolve(__dirname, '../../..');
const bin = path.join(root, 'bin/radica.cjs');

beforeAll(() => {
  // `npm test` builds first; a bare `vitest run` builds the CLI here.
  if (!existsSync(path.join(root, 'dist/cli.cjs'))) execFileSync(process.execPath, [path.join(root, 'scripts/build.mjs'), 'cli']);
});

function radica(args: string[], env: NodeJS.ProcessEnv = {}) {
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env: { ...process.env, ...env } });
  return { code: r.status, out: r.stdout, err: r.stderr, json: () => JSON.parse(r.stdout) };
}

describe('radica (CLI)', () => {
  const D = tempDir('radica-cli-');
  const dd = ['--data-dir', D];

  it('init, catalogo, radicar, consultar, buscar, anular, verificar', () => {
    const init = radica(['init', ...dd, '--entidad', 'Alcaldía de La Estrella', '--sede', '01', '--ventanilla', '03', '--json']);
    expect(init.code).toBe(0);
    expect(init.json()).toMatchObject({ entidad: 'Alcaldía de La Estrella', sede: '01', ventanilla: '03' });

    const cat = radica(['catalogo', ...dd, '--json']).json();
    expect(cat.tipos).toContainEqual(expect.objectContaining({ codigo: 'PET-GEN', nombre: expect.any(String), termino: 15, unidad: 'dias_habiles' }));
    expect(cat.dependencias).toContainEqual({ codigo: '300', nombre: 'Secretaría de Hacienda' });

    const args = ['radicar', ...dd, '--tipo', 'PET-GEN', '--dependencia', '300', '--asunto', 'Solicito paz y salvo predial', '--remitente', 'CC:1234567', '--remitente-nombre', 'María Pérez', '--folios', '2'];
    const r1 = radica([...args, '--json']);
    expect(r1.code, r1.err).toBe(0);
    const rad = r1.json();
    expect(rad).toMatchObject({ numero: expect.stringMatching(/^\d{4}-0103-000001$/), tipo: 'PET-GEN', dependencia: '300', venceEl: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
    expect(rad.fechaHora).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}-05:00$/);
    const r2 = radica([...args, '--canal', 'correo_postal', '--json']).json();
    expect(r2.consecutivo).toBe(2);

    const c = radica(['consultar', rad.numero, ...dd, '--json']);
    expect(c.code).toBe(0);
    expect(c.json()).toMatchObject({ numero: rad.numero, estado: 'ACTIVO' });

    const b = radica(['buscar', ...dd, '--documento', 'CC:1234567', '--json']).json();
    expect(b.map((x: { numero: string }) => x.numero)).toEqual([r2.numero, rad.numero]);
    expect(radica(['buscar', ...dd, '--texto', 'paz salvo', '--json']).json()).toHaveLength(2);
    expect(radica(['buscar', ...dd, '--nombre', 'maria perez', '--json']).json()).toHaveLength(2);

    const an = radica(['anular', rad.numero, ...dd, '--justificacion', 'Se radicó dos veces el mismo oficio', '--aprobado-por', 'Jefe de Correspondencia', '--json']);
    expect(an.code).toBe(0);
    expect(radica(['consultar', rad.numero, ...dd, '--json']).json()).toMatchObject({ estado: 'ANULADO' });

    const v = radica(['verificar', ...dd, '--json']);
    expect(v.code).toBe(0);
    expect(v.json()).toMatchObject({ ok: true, series: [{ desde: 1, hasta: 2, total: 2, anulados: 1 }], auditoria: { valida: true }, integridad: 'ok' });
  });

  it('termino sin estación responde con el catálogo por defecto y no escribe nada', () => {
    const home = tempDir('radica-home-');
    const r = radica(['termino', '--tipo', 'PET-GEN', '--desde', '2026-07-08', '--json'], { RADICA_DATA_DIR: path.join(home, 'no-existe') });
    expect(r.code, r.err).toBe(0);
    expect(r.json()).toMatchObject({ venceEl: '2026-07-31', tipo: 'PET-GEN' });
    expect(readdirSync(home)).toEqual([]);
  });

  it('errores: mensaje en español en stderr y código distinto de cero', () => {
    const sinTipo = radica(['radicar', ...dd, '--dependencia', '300', '--asunto', 'x', '--remitente', 'CC:1', '--folios', '1']);
    expect(sinTipo.code).not.toBe(0);
    expect(sinTipo.err).toMatch(/Falta --tipo/);
    const malo = radica(['radicar', ...dd, '--tipo', 'XYZ', '--dependencia', '300', '--asunto', 'x', '--remitente', 'CC:1234', '--remitente-nombre', 'A', '--folios', '1']);
    expect(malo.code).toBe(1);
    expect(malo.err).toMatch(/no existe en el catálogo/);
    expect(radica(['consultar', '2026-0103-999999', ...dd]).err).toMatch(/No existe el radicado/);
    expect(radica(['anular', '2026-0103-000002', ...dd, '--justificacion', 'corta', '--aprobado-por', 'X']).err).toMatch(/10 caracteres/);
    const desconocido = radica(['volar', ...dd]);
    expect(desconocido.code).toBe(2);
    expect(desconocido.err).toMatch(/Comando desconocido/);
    expect(radica(['radicar', '--nada']).err).toMatch(/Opción desconocida/);
    const sinInit = radica(['radicar', '--data-dir', tempDir(), '--tipo', 'PET-GEN', '--dependencia', '300', '--asunto', 'x', '--remitente', 'CC:1234', '--remitente-nombre', 'A', '--folios', '1']);
    expect(sinInit.code).toBe(1);
    expect(sinInit.err).toMatch(/no está configurada/);
  });

  it('demo crea radicados en orden dentro de las últimas ocho semanas, marcados demo', () => {
    const d = tempDir('radica-demo-');
    radica(['init', '--data-dir', d, '--entidad', 'E', '--sede', '2', '--ventanilla', '1']);
    const r = radica(['demo', '--data-dir', d, '--cantidad', '500', '--json']);
    expect(r.code, r.err).toBe(0);
    const { creados, desde, hasta } = r.json();
    expect(creados).toBe(500);
    expect(Date.now() - Date.parse(desde)).toBeLessThanOrEqual(56 * 86_400_000 + 60_000);
    expect(Date.parse(hasta)).toBeLessThanOrEqual(Date.now());
    expect(radica(['verificar', '--data-dir', d]).code).toBe(0);
    // The demo records what the catalog's phrases suggested: the week's summary counts it.
    const informe = radica(['informe', 'semanal', '--data-dir', d, '--semana', 'anterior', '--formato', 'json', '--out', path.join(d, 'i.json'), '--revisor', 'C']);
    expect(informe.code, informe.err).toBe(0);
    expect(informe.out).toMatch(/Sugerencias de tipo documental: \d+ de \d+ radicados; aceptadas [\d,]+ %, acertadas [\d,]+ %/);
  });
});
