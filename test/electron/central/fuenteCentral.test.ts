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
