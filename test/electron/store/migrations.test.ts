import { afterEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import path from 'node:path';
import { rmSync } from 'node:fs';
import { ARCHIVO_BASE, openDatabase, schemaVersion } from '../../../electron/store/db';
import { migraciones } from '../../../electron/store/migrations';
import { tempDir } from '../helpers';

const dirs: string[] = [];
const dir = () => {
  const d = tempDir();
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('migraciones', () => {
  it('001_inicial crea el esquema y registra user_version', () => {
    const db = openDatabase(dir());
    expect(schemaVersion(db)).toBe(migraciones.length);
    const tablas = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((r) => r.name);
    for (const t of ['configuracion', 'catalogo_versiones', 'usuarios', 'series', 'remitentes', 'radicados', 'anulaciones', 'auditoria', 'outbox', 'radicados_fts', 'remitentes_fts']) {
      expect(tablas).toContain(t);
    }
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(db.pragma('busy_timeout', { simple: true })).toBeGreaterThan(0);
    db.close();
  });

  it('002_impresion crea la cola de impresión y sube una base v1 sin tocar sus datos', () => {
    const d = dir();
    const v1 = openDatabase(d, { migrations: migraciones.slice(0, 1) });
    expect(schemaVersion(v1)).toBe(1);
    v1.exec(`INSERT INTO series (serie, anio, sede, ventanilla, ultimo) VALUES ('2026-0103', 2026, '01', '03', 1);
      INSERT INTO remitentes (tipo_documento, numero_documento, nombres, autoriza_datos, actualizado_en) VALUES ('CC', '1', 'X', 1, 0);
      INSERT INTO radicados (numero, serie_id, consecutivo, fecha_hora, radicador, remitente_id, canal, asunto, tipo, dependencia, folios, unidad_termino, catalogo_version)
        VALUES ('2026-0103-000001', 1, 1, 0, 'u', 1, 'presencial', 'asunto', 'PET-GEN', '300', 1, 'dias_habiles', 1);`);
    v1.close();
    const db = openDatabase(d);
    expect(schemaVersion(db)).toBe(migraciones.length);
    expect(db.prepare('SELECT numero FROM radicados').all()).toEqual([{ numero: '2026-0103-000001' }]);
    const cols = (db.prepare('PRAGMA table_info(trabajos_impresion)').all() as { name: string }[]).map((c) => c.name);
    expect(cols).toEqual(['id', 'radicado_id', 'impresora', 'impresora_config', 'plantilla', 'documento', 'copia', 'estado', 'intentos', 'ultimo_error', 'creado_en', 'creado_por', 'impreso_en', 'proximo_intento']);
    const insertar = (estado: string, radicado = 1, plantilla = 'recibo-80') =>
      db
        .prepare(`INSERT INTO trabajos_impresion (radicado_id, impresora, impresora_config, plantilla, documento, copia, estado, creado_en, creado_por) VALUES (?, 'p', '{}', ?, 'rotulo', 0, ?, 0, 'u')`)
        .run(radicado, plantilla, estado);
    insertar('pendiente');
    expect(() => insertar('perdido')).toThrow(/CHECK/);
    expect(() => insertar('pendiente', 1, 'a4')).toThrow(/CHECK/);
    expect(() => insertar('pendiente', 99)).toThrow(/FOREIGN KEY/);
    db.close();
  });

  it('003_clasificacion crea modelos, sugerencias y ejemplos importados y sube una base v2 sin tocar sus datos', () => {
    const d = dir();
    const v2 = openDatabase(d, { migrations: migraciones.slice(0, 2) });
    v2.exec(`INSERT INTO series (serie, anio, sede, ventanilla, ultimo) VALUES ('2026-0103', 2026, '01', '03', 1);
      INSERT INTO remitentes (tipo_documento, numero_documento, nombres, autoriza_datos, actualizado_en) VALUES ('CC', '1', 'X', 1, 0);
      INSERT INTO radicados (numero, serie_id, consecutivo, fecha_hora, radicador, remitente_id, canal, asunto, tipo, dependencia, folios, unidad_termino, catalogo_version)
        VALUES ('2026-0103-000001', 1, 1, 0, 'u', 1, 'presencial', 'Acción de tutela', 'TUT', '110', 1, 'horas', 1);`);
    v2.close();
    const db = openDatabase(d, { migrations: migraciones.slice(0, 3) });
    expect(schemaVersion(db)).toBe(3);
    expect(db.prepare('SELECT numero FROM radicados').all()).toEqual([{ numero: '2026-0103-000001' }]);
    const cols = (t: string) => (db.prepare(`PRAGMA table_info(${t})`).all() as { name: string }[]).map((c) => c.name);
    expect(cols('modelos')).toEqual(['id', 'objetivo', 'version', 'creado_en', 'ejemplos', 'metricas', 'contenido']);
    expect(cols('sugerencias')).toEqual(['radicado_id', 'modelo', 'fuente', 'tipo_sugerido', 'tipo_probabilidad', 'tipo_aceptado', 'dependencia_sugerida', 'dependencia_probabilidad', 'dependencia_aceptada', 'detalle']);
    expect(cols('ejemplos_importados')).toEqual(['id', 'texto', 'tipo', 'dependencia', 'peso', 'origen', 'importado_en']);
    const modelo = (objetivo: string, version: number) =>
      db.prepare("INSERT INTO modelos (objetivo, version, creado_en, ejemplos, contenido) VALUES (?, ?, 0, 10, x'00')").run(objetivo, version);
    modelo('tipo', 1);
    modelo('dependencia', 1);
    expect(() => modelo('tipo', 1)).toThrow(/UNIQUE/);
    expect(() => modelo('remitente', 1)).toThrow(/CHECK/);
    const sugerencia = (radicado: number, prob = 0.8, fuente = 'frases') =>
      db
        .prepare("INSERT INTO sugerencias (radicado_id, modelo, fuente, tipo_sugerido, tipo_probabilidad, tipo_aceptado, detalle) VALUES (?, 'frases', ?, 'TUT', ?, 1, '{}')")
        .run(radicado, fuente, prob);
    sugerencia(1);
    expect(() => sugerencia(1)).toThrow(/UNIQUE|PRIMARY/);
    expect(() => sugerencia(99)).toThrow(/FOREIGN KEY/);
    expect(() => db.exec("INSERT INTO ejemplos_importados (texto, origen, importado_en) VALUES ('sin etiqueta', 'csv', 0)")).toThrow(/CHECK/);
    expect(() => db.exec("INSERT INTO ejemplos_importados (texto, tipo, peso, origen, importado_en) VALUES ('x', 'QUE', 0, 'csv', 0)")).toThrow(/CHECK/);
    // The radicado stays append-only: its suggestion lives beside it.
    expect(() => db.exec("UPDATE radicados SET tipo = 'JUD'")).toThrow(/no se modifica/);
    db.close();
  });

  it('005_revision crea las revisiones de solo anexar y sube una base v4 sin tocar sus datos', () => {
    const d = dir();
    const v4 = openDatabase(d, { migrations: migraciones.slice(0, 4) });
    v4.exec(`INSERT INTO series (serie, anio, sede, ventanilla, ultimo) VALUES ('2026-0103', 2026, '01', '03', 1);
      INSERT INTO remitentes (tipo_documento, numero_documento, nombres, autoriza_datos, actualizado_en) VALUES ('CC', '1', 'X', 1, 0);
      INSERT INTO radicados (numero, serie_id, consecutivo, fecha_hora, radicador, remitente_id, canal, asunto, tipo, dependencia, folios, unidad_termino, catalogo_version)
        VALUES ('2026-0103-000001', 1, 1, 0, 'u', 1, 'presencial', 'Acción de tutela', 'PET-GEN', '110', 1, 'dias_habiles', 1);`);
    v4.close();
    const db = openDatabase(d, { migrations: migraciones.slice(0, 5) });
    expect(schemaVersion(db)).toBe(5);
    expect(db.prepare('SELECT numero FROM radicados').all()).toEqual([{ numero: '2026-0103-000001' }]);
    const marcar = (uid: string, veredicto: string, tipo: string | null, dep: string | null, radicado = 1) =>
      db
        .prepare("INSERT INTO revisiones (uid, radicado_id, veredicto, tipo_correcto, dependencia_correcta, revisor, revisor_nombre, revisado_en) VALUES (?, ?, ?, ?, ?, 'c', 'C', 0)")
        .run(uid, radicado, veredicto, tipo, dep);
    marcar('a', 'incorrecto', 'TUT', null);
    marcar('b', 'correcto', null, null);
    expect(() => marcar('a', 'correcto', null, null)).toThrow(/UNIQUE/);
    expect(() => marcar('c', 'incorrecto', null, null)).toThrow(/CHECK/);
    expect(() => marcar('d', 'correcto', 'TUT', null)).toThrow(/CHECK/);
    expect(() => marcar('e', 'dudoso', null, null)).toThrow(/CHECK/);
    expect(() => marcar('f', 'correcto', null, null, 99)).toThrow(/FOREIGN KEY/);
    expect(() => db.exec("UPDATE revisiones SET veredicto = 'correcto'")).toThrow(/no se modifica/);
    expect(() => db.exec('DELETE FROM revisiones')).toThrow(/no se borra/);
    const indices = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'index'").all() as { name: string }[]).map((r) => r.name);
    expect(indices).toEqual(expect.arrayContaining(['radicados_fecha', 'radicados_radicador', 'revisiones_radicado']));
    // The classifier's scores are a cache: replaced when a new model scores the radicado again.
    const puntaje = (version: string) => db.prepare("INSERT OR REPLACE INTO puntajes_clasificador (numero, version, puntajes, calculado_en) VALUES ('2026-0103-000001', ?, '{}', 0)").run(version);
    puntaje('1/1/1');
    puntaje('1/2/2');
    expect(db.prepare('SELECT version FROM puntajes_clasificador').all()).toEqual([{ version: '1/2/2' }]);
    db.close();
  });

  it('006_reler_textos devuelve a la cola los anexos cuyo texto no se pudo leer, sin tocar los demás', () => {
    const d = dir();
    const n = migraciones.findIndex((m) => m.nombre === '006_reler_textos');
    const antes = openDatabase(d, { migrations: migraciones.slice(0, n) });
    antes.exec(`INSERT INTO series (serie, anio, sede, ventanilla, ultimo) VALUES ('2026-0103', 2026, '01', '03', 1);
      INSERT INTO remitentes (tipo_documento, numero_documento, nombres, autoriza_datos, actualizado_en) VALUES ('CC', '1', 'X', 1, 0);
      INSERT INTO radicados (numero, serie_id, consecutivo, fecha_hora, radicador, remitente_id, canal, asunto, tipo, dependencia, folios, unidad_termino, catalogo_version)
        VALUES ('2026-0103-000001', 1, 1, 0, 'u', 1, 'presencial', 'asunto', 'PET-GEN', '300', 1, 'dias_habiles', 1);`);
    const anexo = (id: number, estado: string, texto: string, detalle: string | null) => {
      antes
        .prepare("INSERT INTO anexos (id, radicado_id, sha256, tipo, paginas, bytes, nombre, origen, creado_en, creado_por) VALUES (?, 1, ?, 'application/pdf', 2, 10, 'a.pdf', 'archivo', 0, 'u')")
        .run(id, String(id).repeat(64).slice(0, 64));
      antes.prepare('INSERT INTO anexos_texto (anexo_id, estado, texto, caracteres, motor, ms, detalle, actualizado_en) VALUES (?, ?, ?, ?, ?, 0, ?, 0)').run(id, estado, texto, texto.length, 'm', detalle);
    };
    anexo(1, 'sin_imagenes', '', null); // born digital or all CCITT: read again
    anexo(2, 'hecho', 'solo la primera hoja', JSON.stringify({ paginasSinImagen: 1 })); // half read: read again
    anexo(3, 'hecho', 'todo leído', null);
    anexo(4, 'fallido', '', null);
    anexo(5, 'pendiente', '', null);
    antes.close();
    const db = openDatabase(d, { migrations: migraciones.slice(0, n + 1) });
    expect(schemaVersion(db)).toBe(n + 1);
    expect(db.prepare('SELECT anexo_id AS id, estado, texto FROM anexos_texto ORDER BY anexo_id').all()).toEqual([
      { id: 1, estado: 'pendiente', texto: '' },
      { id: 2, estado: 'pendiente', texto: 'solo la primera hoja' },
      { id: 3, estado: 'hecho', texto: 'todo leído' },
      { id: 4, estado: 'fallido', texto: '' },
      { id: 5, estado: 'pendiente', texto: '' },
    ]);
    // The index of pending work and the text search still agree with the rows.
    expect(db.prepare("SELECT anexo_id FROM anexos_texto WHERE estado = 'pendiente' ORDER BY anexo_id").pluck().all()).toEqual([1, 2, 5]);
    expect(db.prepare("SELECT rowid FROM anexos_fts WHERE anexos_fts MATCH 'primera'").pluck().all()).toEqual([2]);
    db.close();
  });

  it('007_modelos_origen separa los modelos locales de los centrales sin perder filas ni ids', () => {
    const d = dir();
    const n = migraciones.findIndex((m) => m.nombre === '007_modelos_origen');
    const antes = openDatabase(d, { migrations: migraciones.slice(0, n) });
    const modelo = (id: number, objetivo: string, version: number, metricas: string) =>
      antes.prepare("INSERT INTO modelos (id, objetivo, version, creado_en, ejemplos, metricas, contenido) VALUES (?, ?, ?, 0, 10, ?, x'00')").run(id, objetivo, version, metricas);
    modelo(1, 'tipo', 1, JSON.stringify({ accuracy: 0.9, hastaRadicado: 40 })); // trained here
    modelo(2, 'tipo', 2, JSON.stringify({ exactitud: 0.9 })); // pulled from the central store
    modelo(5, 'dependencia', 1, JSON.stringify({ hastaRadicado: 0 }));
    antes.close();
    const db = openDatabase(d, { migrations: migraciones.slice(0, n + 1) });
    expect(db.prepare('SELECT id, objetivo, origen, version FROM modelos ORDER BY id').all()).toEqual([
      { id: 1, objetivo: 'tipo', origen: 'local', version: 1 },
      { id: 2, objetivo: 'tipo', origen: 'central', version: 2 },
      { id: 5, objetivo: 'dependencia', origen: 'local', version: 1 },
    ]);
    const insertar = (objetivo: string, origen: string, version: number) =>
      db.prepare("INSERT INTO modelos (objetivo, origen, version, creado_en, ejemplos, contenido) VALUES (?, ?, ?, 0, 1, x'00')").run(objetivo, origen, version);
    insertar('tipo', 'central', 1); // the same number in the other series
    expect(() => insertar('tipo', 'local', 1)).toThrow(/UNIQUE/);
    expect(() => insertar('tipo', 'otra', 9)).toThrow(/CHECK/);
    expect(db.prepare('SELECT max(id) FROM modelos').pluck().get()).toBe(6);
    db.close();
  });

  it('abrir de nuevo no repite migraciones', () => {
    const d = dir();
    openDatabase(d).close();
    const db = openDatabase(d);
    expect(schemaVersion(db)).toBe(migraciones.length);
    db.close();
  });

  it('una migración que falla no deja nada a medias', () => {
    const d = dir();
    const rota = [...migraciones, { nombre: '999_rota', sql: 'CREATE TABLE nueva (x INTEGER); INSERT INTO no_existe VALUES (1);' }];
    expect(() => openDatabase(d, { migrations: rota })).toThrow();
    const db = new Database(path.join(d, ARCHIVO_BASE));
    expect(schemaVersion(db)).toBe(migraciones.length);
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'nueva'").get()).toEqual({ n: 0 });
    db.close();
  });

  it('rechaza una base de una versión más nueva de Radica, en español', () => {
    const d = dir();
    openDatabase(d).close();
    const raw = new Database(path.join(d, ARCHIVO_BASE));
    raw.pragma(`user_version = ${migraciones.length + 1}`);
    raw.close();
    expect(() => openDatabase(d)).toThrow(/versión más nueva de Radica/);
  });

  it('radicados, anulaciones y auditoría no se modifican ni se borran', () => {
    const db = openDatabase(dir());
    db.exec(`INSERT INTO series (serie, anio, sede, ventanilla, ultimo) VALUES ('2026-0103', 2026, '01', '03', 1);
      INSERT INTO remitentes (tipo_documento, numero_documento, nombres, autoriza_datos, actualizado_en) VALUES ('CC', '1', 'X', 1, 0);
      INSERT INTO radicados (numero, serie_id, consecutivo, fecha_hora, radicador, remitente_id, canal, asunto, tipo, dependencia, folios, unidad_termino, catalogo_version)
        VALUES ('2026-0103-000001', 1, 1, 0, 'u', 1, 'presencial', 'asunto', 'PET-GEN', '300', 1, 'dias_habiles', 1);
      INSERT INTO auditoria (en, actor, accion, hash) VALUES (0, 'u', 'x', x'00');`);
    expect(() => db.exec("UPDATE radicados SET asunto = 'otro'")).toThrow(/no se modifica/);
    expect(() => db.exec('DELETE FROM radicados')).toThrow(/no se borra/);
    expect(() => db.exec("UPDATE auditoria SET actor = 'otro'")).toThrow(/solo anexar/);
    expect(() => db.exec('DELETE FROM auditoria')).toThrow(/solo anexar/);
    expect(() => db.exec("INSERT INTO anulaciones VALUES (1, 'corta', 'Jefe', 'u', 0)")).toThrow(/CHECK/);
    db.close();
  });

  it('búsqueda de texto sin tildes', () => {
    const db = openDatabase(dir());
    db.exec(`INSERT INTO series (serie, anio, sede, ventanilla, ultimo) VALUES ('s', 2026, '01', '03', 1);
      INSERT INTO remitentes (tipo_documento, numero_documento, nombres, autoriza_datos, actualizado_en) VALUES ('CC', '1', 'José Muñoz', 1, 0);
      INSERT INTO radicados (numero, serie_id, consecutivo, fecha_hora, radicador, remitente_id, canal, asunto, tipo, dependencia, folios, unidad_termino, catalogo_version)
        VALUES ('n1', 1, 1, 0, 'u', 1, 'presencial', 'Petición de información sobre el predio', 'PET-GEN', '300', 1, 'dias_habiles', 1);`);
    expect(db.prepare("SELECT rowid FROM radicados_fts WHERE radicados_fts MATCH 'peticion informacion'").all()).toHaveLength(1);
    expect(db.prepare("SELECT rowid FROM remitentes_fts WHERE remitentes_fts MATCH 'jose munoz'").all()).toHaveLength(1);
    db.close();
  });
});
