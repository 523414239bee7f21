import { afterEach, describe, expect, it } from 'vitest';
import { radicacion, tempStation } from '../helpers';
import type { Usuario } from '../../../shared/domain/radicado';
import { semanaIso, semanasHasta, type ColaRevision, type InformeSemanal, type ResultadoMarca, type Retroalimentacion, type Tablero } from '../../../shared/domain/revision';
import { FuenteRevisionEstacion } from '../../../electron/revision/fuenteEstacion';
import { tendencia } from '../../../shared/revision/estadisticas';

let s: ReturnType<typeof tempStation>;
afterEach(() => s?.close());

// Friday of ISO week 2026-W47 (16–22 November), 10:00 in Bogotá.
const VIERNES_W47 = Date.parse('2026-11-20T15:00:00Z');
const LAURA: Usuario = { usuario: 'radicador', nombre: 'Laura Gómez', rol: 'radicador' };
const PEDRO: Usuario = { usuario: 'pedro', nombre: 'Pedro Ríos', rol: 'radicador' };
const CARLOS: Usuario = { usuario: 'coordinador', nombre: 'Carlos Ruiz', rol: 'coordinador' };

const TUTELA = 'Acción de tutela del Juzgado Segundo Civil Municipal por el derecho fundamental a la salud de la accionante';

async function estacion(now = VIERNES_W47) {
  s = tempStation({ now });
  await s.setup();
  await s.ok('usuarios:crear', { usuario: 'pedro', nombre: 'Pedro Ríos', rol: 'radicador', pin: '4321' });
  s.station.router.fijarSesion('laura', LAURA);
  s.station.router.fijarSesion('pedro', PEDRO);
  s.station.router.fijarSesion('carlos', CARLOS);
}

async function radicar(quien: 'laura' | 'pedro', asunto: string, tipo: string, dependencia: string, documento = '1234567'): Promise<string> {
  s.advance(60_000);
  const r = await s.ok('radicacion:radicar', radicacion({ asunto, tipo, dependencia }, { numeroDocumento: documento }), quien);
  return r.numero as string;
}

/** A week with ordinary, well-filed letters and one tutela filed as a plain petition. */
async function semanaConTutela() {
  const n: Record<string, string> = {};
  n.paz = await radicar('laura', 'Solicito paz y salvo del impuesto predial del inmueble', 'PET-GEN', '300');
  n.copia = await radicar('laura', 'Solicito copia del certificado de estratificación de mi vivienda', 'PET-DOC', '600');
  n.queja = await radicar('pedro', 'Queja por el mal trato del funcionario de la ventanilla de tesorería', 'QUE', '300');
  n.felicito = await radicar('pedro', 'Felicito a la funcionaria de atención al ciudadano por su amabilidad', 'FEL', '100');
  n.tutela = await radicar('laura', TUTELA, 'PET-GEN', '300');
  n.alumbrado = await radicar('pedro', 'Solicito la reparación del alumbrado público del barrio El Carmen', 'PET-GEN', '800');
  return n;
}

