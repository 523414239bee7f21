/**
 * Coordinator mode: the review's queue, marks, weekly report and dashboard read the consolidated
 * data on PostgreSQL through FuenteRevisionCentral (the same FuenteRevision interface), so they
 * span every station; a mark made there goes back to the radicado's station.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { randomUUID } from 'node:crypto';
import { iniciarPostgres, type PostgresPrueba } from './postgres';
import { estacionPrueba, type EstacionPrueba } from './estaciones';
import { migrar } from '../../../electron/central/esquema';
import { registrarCoordinador } from '../../../electron/central/registro';
import { FuenteRevisionCentral } from '../../../electron/central/fuenteCentral';
import type { ColaRevision, InformeSemanal, Tablero } from '../../../shared/domain/revision';
import { nombreFuente, type FuenteDesempeno } from '../../../shared/sugerencias/desempeno';

// Monday of ISO week 2026-W47 (16–22 November), 09:00 in Bogotá.
const LUNES_W47 = Date.parse('2026-11-16T14:00:00Z');

let pgp: PostgresPrueba;
let admin: string;
let a: EstacionPrueba;
let b: EstacionPrueba;
let coord: EstacionPrueba;
let fuente: FuenteRevisionCentral;
let urlCoordinadora: string;
const n: Record<string, string> = {};

beforeAll(async () => {
  pgp = await iniciarPostgres();
  admin = pgp.adminUrl;
  await migrar(admin);
  a = await estacionPrueba('01', '03', { now: LUNES_W47 });
  b = await estacionPrueba('02', '01', { now: LUNES_W47 });
  const radicar = async (e: EstacionPrueba, asunto: string, tipo: string, dependencia: string) => {
    e.advance(3_600_000);
    const r = await e.ok('radicacion:radicar', {
      remitente: { tipoDocumento: 'CC', numeroDocumento: '79111222', nombres: 'Jorge Díaz', telefono: null, correo: null, direccion: null, autorizaDatos: true },
      canal: 'presencial', asunto, tipo, dependencia, folios: 1, anexos: null,
    });
    return r.numero as string;
  };
  n.aPaz = await radicar(a, 'Solicito paz y salvo del impuesto predial', 'PET-GEN', '300');
  n.aQueja = await radicar(a, 'Queja por el trato en la ventanilla de tesorería', 'PET-GEN', '300');
  n.aCopia = await radicar(a, 'Solicito copia del certificado de estratificación', 'PET-DOC', '600');
  n.bAlumbrado = await radicar(b, 'Solicito reparación del alumbrado público del barrio', 'PET-GEN', '800');
  n.bFelicito = await radicar(b, 'Felicito a la funcionaria de atención al ciudadano', 'FEL', '100');
  // A mark made on station A (it replicates like any other write).
  await a.ok('revision:marcar', { numero: n.aQueja, veredicto: 'incorrecto', tipoCorrecto: 'QUE', dependenciaCorrecta: null, observacion: 'Es una queja' }, 'coord');
  await a.replicador({ url: admin }).pasada();
  await b.replicador({ url: admin }).pasada();
  urlCoordinadora = (await registrarCoordinador(admin, 'carla')).url;
  fuente = new FuenteRevisionCentral(urlCoordinadora);
  coord = await estacionPrueba('01', '09', { now: LUNES_W47 + 4 * 86_400_000, fuenteRevision: fuente });
});

afterAll(async () => {
  for (const e of [a, b, coord]) e?.cerrar();
  await fuente?.cerrar();
  await pgp?.cerrar();
});

describe('revisión consolidada en el servidor central', () => {
  it('la cola de la semana tiene los radicados de las dos estaciones, con la marca hecha en la estación A', async () => {
    const cola: ColaRevision = await coord.ok('revision:cola', { semana: '2026-W47', modo: 'todo' }, 'coord');
    expect(cola.total).toBe(5);
    expect(cola.ventanillas).toEqual([
      { sede: '01', ventanilla: '03' },
      { sede: '02', ventanilla: '01' },
    ]);
    expect(cola.items.map((i) => i.numero).sort()).toEqual(Object.values(n).sort());
    expect(cola.items.find((i) => i.numero === n.aQueja)!.marca).toMatchObject({ veredicto: 'incorrecto', tipoCorrecto: 'QUE' });
    const soloB: ColaRevision = await coord.ok('revision:cola', { semana: '2026-W47', modo: 'todo', sede: '02' }, 'coord');
    expect(soloB.items.map((i) => i.numero).sort()).toEqual([n.bAlumbrado, n.bFelicito].sort());
  });

  it('una marca del coordinador se guarda en el central y vuelve a la estación B', async () => {
    await coord.ok('revision:marcar', { numero: n.bAlumbrado, veredicto: 'incorrecto', tipoCorrecto: null, dependenciaCorrecta: '300', observacion: 'Es de Hacienda' }, 'coord');
    expect(coord.ctx.db.prepare('SELECT count(*) FROM revisiones').pluck().get()).toBe(0); // not on the coordinator's own station
    expect(await b.replicador({}).pasada()).toMatchObject({ recibidos: 1 });
    expect(b.ctx.db.prepare('SELECT origen, dependencia_correcta, revisor_nombre FROM revisiones').all()).toEqual([
      { origen: 'central', dependencia_correcta: '300', revisor_nombre: 'Carla Coordinadora' },
    ]);
  });

  it('el informe semanal calculado por el central abarca las dos estaciones', async () => {
    const informe: InformeSemanal = await coord.ok('informe:semanal', { semana: '2026-W47' }, 'coord');
    expect(informe.sedes).toEqual(['01', '02']);
    expect(informe.totales).toMatchObject({ radicados: 5, revisados: 2, erroresClasificacion: 1, erroresDireccionamiento: 1 });
    expect(informe.ventanillas.map((v) => [v.sede, v.ventanilla, v.radicados, v.revisados])).toEqual([
      ['01', '03', 3, 1],
      ['02', '01', 2, 1],
    ]);
    expect(informe.confusion).toEqual([{ de: 'PET-GEN', a: 'QUE', cantidad: 1 }]);
    expect(informe.direccionamiento).toEqual([{ de: '800', a: '300', cantidad: 1 }]);
    expect(informe.observaciones.map((o) => o.numero).sort()).toEqual([n.aQueja, n.bAlumbrado].sort());
    const ultima = informe.tendencia.at(-1)!;
    expect(ultima).toMatchObject({ semana: '2026-W47', radicados: 5, revisados: 2 });
    expect(informe.tendencia.slice(0, -1).every((p) => p.radicados === 0)).toBe(true);

    const tablero: Tablero = await coord.ok('tablero:obtener', { hasta: '2026-W47', semanas: 2 }, 'coord');
    expect(tablero.porVentanilla.map((c) => [c.codigo, c.cantidad])).toEqual([
      ['01-03', 3],
      ['02-01', 2],
    ]);
  });

  it('un coordinador limitado a una sede solo ve esa sede', async () => {
    const soloSede1 = new FuenteRevisionCentral(urlCoordinadora, { sedes: ['01'] });
    try {
      const filas = await soloSede1.resumen({ inicioMs: LUNES_W47 - 86_400_000, finMs: LUNES_W47 + 7 * 86_400_000 });
      expect(filas.map((f) => f.sede)).toEqual(['01', '01', '01']);
      expect(await soloSede1.radicado(n.bFelicito!)).toBeNull();
    } finally {
      await soloSede1.cerrar();
    }
  });

  it('la base de datos misma limita a un coordinador a sus sedes, aun con SQL propio', async () => {
    const { url } = await registrarCoordinador(admin, 'sede1', ['01']);
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    try {
      const sedes = (await c.query<{ sede: string }>('SELECT DISTINCT sede FROM radica.radicados ORDER BY 1')).rows.map((r) => r.sede);
      expect(sedes).toEqual(['01']);
      const marcas = (await c.query<{ numero: string }>('SELECT numero FROM radica.revisiones')).rows.map((r) => r.numero);
      expect(marcas.every((m) => m.includes('-01'))).toBe(true);
      const marca = { uid: randomUUID(), numero: n.bFelicito, veredicto: 'correcto', revisor: 'sede1', revisorNombre: 'Sede 1', revisadoEn: 1 };
      await expect(c.query('SELECT radica.marcar_central($1::jsonb)', [JSON.stringify(marca)])).rejects.toThrow(/No existe el radicado/);
    } finally {
      await c.end();
    }
    // Through the review's interface too, with no client-side filter; and the stations' view.
    const soloSede1 = new FuenteRevisionCentral(url);
    try {
      expect(await soloSede1.radicado(n.bFelicito!)).toBeNull();
      expect((await soloSede1.radicado(n.aPaz!))?.numero).toBe(n.aPaz);
      const estaciones = await soloSede1.estaciones();
      expect(estaciones.map((e) => [e.sede, e.ventanilla, e.radicados])).toEqual([['01', '03', 3]]);
      expect(estaciones[0]!.ultimoContacto).toBeGreaterThan(0);
    } finally {
      await soloSede1.cerrar();
    }
    // An unrestricted coordinator (and the administrator) still see both sedes.
    const todas = new pg.Client({ connectionString: urlCoordinadora });
    await todas.connect();
    try {
      expect((await todas.query('SELECT DISTINCT sede FROM radica.radicados ORDER BY 1')).rows.map((r) => r.sede)).toEqual(['01', '02']);
      expect((await todas.query('SELECT sede FROM radica.estado_estaciones()')).rows.map((r) => r.sede)).toEqual(['01', '02']);
    } finally {
      await todas.end();
    }
    await expect(registrarCoordinador(admin, 'mala', ['x1'])).rejects.toThrow(/--sedes/);
  });

  it('el usuario del coordinador lee y marca, pero no escribe radicados', async () => {
    const c = new pg.Client({ connectionString: urlCoordinadora });
    await c.connect();
    try {
      await expect(c.query(`UPDATE radica.radicados SET asunto = 'x'`)).rejects.toMatchObject({ code: '42501' });
      await expect(c.query('SELECT * FROM radica.remitentes')).rejects.toMatchObject({ code: '42501' });
      await expect(c.query('SELECT * FROM radica.ejemplos_importados')).rejects.toMatchObject({ code: '42501' });
      await expect(c.query(`SELECT radica.recibir_lote('{}'::jsonb)`)).rejects.toMatchObject({ code: '42501' });
    } finally {
      await c.end();
    }
  });
});

describe('sugerencias de todas las ventanillas (esquema v5)', () => {
  it('«En la ventanilla» del coordinador suma lo sugerido en cada estación, con el modelo propio de cada una', async () => {
    const remitente = { tipoDocumento: 'CC', numeroDocumento: '79111222', nombres: 'Jorge Díaz', telefono: null, correo: null, direccion: null, autorizaDatos: true };
    const conSugerencia = async (e: EstacionPrueba, asunto: string, tipo: string, dependencia: string, extra = {}) => {
      e.advance(3_600_000);
      const sugerencia = await e.ok('clasificador:sugerir', { texto: asunto });
      return (await e.ok('radicacion:radicar', { remitente, canal: 'presencial', asunto, tipo, dependencia, folios: 1, anexos: null, sugerencia, ...extra })).numero as string;
    };
    // A: the catalog's phrases suggest TUT and 110; the clerk takes both.
    const tutela = await conSugerencia(a, 'Acción de tutela del Juzgado 3 Civil', 'TUT', '110', { termino: { cantidad: 48, unidad: 'horas' } });
    // B: its own model (trained on a previous system's texts) suggests COM; the clerk takes it.
    const barrios = ['El Carmen', 'Santa Ana', 'Bellavista', 'San Isidro'];
    const filas = barrios.flatMap((x, i) => [
      { texto: `Permiso de operación de bicitaxi en el barrio ${x}, vehículo ${i}`, tipo: 'COM', dependencia: '900' },
      { texto: `Solicito arreglo del alumbrado del parque del barrio ${x}`, tipo: 'PET-GEN', dependencia: '800' },
      { texto: `Certificado de residencia para el barrio ${x}, número ${i}`, tipo: 'PET-DOC', dependencia: '500' },
    ]);
    await b.ok('clasificador:importar', { origen: 'anterior.csv', filas });
    await b.ok('clasificador:entrenar', {});
    const bicitaxi = await conSugerencia(b, 'Permiso de operación de bicitaxi en el barrio La Inmaculada', 'COM', '900');
    for (const e of [a, b]) await e.replicador({ url: admin }).pasada();

    // Every radicado sent by this version has its row; those without a suggestion, with nulls.
    const adm = new pg.Client({ connectionString: admin });
    await adm.connect();
    let filasCentrales;
    try {
      filasCentrales = (await adm.query<{ numero: string; tipo_modelo: string | null; tipo_sugerido: string | null }>('SELECT numero, tipo_modelo, tipo_sugerido FROM radica.sugerencias ORDER BY numero')).rows;
    } finally {
      await adm.end();
    }
    expect(filasCentrales).toHaveLength(7);
    expect(filasCentrales.filter((f) => f.tipo_sugerido !== null)).toEqual([
      { numero: tutela, tipo_modelo: null, tipo_sugerido: 'TUT' },
      { numero: bicitaxi, tipo_modelo: 'local/1', tipo_sugerido: 'COM' },
    ]);

    // The coordinator reviews B's radicado: it was a petición general.
    await coord.ok('revision:marcar', { numero: bicitaxi, veredicto: 'incorrecto', tipoCorrecto: 'PET-GEN', dependenciaCorrecta: null, observacion: null }, 'coord');
    const d = await coord.ok('clasificador:desempeno', { hasta: '2026-W47', semanas: 1 }, 'coord');
    expect(d).toMatchObject({ alcance: 'central', semanas: ['2026-W47'], radicados: 7 });
    const tipo = d.objetivos[0];
    expect(tipo.sinSugerencia).toBe(5);
    expect(tipo.fuentes.map((f: FuenteDesempeno) => [nombreFuente(f), f.sugeridas, f.aceptadas, f.acertadas, f.corregidasTrasAceptar])).toEqual([
      ['Sede 02 · ventanilla 01, versión 1', 1, 1, 0, 1],
      ['Frases del catálogo', 1, 1, 1, 0],
    ]);
    expect(tipo.confusiones).toEqual([expect.objectContaining({ sugerido: 'COM', final: 'PET-GEN', numeros: [bicitaxi] })]);

    // The week's report carries them too, narrowed to the sede it is asked for.
    const informe = await coord.ok('informe:semanal', { semana: '2026-W47' }, 'coord');
    expect(informe.sugerencias).toEqual({ alcance: 'central', radicados: 7, objetivos: d.objetivos });
    const deSede2 = await coord.ok('informe:semanal', { semana: '2026-W47', sede: '02' }, 'coord');
    expect(deSede2.sugerencias.radicados).toBe(deSede2.totales.radicados);
    expect(deSede2.sugerencias.objetivos[0].fuentes.map((f: FuenteDesempeno) => nombreFuente(f))).toEqual(['Sede 02 · ventanilla 01, versión 1']);

    // A coordinator of sede 01 sees only its windows' suggestions, whatever SQL she runs.
    const { url } = await registrarCoordinador(admin, 'sugerencias1', ['01']);
    const soloSede1 = new FuenteRevisionCentral(url);
    try {
      const { usos, modelos } = await soloSede1.usosSugerencias({ inicioMs: LUNES_W47, finMs: LUNES_W47 + 7 * 86_400_000 });
      expect(usos.map((u) => u.numero)).toContain(tutela);
      expect(usos.map((u) => u.numero)).not.toContain(bicitaxi);
      expect(modelos).toEqual([]);
    } finally {
      await soloSede1.cerrar();
    }
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    try {
      expect((await c.query('SELECT numero FROM radica.sugerencias WHERE numero = $1', [bicitaxi])).rows).toEqual([]);
    } finally {
      await c.end();
    }
  });

  it('una estación de la versión anterior (sin «sugerencias» en el lote) sigue enviando; sus radicados no cuentan', async () => {
    const e = await estacionPrueba('03', '01', { now: LUNES_W47 });
    try {
      e.advance(3_600_000);
      const r = await e.ok('radicacion:radicar', {
        remitente: { tipoDocumento: 'CC', numeroDocumento: '1020304', nombres: 'Ana Ruiz', telefono: null, correo: null, direccion: null, autorizaDatos: true },
        canal: 'presencial', asunto: 'Solicito paz y salvo', tipo: 'PET-GEN', dependencia: '300', folios: 1, anexos: null,
      });
      // Sent as a v4 station sends it: the same call, without the key.
      await e.replicador({ url: admin, ajustarLote: (lote) => delete lote.sugerencias }).pasada();
      const c = new pg.Client({ connectionString: admin });
      await c.connect();
      try {
        expect((await c.query('SELECT 1 FROM radica.radicados WHERE numero = $1', [r.numero])).rowCount).toBe(1);
        expect((await c.query('SELECT 1 FROM radica.sugerencias WHERE numero = $1', [r.numero])).rowCount).toBe(0);
      } finally {
        await c.end();
      }
      const d = await coord.ok('clasificador:desempeno', { hasta: '2026-W47', semanas: 1 }, 'coord');
      expect(d.radicados).toBe(7);
    } finally {
      e.cerrar();
    }
  });
});
