import { afterEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import path from 'node:path';
import { radicacion, tempStation } from './helpers';
import { ARCHIVO_BASE } from '../../electron/store/db';

let s: ReturnType<typeof tempStation>;
afterEach(() => s?.close());

describe('primera configuración y sesiones', () => {
  it('una estación sin configurar lo dice en español y no radica', async () => {
    s = tempStation();
    const estado = await s.ok('estacion:estado', {});
    expect(estado).toMatchObject({ inicializada: false, usuarios: [], sesion: null });
    s.station.router.fijarSesion('test', { usuario: 'x', nombre: 'X', rol: 'administrador' });
    const r = await s.call('radicacion:radicar', radicacion());
    expect(r).toMatchObject({ ok: false, error: { code: 'NO_INICIALIZADA' } });
  });

  it('inicializar crea usuarios demo; no se puede inicializar dos veces sin ser administrador', async () => {
    s = tempStation();
    await s.ok('estacion:inicializar', { entidad: 'Alcaldía', sede: '1', ventanilla: '3', usuariosDemo: true }, 'a');
    const estado = await s.ok('estacion:estado', {}, 'a');
    expect(estado.config).toMatchObject({ sede: '01', ventanilla: '03' });
    expect(estado.usuarios.map((u: { rol: string }) => u.rol).sort()).toEqual(['administrador', 'coordinador', 'radicador']);
    const again = await s.call('estacion:inicializar', { entidad: 'Otra', sede: '02', ventanilla: '01' }, 'b');
    expect(again).toMatchObject({ ok: false, error: { code: 'CONFLICTO' } });
  });

  it('sin sesión no se radica; PIN errado no revela si el usuario existe', async () => {
    s = tempStation();
    await s.setup();
    expect(await s.call('radicacion:radicar', radicacion(), 'otro')).toMatchObject({ ok: false, error: { code: 'SIN_SESION' } });
    const malPin = await s.call('sesion:iniciar', { usuario: 'radicador', pin: '9999' }, 'otro');
    const noExiste = await s.call('sesion:iniciar', { usuario: 'nadie', pin: '9999' }, 'otro');
    expect(malPin).toMatchObject({ ok: false, error: { code: 'SIN_SESION' } });
    expect(noExiste.ok === false && malPin.ok === false && noExiste.error.message === malPin.error.message).toBe(true);
    const u = await s.ok('sesion:iniciar', { usuario: 'radicador', pin: '1234' }, 'otro');
    expect(u).toEqual({ usuario: 'radicador', nombre: 'Laura Gómez', rol: 'radicador' });
    expect((await s.call('radicacion:radicar', radicacion(), 'otro')).ok).toBe(true);
    await s.ok('sesion:cerrar', {}, 'otro');
    expect((await s.call('radicacion:radicar', radicacion(), 'otro')).ok).toBe(false);
  });

  it('tras 5 PIN errados el usuario espera un minuto', async () => {
    s = tempStation();
    await s.setup();
    for (let i = 0; i < 5; i++) await s.call('sesion:iniciar', { usuario: 'radicador', pin: '0000' }, 'x');
    const bloqueado = await s.call('sesion:iniciar', { usuario: 'radicador', pin: '1234' }, 'x');
    expect(bloqueado).toMatchObject({ ok: false, error: { message: expect.stringContaining('Demasiados intentos') } });
    s.advance(61_000);
    expect((await s.call('sesion:iniciar', { usuario: 'radicador', pin: '1234' }, 'x')).ok).toBe(true);
  });

  it('un canal desconocido se rechaza', async () => {
    s = tempStation();
    expect(await s.call('fs:leer', {})).toMatchObject({ ok: false, error: { code: 'CANAL_DESCONOCIDO' } });
    expect(await s.call('__proto__', {})).toMatchObject({ ok: false, error: { code: 'CANAL_DESCONOCIDO' } });
  });
});

describe('radicar', () => {
  it('numera consecutivamente y calcula el vencimiento', async () => {
    s = tempStation({ now: Date.parse('2026-07-08T14:00:00Z') });
    await s.setup();
    const a = await s.ok('radicacion:radicar', radicacion());
    s.advance(60_000);
    const b = await s.ok('radicacion:radicar', radicacion({ tipo: 'PET-DOC' }));
    expect(a).toMatchObject({ numero: '2026-0103-000001', consecutivo: 1, venceEl: '2026-07-31', estado: 'ACTIVO', tipoNombre: expect.stringContaining('Petición general') });
    expect(b).toMatchObject({ numero: '2026-0103-000002', venceEl: '2026-07-24' }); // 13 and 20 July are holidays
    expect(a.radicadorNombre).toBe('Administración TI');
  });

  it('el consecutivo se reinicia con la primera radicación del año (hora de Bogotá)', async () => {
    s = tempStation({ now: Date.parse('2027-01-01T04:58:00Z') }); // 31/12/2026 23:58 Bogotá
    await s.setup();
    expect((await s.ok('radicacion:radicar', radicacion())).numero).toBe('2026-0103-000001');
    expect((await s.ok('radicacion:radicar', radicacion())).numero).toBe('2026-0103-000002');
    s.setNow(Date.parse('2027-01-01T05:00:30Z')); // 01/01/2027 00:00:30 Bogotá
    expect((await s.ok('radicacion:radicar', radicacion())).numero).toBe('2027-0103-000001');
    const v = await s.ok('estacion:verificar', {});
    expect(v.ok).toBe(true);
    expect(v.series.map((x: { serie: string; total: number }) => [x.serie, x.total])).toEqual([['2026-0103', 2], ['2027-0103', 1]]);
  });

  it('errores de validación en español, por campo, y nada se guarda', async () => {
    s = tempStation();
    await s.setup();
    const r = await s.call('radicacion:radicar', radicacion({ asunto: '   ', folios: -1 }, { correo: 'no-es-correo', autorizaDatos: false }));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('VALIDACION');
    expect(r.error.campos).toMatchObject({
      asunto: 'Asunto es obligatorio.',
      folios: 'Folios no puede ser negativo.',
      'remitente.correo': expect.stringContaining('Correo electrónico'),
      'remitente.autorizaDatos': expect.stringContaining('autorización'),
    });
    const tipoMalo = await s.call('radicacion:radicar', radicacion({ tipo: 'NOPE' }));
    expect(tipoMalo).toMatchObject({ ok: false, error: { code: 'VALIDACION', campos: { tipo: expect.any(String) } } });
    expect(tipoMalo.ok === false && tipoMalo.error.message).toMatch(/no existe en el catálogo/);
    const depMala = await s.call('radicacion:radicar', radicacion({ dependencia: '999' }));
    expect(depMala).toMatchObject({ ok: false, error: { campos: { dependencia: expect.any(String) } } });
    const cedulaConLetras = await s.call('radicacion:radicar', radicacion({}, { numeroDocumento: '12AB' }));
    expect(cedulaConLetras).toMatchObject({ ok: false, error: { campos: { 'remitente.numeroDocumento': expect.stringContaining('dígitos') } } });
    const v = await s.ok('estacion:verificar', {});
    expect(v.series).toEqual([]);
  });

  it('tutela exige el término del juzgado; un tipo de ley no acepta otro término', async () => {
    s = tempStation({ now: Date.parse('2026-07-08T21:00:00Z') }); // 16:00 Bogotá
    await s.setup();
    const sin = await s.call('radicacion:radicar', radicacion({ tipo: 'TUT', dependencia: '110' }));
    expect(sin).toMatchObject({ ok: false, error: { campos: { termino: expect.any(String) } } });
    const tut = await s.ok('radicacion:radicar', radicacion({ tipo: 'TUT', dependencia: '110', termino: { cantidad: 48, unidad: 'horas' } }));
    expect(tut).toMatchObject({ termino: 48, unidadTermino: 'horas', venceEl: '2026-07-10', venceEn: Date.parse('2026-07-10T21:00:00Z') });
    const cambiado = await s.call('radicacion:radicar', radicacion({ termino: { cantidad: 30, unidad: 'dias_habiles' } }));
    expect(cambiado).toMatchObject({ ok: false, error: { message: expect.stringContaining('lo fija la ley') } });
    const eco = await s.ok('radicacion:radicar', radicacion({ tipo: 'ECO', dependencia: '120', termino: { cantidad: 3, unidad: 'dias_habiles' } }));
    expect(eco.venceEl).toBe('2026-07-14');
    const com = await s.ok('radicacion:radicar', radicacion({ tipo: 'COM', dependencia: '100' }));
    expect(com).toMatchObject({ venceEl: null, venceEn: null, unidadTermino: 'sin_termino' });
  });

  it('un ciudadano que vuelve se reconoce por su cédula y sus datos se actualizan', async () => {
    s = tempStation();
    await s.setup();
    expect(await s.ok('remitentes:porDocumento', { tipoDocumento: 'CC', numeroDocumento: '1234567' })).toBeNull();
    await s.ok('radicacion:radicar', radicacion());
    expect(await s.ok('remitentes:porDocumento', { tipoDocumento: 'CC', numeroDocumento: '1.234.567' })).toMatchObject({ nombres: 'María Pérez Gómez', telefono: '3001234567' });
    await s.ok('radicacion:radicar', radicacion({}, { telefono: '3109998877' }));
    expect(await s.ok('remitentes:porDocumento', { tipoDocumento: 'CC', numeroDocumento: '1234567' })).toMatchObject({ telefono: '3109998877' });
  });

  it('anónimo: no guarda datos personales', async () => {
    s = tempStation();
    await s.setup();
    const r = await s.ok('radicacion:radicar', radicacion({ tipo: 'DEN', dependencia: '130' }, { tipoDocumento: 'AN', numeroDocumento: '', nombres: 'Alguien', telefono: '300', autorizaDatos: false }));
    expect(r.remitente).toEqual({ tipoDocumento: 'AN', numeroDocumento: '', nombres: 'Anónimo', telefono: null, correo: null, direccion: null, autorizaDatos: false });
  });

  it('cada radicación deja su entrada de auditoría y de outbox en la misma transacción', async () => {
    s = tempStation();
    await s.setup();
    await s.ok('radicacion:radicar', radicacion());
    const db = s.station.db;
    expect(db.prepare("SELECT count(*) AS n FROM auditoria WHERE accion = 'radicar'").get()).toEqual({ n: 1 });
    expect(db.prepare("SELECT entidad, clave, operacion FROM outbox").all()).toEqual([{ entidad: 'radicado', clave: '2026-0103-000001', operacion: 'crear' }]);
  });
});

describe('consulta, búsqueda y anulación', () => {
  async function tres() {
    s = tempStation();
    await s.setup();
    const a = await s.ok('radicacion:radicar', radicacion({ asunto: 'Petición de información sobre el alumbrado del barrio El Carmen' }));
    const b = await s.ok('radicacion:radicar', radicacion({ asunto: 'Queja por ruido de un establecimiento', tipo: 'QUE', dependencia: '500' }, { numeroDocumento: '98765432', nombres: 'José Muñoz Restrepo' }));
    const c = await s.ok('radicacion:radicar', radicacion({ asunto: 'Copia de la licencia de construcción', tipo: 'PET-DOC', dependencia: '400' }));
    return { a, b, c };
  }

  it('busca por número, documento, nombre (sin tildes) y palabras del asunto', async () => {
    const { a, b, c } = await tres();
    const num = (rs: { numero: string }[]) => rs.map((r) => r.numero);
    expect(num(await s.ok('radicacion:buscar', { numero: b.numero }))).toEqual([b.numero]);
    expect(num(await s.ok('radicacion:buscar', { documento: 'CC:1234567' }))).toEqual([c.numero, a.numero]);
    expect(num(await s.ok('radicacion:buscar', { documento: '98765432' }))).toEqual([b.numero]);
    expect(num(await s.ok('radicacion:buscar', { nombre: 'jose munoz' }))).toEqual([b.numero]);
    expect(num(await s.ok('radicacion:buscar', { texto: 'peticion alumbrado' }))).toEqual([a.numero]);
    expect(num(await s.ok('radicacion:buscar', { texto: 'licen' }))).toEqual([c.numero]);
    expect(await s.ok('radicacion:buscar', { texto: 'inexistente' })).toEqual([]);
    const vacio = await s.call('radicacion:buscar', {});
    expect(vacio).toMatchObject({ ok: false, error: { code: 'VALIDACION' } });
    const raro = await s.ok('radicacion:buscar', { texto: '"OR * NEAR(' });
    expect(raro).toEqual([]);
  });

  it('la consulta trae la historia de auditoría y registra el acceso', async () => {
    const { a } = await tres();
    const d = await s.ok('radicacion:consultar', { numero: a.numero.toLowerCase() });
    expect(d.numero).toBe(a.numero);
    expect(d.auditoria.map((e: { accion: string }) => e.accion)).toEqual(['radicar', 'consultar']);
    expect(await s.call('radicacion:consultar', { numero: '2026-0103-999999' })).toMatchObject({ ok: false, error: { code: 'NO_ENCONTRADO' } });
  });

  it('anular exige justificación y aprobador; el número sigue usado y visible como ANULADO', async () => {
    const { a } = await tres();
    const sinJust = await s.call('radicacion:anular', { numero: a.numero, justificacion: 'error', aprobadoPor: 'Jefe' });
    expect(sinJust).toMatchObject({ ok: false, error: { campos: { justificacion: expect.stringContaining('10 caracteres') } } });
    const sinAprob = await s.call('radicacion:anular', { numero: a.numero, justificacion: 'Radicado dos veces por error', aprobadoPor: '' });
    expect(sinAprob).toMatchObject({ ok: false, error: { campos: { aprobadoPor: expect.any(String) } } });
    const r = await s.ok('radicacion:anular', { numero: a.numero, justificacion: 'Radicado dos veces por error', aprobadoPor: 'Jefe de Correspondencia' });
    expect(r).toMatchObject({ estado: 'ANULADO', anulacion: { aprobadoPor: 'Jefe de Correspondencia', anuladoPor: 'admin' } });
    const otra = await s.call('radicacion:anular', { numero: a.numero, justificacion: 'Radicado dos veces por error', aprobadoPor: 'Jefe' });
    expect(otra).toMatchObject({ ok: false, error: { code: 'CONFLICTO' } });
    expect((await s.ok('radicacion:buscar', { numero: a.numero }))[0].estado).toBe('ANULADO');
    const v = await s.ok('estacion:verificar', {});
    expect(v).toMatchObject({ ok: true, series: [{ serie: '2026-0103', desde: 1, hasta: 3, total: 3, anulados: 1 }] });
    // The next number is not the annulled one: numbers are never reused.
    expect((await s.ok('radicacion:radicar', radicacion())).consecutivo).toBe(4);
  });

  it('el radicador encuentra por texto sus radicados antiguos aunque otros funcionarios tengan miles más recientes', async () => {
    s = tempStation();
    await s.setup();
    await s.ok('sesion:iniciar', { usuario: 'radicador', pin: '1234' }, 'laura');
    const propio = await s.ok('radicacion:radicar', radicacion({ asunto: 'Solicitud de poda de árboles' }), 'laura');
    // Another clerk's 1,200 newer radicados, all with "Solicitud" in the asunto.
    const otros = Array.from({ length: 1200 }, (_, i) => ({ ...radicacion({ asunto: `Solicitud número ${i}` }), anexos: null, termino: null }));
    const otro = { usuario: 'pedro', nombre: 'Pedro', rol: 'radicador' as const };
    s.station.services.radicacion.radicarLote(otros as never, otro, (i) => Date.parse('2026-07-08T15:00:00Z') + i, false);
    const rs = await s.ok('radicacion:buscar', { texto: 'solicitud', limite: 10 }, 'laura');
    expect(rs.map((r: { numero: string }) => r.numero)).toEqual([propio.numero]);
  });

  it('roles: el radicador no anula ni ve radicados de otros funcionarios', async () => {
    const { a } = await tres();
    await s.ok('sesion:iniciar', { usuario: 'radicador', pin: '1234' }, 'laura');
    const r = await s.call('radicacion:anular', { numero: a.numero, justificacion: 'Radicado dos veces por error', aprobadoPor: 'Jefe' }, 'laura');
    expect(r).toMatchObject({ ok: false, error: { code: 'NO_AUTORIZADO', message: expect.stringContaining('coordinador') } });
    expect(await s.call('radicacion:consultar', { numero: a.numero }, 'laura')).toMatchObject({ ok: false, error: { code: 'NO_AUTORIZADO' } });
    expect(await s.ok('radicacion:buscar', { documento: 'CC:1234567' }, 'laura')).toEqual([]);
    const propio = await s.ok('radicacion:radicar', radicacion(), 'laura');
    expect((await s.ok('radicacion:buscar', { documento: 'CC:1234567' }, 'laura')).map((x: { numero: string }) => x.numero)).toEqual([propio.numero]);
    expect(await s.call('estacion:verificar', {}, 'laura')).toMatchObject({ ok: false, error: { code: 'NO_AUTORIZADO' } });
    await s.ok('sesion:iniciar', { usuario: 'coordinador', pin: '1234' }, 'carlos');
    expect((await s.call('radicacion:anular', { numero: a.numero, justificacion: 'Radicado dos veces por error', aprobadoPor: 'Carlos Ruiz' }, 'carlos')).ok).toBe(true);
    expect(await s.call('usuarios:crear', { usuario: 'nuevo', nombre: 'N', rol: 'radicador', pin: '1234' }, 'carlos')).toMatchObject({ ok: false, error: { code: 'NO_AUTORIZADO' } });
  });
});

describe('verificar detecta manipulaciones', () => {
  it('un radicado editado por fuera de Radica rompe la cadena de auditoría', async () => {
    s = tempStation();
    await s.setup();
    await s.ok('radicacion:radicar', radicacion());
    await s.ok('radicacion:radicar', radicacion());
    expect((await s.ok('estacion:verificar', {})).ok).toBe(true);
    const raw = new Database(path.join(s.dir, ARCHIVO_BASE));
    raw.exec('DROP TRIGGER radicados_sin_cambios');
    raw.exec("UPDATE radicados SET dependencia = '100' WHERE consecutivo = 1");
    raw.close();
    const v = await s.ok('estacion:verificar', {});
    expect(v.ok).toBe(false);
    expect(v.auditoria.valida).toBe(false);
    expect(v.problemas.join(' ')).toMatch(/cadena de auditoría está rota/);
  });

  it('un hueco en la serie se nombra', async () => {
    s = tempStation();
    await s.setup();
    await s.ok('radicacion:radicar', radicacion());
    s.station.db.exec('UPDATE series SET ultimo = ultimo + 1');
    await s.ok('radicacion:radicar', radicacion());
    const v = await s.ok('estacion:verificar', {});
    expect(v.ok).toBe(false);
    expect(v.problemas.join(' ')).toMatch(/1 huecos; faltan, entre otros: 2/);
  });
});

describe('términos y catálogo', () => {
  it('calcula el término por tipo', async () => {
    s = tempStation();
    await s.setup();
    expect(await s.ok('terminos:calcular', { tipo: 'PET-GEN', desde: '2026-07-08' })).toMatchObject({ venceEl: '2026-07-31', termino: 15 });
    expect(await s.call('terminos:calcular', { tipo: 'PET-GEN', desde: '2026-02-30' })).toMatchObject({ ok: false, error: { code: 'VALIDACION' } });
    const c = await s.ok('catalogo:obtener', {});
    expect(c.version).toBe(1);
  });
});

describe('impresión: seguir un trabajo y el código de verificación', () => {
  it('radicar devuelve el código de verificación; el trabajo se sigue por su id, solo si el radicado es visible', async () => {
    s = tempStation();
    await s.setup();
    const r = await s.ok('radicacion:radicar', radicacion());
    expect(r.codigoVerificacion).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    expect((await s.ok('radicacion:consultar', { numero: r.numero })).codigoVerificacion).toBe(r.codigoVerificacion);
    expect(await s.ok('sticker:verificarCodigo', { numero: r.numero, codigo: r.codigoVerificacion })).toEqual({ valido: true, numero: r.numero });
    // The default printer writes PDFs into the data folder: no network needed.
    const t = await s.ok('sticker:imprimir', { numero: r.numero });
    expect(t.estado).toBe('impreso');
    expect(await s.ok('impresion:trabajo', { trabajo: t.id })).toMatchObject({ id: t.id, numero: r.numero, estado: 'impreso' });
    expect(await s.call('impresion:trabajo', { trabajo: 9999 })).toMatchObject({ ok: false, error: { code: 'NO_ENCONTRADO' } });
    await s.ok('sesion:iniciar', { usuario: 'radicador', pin: '1234' }, 'laura');
    expect(await s.call('impresion:trabajo', { trabajo: t.id }, 'laura')).toMatchObject({ ok: false, error: { code: 'NO_AUTORIZADO' } });
  });
});