describe('cola de revisión', () => {
  it('una tutela radicada como petición general encabeza la cola por riesgo, con sus motivos', async () => {
    await estacion();
    const n = await semanaConTutela();
    const cola: ColaRevision = await s.ok('revision:cola', { semana: '2026-W47', modo: 'riesgo' }, 'carlos');
    expect(cola.total).toBe(6);
    expect(cola.semana).toMatchObject({ semana: '2026-W47', desde: '2026-11-16', hasta: '2026-11-22' });
    expect(cola.items[0]!.numero).toBe(n.tutela);
    expect(cola.items[0]!.riesgo).toBeGreaterThan(0.5);
    expect(cola.items[0]!.motivos.join(' ')).toMatch(/sugiere TUT/);
    expect(cola.items[0]!.motivos.join(' ')).toMatch(/Término inusual/);
    expect(cola.items[0]!.clasificador.tipo?.codigo).toBe('TUT');
    // Strictly ranked.
    for (let i = 1; i < cola.items.length; i++) expect(cola.items[i]!.riesgo).toBeLessThanOrEqual(cola.items[i - 1]!.riesgo);
    expect(cola.ventanillas).toEqual([{ sede: '01', ventanilla: '03' }]);
    // 'todo' keeps the order of receipt.
    const todo: ColaRevision = await s.ok('revision:cola', { semana: '2026-W47', modo: 'todo' }, 'carlos');
    expect(todo.items.map((i) => i.numero)).toEqual(Object.values(n));
  });

  it('asuntos casi idénticos con tipos distintos se señalan', async () => {
    await estacion();
    for (let i = 0; i < 3; i++) await radicar('laura', `Solicitud de poda del árbol frente a la casa del barrio San Isidro número ${i}`, 'PET-GEN', '800');
    const otro = await radicar('pedro', 'Solicitud de poda del árbol frente a la casa del barrio San Isidro', 'QUE', '800');
    const cola: ColaRevision = await s.ok('revision:cola', { semana: 'actual', modo: 'riesgo' }, 'carlos');
    const item = cola.items.find((i) => i.numero === otro)!;
    expect(item.motivos.join(' ')).toMatch(/casi idéntico a 3 radicados de la semana con otro tipo \(PET-GEN: 3\)/);
    expect(cola.items[0]!.numero).toBe(otro);
  });

  it('una muestra de N por ventanilla es reproducible', async () => {
    await estacion();
    for (let i = 0; i < 12; i++) await radicar('laura', `Solicito paz y salvo predial número ${i}`, 'PET-GEN', '300');
    const a: ColaRevision = await s.ok('revision:cola', { semana: '2026-W47', modo: 'muestra', muestra: 5 }, 'carlos');
    const b: ColaRevision = await s.ok('revision:cola', { semana: '2026-W47', modo: 'muestra', muestra: 5 }, 'carlos');
    const c: ColaRevision = await s.ok('revision:cola', { semana: '2026-W47', modo: 'muestra', muestra: 5, semilla: 99 }, 'carlos');
    expect(a.items).toHaveLength(5);
    expect(a.total).toBe(12);
    expect(b.items.map((i) => i.numero)).toEqual(a.items.map((i) => i.numero));
    expect(c.items.map((i) => i.numero).sort()).not.toEqual(a.items.map((i) => i.numero).sort());
  });

  it('una semana sin radicados da una cola y un informe vacíos y claros', async () => {
    await estacion();
    await semanaConTutela();
    const cola: ColaRevision = await s.ok('revision:cola', { semana: '2026-W30', modo: 'riesgo' }, 'carlos');
    expect(cola).toMatchObject({ total: 0, revisados: 0, items: [], ventanillas: [] });
    const inf: InformeSemanal = await s.ok('informe:semanal', { semana: '2026-W30' }, 'carlos');
    expect(inf.totales).toEqual({ radicados: 0, revisados: 0, erroresClasificacion: 0, erroresDireccionamiento: 0, tasaError: 0 });
    expect(inf).toMatchObject({ ventanillas: [], funcionarios: [], confusion: [], observaciones: [] });
    expect(inf.tendencia).toHaveLength(8);
  });

  it('rechaza semanas mal escritas en español', async () => {
    await estacion();
    expect((await s.falla('revision:cola', { semana: 'semana 47' }, 'carlos')).message).toMatch(/2026-W47/);
    expect((await s.falla('revision:cola', { semana: '2026-W54' }, 'carlos')).message).toMatch(/semanas de la 01 a la 53/);
  });
});

