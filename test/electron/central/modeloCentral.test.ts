/**
 * The entity's model through the built CLI, against a real PostgreSQL: ventanilla 03 radicates,
 * a coordinator corrects the routing in the weekly review, IT trains and publishes centrally, and
 * ventanilla 04 — which never saw those radicados nor the marks — suggests the corrected dependencia.
 */
import { describe, expect, it } from 'vitest';
import { entornoCli } from './entornoCli';
import { consultar } from './postgres';

const entorno = entornoCli('radica-modelo-central-');
const { radica, estacion } = entorno;

function radicar(d: string[], asunto: string, tipo: string, dependencia: string): string {
  const r = radica(['radicar', ...d, '--tipo', tipo, '--dependencia', dependencia, '--asunto', asunto, '--remitente', 'CC:1234567', '--remitente-nombre', 'María Pérez', '--folios', '1', '--json']);
  expect(r.code, r.err).toBe(0);
  return r.json().numero;
}

const BARRIOS = ['El Carmen', 'La Ferrería', 'Pueblo Viejo', 'San Isidro', 'Bellavista', 'Santa Ana'];
const PRUEBA = 'Permiso de operación de bicitaxi en el barrio La Inmaculada';

describe('modelo de la entidad (central modelo entrenar)', () => {
  it('una corrección del coordinador en la ventanilla 03 cambia las sugerencias de la ventanilla 04', () => {
    const admin = entorno.pg().adminUrl;
    expect(radica(['central', 'migrar', '--url', admin]).code).toBe(0);
    const v3 = estacion('v03', '03');
    const v4 = estacion('v04', '04');
    // The clerks of 03 route bicitaxi permits to Infraestructura (800), like the street lighting.
    const bicitaxis = BARRIOS.map((b) => radicar(v3, `Permiso de operación de bicitaxi en el barrio ${b}`, 'PET-GEN', '800'));
    for (const b of BARRIOS) radicar(v3, `Daño del alumbrado público en el barrio ${b}`, 'PET-GEN', '800');
    for (const b of BARRIOS) radicar(v3, `Paz y salvo del impuesto predial del barrio ${b}`, 'PET-DOC', '300');
    expect(radica(['sync', ...v3, '--url', admin, '--json']).json()).toMatchObject({ pendientes: 0 });

    // Without data of its own, 04 has nothing to say about bicitaxis yet.
    const antes = radica(['clasificador', 'sugerir', ...v4, PRUEBA, '--json']).json() as { dependencias: { codigo: string }[] };
    expect(antes.dependencias.map((x) => x.codigo)).not.toContain('900');

    // Weekly review: bicitaxi permits belong to Movilidad (900).
    const reg = radica(['central', 'coordinador', 'registrar', '--url', admin, '--usuario', 'carla', '--json']);
    expect(reg.code, reg.err).toBe(0);
    const coordinadora = { RADICA_COORDINADOR_URL: (reg.json() as { url: string }).url };
    const c = estacion('coordinacion', '90');
    for (const numero of bicitaxis) {
      const m = radica(['revision', 'marcar', numero, ...c, '--veredicto', 'incorrecto', '--dependencia-correcta', '900', '--revisor', 'Carla Coordinadora', '--json'], coordinadora);
      expect(m.code, m.err).toBe(0);
    }

    // A coordinator sees only her sedes: she may not publish a model for every window.
    const negado = radica(['central', 'modelo', 'entrenar', '--url', coordinadora.RADICA_COORDINADOR_URL], {});
    expect(negado.code).toBe(1);
    expect(negado.err).toContain('Solo el administrador');

    const e = radica(['central', 'modelo', 'entrenar', '--url', admin, '--json']);
    expect(e.code, e.err).toBe(0);
    const r = e.json() as { modelos: { objetivo: string; version: number; ejemplos: number }[]; radicados: number; revisados: number; demo: boolean };
    expect(r).toMatchObject({ radicados: 18, revisados: 6, demo: false });
    expect(r.modelos.map((m) => [m.objetivo, m.version, m.ejemplos])).toEqual([
      ['tipo', 1, 18],
      ['dependencia', 1, 18],
    ]);

    // 04 pulls it on its next sync and uses it at once.
    expect(radica(['sync', ...v4, '--url', admin, '--json']).json()).toMatchObject({ recibidos: 2 });
    const despues = radica(['clasificador', 'sugerir', ...v4, PRUEBA, '--json']).json() as { dependencias: { codigo: string }[] };
    expect(despues.dependencias[0]!.codigo).toBe('900');
    const estado = radica(['clasificador', 'estado', ...v4]);
    expect(estado.out).toMatch(/dependencia\s+versión 1 de la entidad \(servidor central\), 18 ejemplos/);
    const local = radica(['clasificador', 'reentrenar', ...v4]);
    expect(local.code).toBe(1);
    expect(local.err).toContain('radica central modelo entrenar');

    // The next run is version 2; a station that already has version 1 receives only the new ones.
    const otra = radica(['central', 'modelo', 'entrenar', '--url', admin]);
    expect(otra.code, otra.err).toBe(0);
    expect(otra.out).toContain('Modelo de la entidad entrenado con 18 radicados (6 revisados por coordinadores) y publicado:');
    expect(otra.out).toMatch(/tipo\s+versión 2: exactitud [\d,]+ %|tipo\s+versión 2: exactitud sin medir/);
    expect(otra.out).toMatch(/dependencia\s+versión 2:/);
    expect(radica(['sync', ...v4, '--url', admin, '--json']).json()).toMatchObject({ recibidos: 2 });
    expect(radica(['clasificador', 'estado', ...v4, '--json']).json().modelos.map((m: { version: number; origen: string }) => [m.origen, m.version])).toEqual([
      ['central', 2],
      ['central', 2],
    ]);
  });

  it('sin radicados en el servidor central lo dice en español y no publica nada', async () => {
    const url = await entorno.pg().nuevaBase('vacia');
    expect(radica(['central', 'migrar', '--url', url]).code).toBe(0);
    const r = radica(['central', 'modelo', 'entrenar', '--url', url]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('todavía no tiene radicados');
    expect(await consultar(url, 'SELECT count(*)::int AS n FROM radica.modelos')).toEqual([{ n: 0 }]);
  });
});
