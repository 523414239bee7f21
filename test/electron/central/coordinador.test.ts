/**
 * Coordinator mode through the built CLI, against a real PostgreSQL: two stations radicate and
 * sync; the coordinator's station, with --central, ranks, marks and reports across both, and the
 * mark comes back to the station that radicated.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { entornoCli } from './entornoCli';

const entorno = entornoCli('radica-coordinador-');
const { radica, estacion } = entorno;

function radicar(d: string[], asunto: string, tipo: string): string {
  const r = radica(['radicar', ...d, '--tipo', tipo, '--dependencia', '300', '--asunto', asunto, '--remitente', 'CC:1234567', '--remitente-nombre', 'María Pérez', '--folios', '1', '--json']);
  expect(r.code, r.err).toBe(0);
  return r.json().numero;
}

describe('modo coordinador (CLI --central)', () => {
  it('la cola, las marcas y el informe abarcan las dos ventanillas, y la marca vuelve a su estación', () => {
    const admin = entorno.pg().adminUrl;
    expect(radica(['central', 'migrar', '--url', admin]).code).toBe(0);
    const v3 = estacion('v03', '03');
    const v4 = estacion('v04', '04');
    const tutela = radicar(v3, 'Acción de tutela del Juzgado Segundo Civil por el derecho a la salud', 'PET-GEN');
    radicar(v3, 'Solicito paz y salvo del impuesto predial', 'PET-GEN');
    const queja = radicar(v4, 'Queja por el mal trato en la ventanilla de tesorería', 'QUE');
    for (const d of [v3, v4]) {
      const s = radica(['sync', ...d, '--url', admin, '--json']);
      expect(s.code, s.err).toBe(0);
      expect(s.json()).toMatchObject({ pendientes: 0 });
    }
    const reg = radica(['central', 'coordinador', 'registrar', '--url', admin, '--usuario', 'carla', '--json']);
    expect(reg.code, reg.err).toBe(0);
    const coordinadora = { RADICA_COORDINADOR_URL: (reg.json() as { url: string }).url };
    const c = estacion('coordinacion', '90');

    const cola = radica(['revision', 'cola', ...c, '--semana', 'actual', '--prioridad', 'riesgo', '--json'], coordinadora);
    expect(cola.code, cola.err).toBe(0);
    const items = cola.json() as { numero: string; ventanilla: string }[];
    expect(items).toHaveLength(3);
    expect(items[0]!.numero).toBe(tutela);
    expect(new Set(items.map((i) => i.ventanilla))).toEqual(new Set(['03', '04']));
    // Without --central the coordinator's own station has nothing.
    expect(radica(['revision', 'cola', ...c, '--semana', 'actual', '--json']).json()).toEqual([]);

    const m = radica(['revision', 'marcar', queja, ...c, '--veredicto', 'incorrecto', '--dependencia-correcta', '500', '--observacion', 'Tesorería es Hacienda.', '--revisor', 'Carla Coordinadora', '--json'], coordinadora);
    expect(m.code, m.err).toBe(0);
    const out = path.join(entorno.dir(), 'informe.json');
    const inf = radica(['informe', 'semanal', ...c, '--semana', 'actual', '--formato', 'json', '--out', out, '--revisor', 'Carla Coordinadora'], coordinadora);
    expect(inf.code, inf.err).toBe(0);
    const informe = JSON.parse(readFileSync(out, 'utf8'));
    expect(informe.ventanillas.map((v: { ventanilla: string; radicados: number; revisados: number }) => [v.ventanilla, v.radicados, v.revisados])).toEqual([
      ['03', 2, 0],
      ['04', 1, 1],
    ]);
    expect(informe.totales).toMatchObject({ radicados: 3, revisados: 1, erroresDireccionamiento: 1 });

    // The mark reaches ventanilla 04 (clerk feedback, training), not 03.
    expect(radica(['sync', ...v4, '--url', admin, '--json']).json()).toMatchObject({ recibidos: 1 });
    expect(radica(['sync', ...v3, '--url', admin, '--json']).json()).toMatchObject({ recibidos: 0 });
    const local = radica(['revision', 'cola', ...v4, '--semana', 'actual', '--json']).json() as { numero: string; marca: { dependenciaCorrecta: string } | null }[];
    expect(local.find((i) => i.numero === queja)!.marca).toMatchObject({ dependenciaCorrecta: '500' });

    // Kept in the coordinator's station, the mode needs no environment: `central coordinacion`.
    const noCoord = radica(['central', 'coordinacion', ...c, '--url', admin]);
    expect(noCoord.code).toBe(1);
    expect(noCoord.err).toContain('no es la de un coordinador');
    const guardar = radica(['central', 'coordinacion', ...c, '--url', coordinadora.RADICA_COORDINADOR_URL, '--json']);
    expect(guardar.code, guardar.err).toBe(0);
    expect(guardar.json().url).not.toContain(new URL(coordinadora.RADICA_COORDINADOR_URL).password);
    expect(radica(['revision', 'cola', ...c, '--semana', 'actual', '--json']).json()).toHaveLength(3);
    expect(radica(['central', 'coordinacion', ...c, '--quitar']).code).toBe(0);
    expect(radica(['revision', 'cola', ...c, '--semana', 'actual', '--json']).json()).toEqual([]);
  });
});