describe('marcas y el informe semanal', () => {
  it('las cifras del informe son las marcas hechas, y la tendencia ve las semanas anteriores', async () => {
    await estacion(Date.parse('2026-11-10T15:00:00Z')); // W46
    const antes = await radicar('pedro', 'Solicito copia de la licencia de construcción', 'PET-GEN', '600');
    s.setNow(VIERNES_W47);
    const n = await semanaConTutela();
    await s.ok('revision:marcar', { numero: antes, veredicto: 'incorrecto', tipoCorrecto: 'PET-DOC' }, 'carlos');
    await s.ok('revision:marcar', { numero: n.paz, veredicto: 'correcto' }, 'carlos');
    const m: ResultadoMarca = await s.ok(
      'revision:marcar',
      { numero: n.tutela, veredicto: 'incorrecto', tipoCorrecto: 'tut', dependenciaCorrecta: '110', observacion: 'Es una tutela: término en horas y a Jurídica.' },
      'carlos',
    );
    expect(m.marca).toMatchObject({ numero: n.tutela, veredicto: 'incorrecto', tipoCorrecto: 'TUT', dependenciaCorrecta: '110', revisor: 'coordinador', revisorNombre: 'Carlos Ruiz' });
    expect(m.marca.revisadoEn).toBe(VIERNES_W47 + 6 * 60_000);
    expect(m.terminoCorrecto).toMatch(/^Con TUT · Acción de tutela/);
    expect(m.terminoCorrecto).toMatch(/se radicó como PET-GEN con 15 días hábiles, vence el \d\d\/12\/2026/);
    await s.ok('revision:marcar', { numero: n.queja, veredicto: 'incorrecto', dependenciaCorrecta: '500', observacion: 'Tesorería está en Hacienda.' }, 'carlos');
    // A second look changes the mark: the newest counts, the first stays in the history.
    await s.ok('revision:marcar', { numero: n.felicito, veredicto: 'incorrecto', tipoCorrecto: 'SUG' }, 'carlos');
    await s.ok('revision:marcar', { numero: n.felicito, veredicto: 'correcto', observacion: 'Revisado de nuevo: sí es felicitación.' }, 'carlos');

    const inf: InformeSemanal = await s.ok('informe:semanal', { semana: '2026-W47' }, 'carlos');
    expect(inf).toMatchObject({ semana: '2026-W47', entidad: 'Alcaldía de Prueba', sedes: ['01'], firmadoPor: 'Carlos Ruiz' });
    expect(inf.totales).toEqual({ radicados: 6, revisados: 4, erroresClasificacion: 1, erroresDireccionamiento: 2, tasaError: 0.5 });
    expect(inf.ventanillas).toEqual([{ sede: '01', ventanilla: '03', radicados: 6, revisados: 4, erroresClasificacion: 1, erroresDireccionamiento: 2, tasaError: 0.5 }]);
    expect(inf.funcionarios).toEqual([
      { funcionario: 'radicador', nombre: 'Laura Gómez', sede: '01', ventanilla: '03', radicados: 3, revisados: 2, erroresClasificacion: 1, erroresDireccionamiento: 1, tasaError: 0.5 },
      { funcionario: 'pedro', nombre: 'Pedro Ríos', sede: '01', ventanilla: '03', radicados: 3, revisados: 2, erroresClasificacion: 0, erroresDireccionamiento: 1, tasaError: 0.5 },
    ]);
    expect(inf.confusion).toEqual([{ de: 'PET-GEN', a: 'TUT', cantidad: 1 }]);
    expect(inf.direccionamiento).toEqual([
      { de: '300', a: '110', cantidad: 1 },
      { de: '300', a: '500', cantidad: 1 },
    ]);
    expect(inf.observaciones.map((o) => [o.numero, o.observacion])).toEqual([
      [n.queja, 'Tesorería está en Hacienda.'],
      [n.felicito, 'Revisado de nuevo: sí es felicitación.'],
      [n.tutela, 'Es una tutela: término en horas y a Jurídica.'],
    ].sort((a, b) => a[0]!.localeCompare(b[0]!)));
    expect(inf.tendencia.map((t) => t.semana)).toEqual(['2026-W40', '2026-W41', '2026-W42', '2026-W43', '2026-W44', '2026-W45', '2026-W46', '2026-W47']);
    expect(inf.tendencia[6]).toMatchObject({ radicados: 1, revisados: 1, erroresClasificacion: 1, tasaError: 1 });
    expect(inf.tendencia[7]).toMatchObject({ radicados: 6, revisados: 4, tasaError: 0.5 });
    expect(inf.nombres.tipos.TUT).toMatch(/tutela/);
    // The store's own weekly counts (SQL) agree with the shared figures over the same rows.
    const fuente = new FuenteRevisionEstacion(s.station.services.context);
    const semanas = semanasHasta(semanaIso('2026-W47', 0), 8);
    const filas = await fuente.resumen({ inicioMs: semanas[0]!.inicioMs, finMs: semanas[7]!.finMs });
    expect(await fuente.tendencia({}, semanas)).toEqual(tendencia(filas, semanas));
    expect(await fuente.tendencia({ radicador: 'pedro' }, semanas)).toEqual(tendencia(filas.filter((f) => f.radicador === 'pedro'), semanas));

    // Every mark is audited (and the chain still verifies), and queued for the central store.
    const db = s.station.db;
    expect(db.prepare("SELECT count(*) AS n FROM auditoria WHERE accion = 'revisar'").get()).toEqual({ n: 6 });
    expect(db.prepare("SELECT count(*) AS n FROM outbox WHERE entidad = 'revision'").get()).toEqual({ n: 6 });
    expect(await s.ok('estacion:verificar', {})).toMatchObject({ ok: true });
    // The cola shows the latest mark.
    const cola: ColaRevision = await s.ok('revision:cola', { semana: '2026-W47', modo: 'todo' }, 'carlos');
    expect(cola.revisados).toBe(4);
    expect(cola.items.find((i) => i.numero === n.felicito)!.marca).toMatchObject({ veredicto: 'correcto' });
  });

  it('una marca cambiada por fuera de Radica rompe la verificación', async () => {
    await estacion();
    const n = await semanaConTutela();
    await s.ok('revision:marcar', { numero: n.tutela, veredicto: 'incorrecto', tipoCorrecto: 'TUT' }, 'carlos');
    const db = s.station.db;
    db.exec('DROP TRIGGER revisiones_sin_cambios');
    db.exec("UPDATE revisiones SET tipo_correcto = 'QUE'");
    const v = await s.ok('estacion:verificar', {});
    expect(v.ok).toBe(false);
  });

  it('valida cada marca con mensajes que el coordinador entiende', async () => {
    await estacion();
    const n = await semanaConTutela();
    const sinCorreccion = await s.falla('revision:marcar', { numero: n.tutela, veredicto: 'incorrecto' }, 'carlos');
    expect(sinCorreccion).toMatchObject({ code: 'VALIDACION' });
    expect(sinCorreccion.message).toMatch(/indique el tipo documental o la dependencia correctos/);
    expect((await s.falla('revision:marcar', { numero: n.tutela, veredicto: 'correcto', tipoCorrecto: 'TUT' }, 'carlos')).message).toMatch(/marque «incorrecto»/);
    expect((await s.falla('revision:marcar', { numero: n.tutela, veredicto: 'incorrecto', tipoCorrecto: 'PET-GEN' }, 'carlos')).message).toMatch(/ya está radicado como PET-GEN/);
    expect((await s.falla('revision:marcar', { numero: n.tutela, veredicto: 'incorrecto', tipoCorrecto: 'XYZ' }, 'carlos')).message).toMatch(/no está en el catálogo/);
    expect((await s.falla('revision:marcar', { numero: n.tutela, veredicto: 'incorrecto', dependenciaCorrecta: '300' }, 'carlos')).message).toMatch(/ya está dirigido a 300/);
    expect(await s.falla('revision:marcar', { numero: '2026-0103-999999', veredicto: 'correcto' }, 'carlos')).toMatchObject({ code: 'NO_ENCONTRADO' });
    await s.ok('radicacion:anular', { numero: n.paz, justificacion: 'Radicado por error, duplicado del anterior', aprobadoPor: 'Carlos Ruiz' });
    expect((await s.falla('revision:marcar', { numero: n.paz, veredicto: 'correcto' }, 'carlos')).message).toMatch(/anulado/);
    // Annulled radicados are out of the week's figures.
    const inf: InformeSemanal = await s.ok('informe:semanal', { semana: '2026-W47' }, 'carlos');
    expect(inf.totales.radicados).toBe(5);
    // Nothing was written by the refusals.
    expect(s.station.db.prepare('SELECT count(*) AS n FROM revisiones').get()).toEqual({ n: 0 });
  });
});

