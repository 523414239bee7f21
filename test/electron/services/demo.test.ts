import { afterEach, describe, expect, it } from 'vitest';
import { tempStation } from '../helpers';
import { instantesDemo, rng } from '../../../electron/services/demoService';
import { PROPORCION_TIPOS } from '../../../electron/services/demoData';
import { toBogota } from '../../../shared/domain/bogota';

let s: ReturnType<typeof tempStation>;
afterEach(() => s?.close());

describe('datos de demostración', () => {
  it('siguen las proporciones de La Estrella 2020, en orden, marcados demo, y la serie queda íntegra', async () => {
    const now = Date.parse('2026-11-20T20:00:00Z');
    s = tempStation({ now });
    await s.setup();
    const r = await s.ok('estacion:demo', { cantidad: 4000 });
    expect(r.creados).toBe(4000);
    const db = s.station.db;
    const filas = db.prepare('SELECT tipo, fecha_hora AS f, consecutivo AS c, demo FROM radicados ORDER BY consecutivo').all() as { tipo: string; f: number; c: number; demo: number }[];
    expect(filas).toHaveLength(4000);
    expect(filas.every((x) => x.demo === 1)).toBe(true);
    for (let i = 1; i < filas.length; i++) expect(filas[i]!.f).toBeGreaterThan(filas[i - 1]!.f);
    expect(filas[0]!.f).toBeGreaterThanOrEqual(now - 56 * 86_400_000);
    expect(filas.at(-1)!.f).toBeLessThan(now);
    // Office hours, Monday to Friday, Bogotá.
    for (const x of filas.slice(0, 200)) {
      const c = toBogota(x.f);
      expect(c.hour).toBeGreaterThanOrEqual(7);
      expect(c.hour).toBeLessThan(17);
    }
    const total = PROPORCION_TIPOS.reduce((a, [, w]) => a + w, 0);
    const share = (tipo: string) => filas.filter((x) => x.tipo === tipo).length / filas.length;
    expect(Math.abs(share('EXO-PYP') - 45.93 / total)).toBeLessThan(0.03);
    expect(Math.abs(share('PET-GEN') - 19.45 / total)).toBeLessThan(0.03);
    expect(Math.abs(share('QUE') - 7.25 / total)).toBeLessThan(0.02);
    const v = await s.ok('estacion:verificar', {});
    expect(v).toMatchObject({ ok: true, series: [{ desde: 1, hasta: 4000, total: 4000 }] });
    // Some citizens come back: fewer remitentes than radicados.
    const remitentes = (db.prepare('SELECT count(*) AS n FROM remitentes').get() as { n: number }).n;
    expect(remitentes).toBeLessThan(4000 * 0.9);
  });

  it('cada radicado guarda lo que la estación le habría sugerido, y el informe lo cuenta', async () => {
    const now = Date.parse('2026-11-20T20:00:00Z');
    s = tempStation({ now });
    await s.setup();
    await s.ok('estacion:demo', { cantidad: 600 });
    const db = s.station.db;
    const n = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
    expect(n('SELECT count(*) AS n FROM sugerencias')).toBe(600);
    // Cold start: the catalog's phrases suggest a tipo for most demo asuntos, and the clerks take most of them.
    const conTipo = n('SELECT count(*) AS n FROM sugerencias WHERE tipo_sugerido IS NOT NULL');
    expect(conTipo).toBeGreaterThan(300);
    expect(n("SELECT count(*) AS n FROM sugerencias WHERE modelo = 'frases'")).toBe(600);
    const aceptadas = n('SELECT count(*) AS n FROM sugerencias WHERE tipo_aceptado = 1');
    expect(aceptadas).toBeGreaterThan(conTipo * 0.5);
    expect(aceptadas).toBeLessThan(conTipo);
    // The week's report counts them (the catalog's phrases, as a station without a model).
    const informe = await s.ok('informe:semanal', { semana: 'anterior' });
    expect(informe.sugerencias.radicados).toBe(informe.totales.radicados);
    expect(informe.sugerencias.objetivos[0].fuentes[0]).toMatchObject({ modelo: null, sugeridas: expect.any(Number) });
    expect(informe.sugerencias.objetivos[0].total.sugeridas).toBeGreaterThan(0);
  });

  it('no fecha demostraciones antes del último radicado real', async () => {
    const now = Date.parse('2026-11-20T20:00:00Z');
    s = tempStation({ now: now - 3_600_000 });
    await s.setup();
    const real = await s.ok('radicacion:radicar', {
      remitente: { tipoDocumento: 'CC', numeroDocumento: '123456', nombres: 'Ana', autorizaDatos: true },
      canal: 'presencial', asunto: 'Asunto real', tipo: 'PET-GEN', dependencia: '300', folios: 1,
    });
    s.setNow(now);
    await s.ok('estacion:demo', { cantidad: 50 });
    const min = (s.station.db.prepare('SELECT min(fecha_hora) AS f FROM radicados WHERE demo = 1').get() as { f: number }).f;
    expect(min).toBeGreaterThan(real.fechaHora);
    expect((await s.ok('estacion:verificar', {})).ok).toBe(true);
  });

  it('instantes crecientes aun con muchos por milisegundo', () => {
    const xs = instantesDemo(10_000, 0, 1000, rng(1));
    for (let i = 1; i < xs.length; i++) expect(xs[i]!).toBeGreaterThan(xs[i - 1]!);
  });
});