describe('roles y retroalimentación', () => {
  it('solo coordinación revisa, informa y ve el tablero; cada funcionaria ve solo lo suyo', async () => {
    await estacion();
    const n = await semanaConTutela();
    for (const [canal, payload] of [
      ['revision:cola', { semana: 'actual' }],
      ['revision:marcar', { numero: n.tutela, veredicto: 'correcto' }],
      ['informe:semanal', { semana: 'actual' }],
      ['informe:archivo', { semana: 'actual', formato: 'csv' }],
      ['tablero:obtener', {}],
    ] as const) {
      expect(await s.falla(canal, payload, 'laura'), canal).toMatchObject({ code: 'NO_AUTORIZADO' });
    }
    await s.ok('revision:marcar', { numero: n.tutela, veredicto: 'incorrecto', tipoCorrecto: 'TUT', observacion: 'Las tutelas van como TUT.' }, 'carlos');
    await s.ok('revision:marcar', { numero: n.queja, veredicto: 'incorrecto', dependenciaCorrecta: '500', observacion: 'Pedro: tesorería es Hacienda.' }, 'carlos');
    await s.ok('revision:marcar', { numero: n.paz, veredicto: 'correcto' }, 'carlos');

    const laura: Retroalimentacion = await s.ok('revision:mia', {}, 'laura');
    expect(laura).toMatchObject({ funcionario: 'radicador', nombre: 'Laura Gómez' });
    expect(laura.semanas).toHaveLength(8);
    expect(laura.semanas.at(-1)).toMatchObject({ semana: '2026-W47', radicados: 3, revisados: 2, erroresClasificacion: 1, tasaError: 0.5 });
    expect(laura.observaciones.map((o) => o.numero)).toEqual([n.tutela]);
    expect(JSON.stringify(laura)).not.toMatch(/Pedro|pedro|Hacienda/);
    const pedro: Retroalimentacion = await s.ok('revision:mia', { semanas: 2 }, 'pedro');
    expect(pedro.semanas).toHaveLength(2);
    expect(pedro.observaciones.map((o) => o.observacion)).toEqual(['Pedro: tesorería es Hacienda.']);
  });

  it('el tablero cuenta por tipo, canal, dependencia y ventanilla, y la tasa de error por semana', async () => {
    await estacion();
    const n = await semanaConTutela();
    await s.ok('revision:marcar', { numero: n.tutela, veredicto: 'incorrecto', tipoCorrecto: 'TUT' }, 'carlos');
    const t: Tablero = await s.ok('tablero:obtener', { semanas: 4 }, 'carlos');
    expect(t.semanas).toEqual(['2026-W44', '2026-W45', '2026-W46', '2026-W47']);
    expect(t.porTipo[0]).toEqual({ codigo: 'PET-GEN', nombre: expect.stringMatching(/Petición general/), cantidad: 3 });
    expect(t.porTipo.reduce((a, c) => a + c.cantidad, 0)).toBe(6);
    expect(t.porCanal).toEqual([{ codigo: 'presencial', nombre: 'Presencial (ventanilla)', cantidad: 6 }]);
    expect(t.porVentanilla).toEqual([{ codigo: '01-03', nombre: 'Sede 01 · ventanilla 03', cantidad: 6 }]);
    expect(t.porDependencia.find((d) => d.codigo === '300')!.cantidad).toBe(3);
    expect(t.serie.at(-1)).toMatchObject({ semana: '2026-W47', radicados: 6, revisados: 1, tasaError: 1 });
  });
});

describe('puntajes del clasificador para la cola', () => {
  it('se calculan en segundo plano una vez por modelo y la cola los lee', async () => {
    await estacion();
    await semanaConTutela();
    const revision = s.station.services.revision;
    expect(revision.precalcular(4)).toBe(4);
    expect(revision.precalcular()).toBe(2);
    expect(revision.precalcular()).toBe(0);
    const db = s.station.db;
    const versiones = () => db.prepare('SELECT DISTINCT version FROM puntajes_clasificador').all();
    expect(versiones()).toHaveLength(1);
    // A cached score is what the queue uses (here: one doctored to point elsewhere).
    db.prepare("UPDATE puntajes_clasificador SET puntajes = ? WHERE numero = (SELECT numero FROM radicados WHERE asunto LIKE 'Felicito%')").run(
      JSON.stringify({ tipo: [{ codigo: 'DEN', probabilidad: 0.95 }], dependencia: [] }),
    );
    const cola: ColaRevision = await s.ok('revision:cola', { semana: 'actual', modo: 'riesgo' }, 'carlos');
    expect(cola.items.find((i) => i.asunto.startsWith('Felicito'))!.clasificador.tipo).toEqual({ codigo: 'DEN', probabilidad: 0.95 });
    // A new model makes every score stale: the background job scores them again.
    for (let i = 0; i < 20; i++) await radicar('laura', `Solicito paz y salvo predial ${i}`, 'PET-GEN', '300');
    await s.ok('clasificador:entrenar', {});
    expect(revision.precalcular(1000)).toBe(26);
    expect(versiones()).toHaveLength(1);
  });
});

describe('las correcciones alimentan el clasificador', () => {
  it('tras marcar, el reentrenamiento toca y la sugerencia cambia', async () => {
    await estacion();
    // The clerks file water-meter complaints as general petitions; the coordinator says they are reclamos.
    const medidor: string[] = [];
    for (let i = 0; i < 30; i++) {
      medidor.push(await radicar('laura', `El medidor de agua del predio ${i} marca consumos que no corresponden`, 'PET-GEN', '800'));
      await radicar('pedro', `Solicito copia del certificado de residencia número ${i}`, 'PET-DOC', '600');
    }
    await s.ok('clasificador:entrenar', {});
    const antes = await s.ok('clasificador:sugerir', { texto: 'el medidor de agua marca consumos que no corresponden' });
    expect(antes.tipos[0].codigo).toBe('PET-GEN');
    expect(s.station.services.clasificacion.debeReentrenar()).toBe(false);
    for (const numero of medidor) await s.ok('revision:marcar', { numero, veredicto: 'incorrecto', tipoCorrecto: 'REC' }, 'carlos');
    expect(s.station.services.clasificacion.debeReentrenar()).toBe(true);
    await s.station.services.clasificacion.reentrenarSiToca();
    const despues = await s.ok('clasificador:sugerir', { texto: 'el medidor de agua marca consumos que no corresponden' });
    expect(despues.tipos[0].codigo).toBe('REC');
    const estado = await s.ok('clasificador:estado', {});
    expect(estado.modelos.find((m: { objetivo: string }) => m.objetivo === 'tipo').metricas.fuentes).toMatchObject({ revisados: 30 });
  });
});
