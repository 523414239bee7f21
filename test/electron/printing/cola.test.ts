import { afterEach, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { radicacion, tempStation } from '../helpers';
import { impresoraTcp, puertoLibre, TransporteFalso, type ImpresoraTcp } from './impresoras';
import { leerSimbolos } from './herramientas';
import { layoutAEscPos } from '../../../electron/printing/escpos';
import { crearTransporte, type FabricaTransportes } from '../../../electron/printing/transports';
import { ESPERAS_REINTENTO_MS } from '../../../electron/services/impresionService';
import type { ImpresoraConfig } from '../../../shared/domain/impresion';

let s: ReturnType<typeof tempStation>;
const impresoras: ImpresoraTcp[] = [];
afterEach(async () => {
  s?.close();
  for (const i of impresoras.splice(0)) await i.close();
});

async function escuchar(o: Parameters<typeof impresoraTcp>[0] = {}) {
  const i = await impresoraTcp(o);
  impresoras.push(i);
  return i;
}

const termica = (uri: string, over: Partial<ImpresoraConfig> = {}): ImpresoraConfig => ({
  id: 'termica',
  nombre: 'Térmica 1',
  uri,
  formato: 'escpos',
  plantilla: 'recibo-80',
  modoCodigos: 'nativo',
  predeterminada: true,
  constancias: true,
  tamano: null,
  ...over,
});

async function configurar(impresoras: ImpresoraConfig[]) {
  const actual = await s.ok('impresion:config', {});
  return s.ok('impresion:configurar', { ...actual, impresoras });
}

/** The ESC/POS bytes the printer must receive for this radicado, computed apart from the queue. */
async function bytesEsperados(numero: string, copia = false, plantilla = 'recibo-80') {
  return layoutAEscPos(await s.ok('sticker:vista', { numero, plantilla, copia }), { modoCodigos: 'nativo' });
}

describe('cola de impresión con una impresora TCP real', () => {
  it('la impresora recibe exactamente los bytes ESC/POS del radicado', async () => {
    s = tempStation();
    await s.setup();
    const imp = await escuchar();
    await configurar([termica(imp.uri)]);
    const r = await s.ok('radicacion:radicar', radicacion({ asunto: 'Petición sobre el señor Muñoz: año 2026, ¿cuándo?' }));
    const t = await s.ok('sticker:imprimir', { numero: r.numero });
    expect(t).toMatchObject({ numero: r.numero, impresora: 'termica', estado: 'impreso', intentos: 1, copia: false, ultimoError: null, proximoIntento: null });
    const [recibido] = await imp.esperar(1);
    expect(recibido!.equals(await bytesEsperados(r.numero))).toBe(true);
    expect(recibido!.includes(Buffer.from(r.numero))).toBe(true);
  });

  it('impresora apagada: el trabajo queda pendiente con el error en español, el radicado intacto, y se entrega al volver', async () => {
    s = tempStation();
    await s.setup();
    const port = await puertoLibre();
    await configurar([termica(`tcp://127.0.0.1:${port}`)]);
    const r = await s.ok('radicacion:radicar', radicacion());
    const t = await s.ok('sticker:imprimir', { numero: r.numero });
    expect(t).toMatchObject({ estado: 'pendiente', intentos: 1 });
    expect(t.ultimoError).toBe(`La impresora «Térmica 1» (tcp://127.0.0.1:${port}) no responde: ¿está encendida y conectada a la red? (rechazó la conexión en el puerto ${port}).`);
    expect(t.proximoIntento).toBe(Date.parse('2026-07-08T14:00:00Z') + ESPERAS_REINTENTO_MS[0]);

    // The clerk keeps radicating; nothing was lost or changed.
    const r2 = await s.ok('radicacion:radicar', radicacion());
    expect(r2.consecutivo).toBe(2);
    expect(await s.ok('radicacion:consultar', { numero: r.numero })).toMatchObject({ estado: 'ACTIVO', numero: r.numero });
    expect((await s.ok('estacion:verificar', {})).ok).toBe(true);

    const estado = await s.ok('impresion:estado', {});
    expect(estado.impresoras).toEqual([expect.objectContaining({ id: 'termica', estado: 'sin_conexion', pendientes: 1, detalle: expect.stringContaining('no responde') })]);
    expect(estado.trabajos).toEqual([expect.objectContaining({ id: t.id, estado: 'pendiente' })]);

    // Not due yet: nothing is sent.
    s.advance(ESPERAS_REINTENTO_MS[0] - 1);
    expect(await s.station.services.impresion.procesarPendientes()).toEqual([]);
    // Still off when due: second attempt, longer wait.
    s.advance(1);
    const [segundo] = await s.station.services.impresion.procesarPendientes();
    expect(segundo).toMatchObject({ id: t.id, estado: 'pendiente', intentos: 2 });
    expect(segundo!.proximoIntento).toBe(Date.parse('2026-07-08T14:00:00Z') + ESPERAS_REINTENTO_MS[0] + ESPERAS_REINTENTO_MS[1]);

    // The printer is switched on.
    const imp = await escuchar({ port });
    s.advance(ESPERAS_REINTENTO_MS[1]);
    const [hecho] = await s.station.services.impresion.procesarPendientes();
    expect(hecho).toMatchObject({ id: t.id, estado: 'impreso', intentos: 3, ultimoError: null });
    const [recibido] = await imp.esperar(1);
    expect(recibido!.equals(await bytesEsperados(r.numero))).toBe(true);
    expect((await s.ok('impresion:estado', {})).trabajos).toEqual([]);
    expect((await s.ok('estacion:verificar', {})).ok).toBe(true);
  });

  it('la impresora corta la conexión a mitad del trabajo: pendiente, y se reintenta', async () => {
    s = tempStation();
    await s.setup();
    const cortadora = await escuchar({ modo: 'cortar' });
    await configurar([termica(cortadora.uri)]);
    const r = await s.ok('radicacion:radicar', radicacion());
    const t = await s.ok('sticker:imprimir', { numero: r.numero });
    expect(t).toMatchObject({ estado: 'pendiente', intentos: 1 });
    expect(t.ultimoError).toMatch(/^La impresora «Térmica 1» \(tcp:\/\/127\.0\.0\.1:\d+\) cortó la conexión antes de recibir todo el rótulo/);
    expect(cortadora.recibidos).toEqual([]);
    expect((await s.ok('estacion:verificar', {})).ok).toBe(true);

    // The clerk switches the printer (same printer id, fixed address) and retries by hand.
    const buena = await escuchar();
    await configurar([termica(buena.uri)]);
    const otra = await s.ok('impresion:reintentar', { trabajo: t.id });
    expect(otra).toMatchObject({ id: t.id, estado: 'impreso', intentos: 2 });
    expect((await buena.esperar(1))[0]!.equals(await bytesEsperados(r.numero))).toBe(true);
  });

  it('reimprimir: el rótulo dice COPIA y queda en la auditoría; un segundo «original» es copia', async () => {
    s = tempStation();
    await s.setup();
    const imp = await escuchar();
    await configurar([termica(imp.uri)]);
    const r = await s.ok('radicacion:radicar', radicacion());
    await s.ok('sticker:imprimir', { numero: r.numero });
    s.advance(60_000);
    const c1 = await s.ok('sticker:imprimir', { numero: r.numero, copia: true });
    expect(c1).toMatchObject({ estado: 'impreso', copia: true });
    const c2 = await s.ok('sticker:imprimir', { numero: r.numero }); // asked as original: it is a reprint
    expect(c2).toMatchObject({ estado: 'impreso', copia: true });
    const [original, copia1, copia2] = await imp.esperar(3);
    expect(original!.includes(Buffer.from('COPIA'))).toBe(false);
    expect(copia1!.includes(Buffer.from('COPIA'))).toBe(true);
    expect(copia1!.equals(await bytesEsperados(r.numero, true))).toBe(true);
    expect(copia2!.equals(copia1!)).toBe(true);
    const d = await s.ok('radicacion:consultar', { numero: r.numero });
    const reimpresiones = d.auditoria.filter((a: { accion: string }) => a.accion === 'reimprimir');
    expect(reimpresiones.map((a: { detalle: unknown }) => a.detalle)).toEqual([
      { copia: 1, documento: 'rotulo', impresora: 'termica', trabajo: c1.id },
      { copia: 2, documento: 'rotulo', impresora: 'termica', trabajo: c2.id },
    ]);
    expect(reimpresiones[0].actor).toBe('admin');
    expect((await s.ok('estacion:verificar', {})).ok).toBe(true);
  });

  it('radicado ANULADO: el original se rechaza; la copia sale marcada ANULADO', async () => {
    s = tempStation();
    await s.setup();
    const imp = await escuchar();
    await configurar([termica(imp.uri)]);
    const r = await s.ok('radicacion:radicar', radicacion());
    await s.ok('radicacion:anular', { numero: r.numero, justificacion: 'Se radicó dos veces el mismo oficio', aprobadoPor: 'Jefe de Correspondencia' });
    const original = await s.call('sticker:imprimir', { numero: r.numero });
    expect(original).toMatchObject({ ok: false, error: { code: 'CONFLICTO', message: expect.stringContaining('está anulado') } });
    expect((await s.ok('impresion:estado', {})).trabajos).toEqual([]);
    const copia = await s.ok('sticker:imprimir', { numero: r.numero, copia: true });
    expect(copia).toMatchObject({ estado: 'impreso', copia: true });
    const [bytes] = await imp.esperar(1);
    expect(bytes!.includes(Buffer.from('ANULADO'))).toBe(true);
  });
});

describe('cola de impresión: lógica con un transporte falso', () => {
  function conFalso() {
    const falso = new TransporteFalso();
    const fabrica: FabricaTransportes = (i) => (i.uri.startsWith('tcp://') ? falso : crearTransporte(i));
    s = tempStation({ transportes: fabrica });
    return falso;
  }

  it('espera 5 s, 15 s, 1 min y luego 5 min entre reintentos automáticos', async () => {
    const falso = conFalso().fallarCon('La impresora «Térmica 1» no responde.', true, 6);
    await s.setup();
    await configurar([termica('tcp://10.0.0.9:9100')]);
    const r = await s.ok('radicacion:radicar', radicacion());
    let t = await s.ok('sticker:imprimir', { numero: r.numero });
    const esperas: number[] = [];
    for (let i = 0; i < 5; i++) {
      esperas.push(t.proximoIntento - Date.parse('2026-07-08T14:00:00Z') - esperas.reduce((a, b) => a + b, 0));
      s.setNow(t.proximoIntento);
      [t] = await s.station.services.impresion.procesarPendientes();
    }
    expect(esperas).toEqual([5_000, 15_000, 60_000, 300_000, 300_000]);
    expect(t).toMatchObject({ estado: 'pendiente', intentos: 6 });
    s.setNow(t.proximoIntento);
    [t] = await s.station.services.impresion.procesarPendientes();
    expect(t).toMatchObject({ estado: 'impreso', intentos: 7 });
    expect(falso.enviados).toHaveLength(1);
  });

  it('un error de configuración no se reintenta solo; el funcionario lo manda a otra impresora', async () => {
    const falso = conFalso().fallarCon('Radica no tiene permiso para escribir en la impresora «Térmica 1».', false);
    await s.setup();
    await configurar([termica('tcp://10.0.0.9:9100'), termica('tcp://10.0.0.10:9100', { id: 'respaldo', nombre: 'Térmica 2', predeterminada: false })]);
    const r = await s.ok('radicacion:radicar', radicacion());
    const t = await s.ok('sticker:imprimir', { numero: r.numero });
    expect(t).toMatchObject({ estado: 'error', proximoIntento: null, ultimoError: expect.stringContaining('permiso') });
    s.advance(3_600_000);
    expect(await s.station.services.impresion.procesarPendientes()).toEqual([]);
    const otra = await s.ok('impresion:reintentar', { trabajo: t.id, impresora: 'respaldo' });
    expect(otra).toMatchObject({ id: t.id, impresora: 'respaldo', estado: 'impreso' });
    expect(falso.enviados).toHaveLength(1);
    // A printed job is not sent twice by a retry: that is a reprint.
    expect(await s.call('impresion:reintentar', { trabajo: t.id })).toMatchObject({ ok: false, error: { code: 'CONFLICTO', message: expect.stringContaining('COPIA') } });
  });

  it('pedir otra vez el original que sigue en cola lo reintenta (en la impresora pedida), no lo duplica', async () => {
    conFalso().fallarCon('La impresora «Térmica 1» no responde.', true);
    await s.setup();
    await configurar([termica('tcp://10.0.0.9:9100'), termica('tcp://10.0.0.10:9100', { id: 'respaldo', nombre: 'Térmica 2', predeterminada: false })]);
    const r = await s.ok('radicacion:radicar', radicacion());
    const t = await s.ok('sticker:imprimir', { numero: r.numero });
    expect(t.estado).toBe('pendiente');
    const otra = await s.ok('sticker:imprimir', { numero: r.numero, impresora: 'respaldo' });
    expect(otra).toMatchObject({ id: t.id, impresora: 'respaldo', estado: 'impreso', copia: false });
    const d = await s.ok('radicacion:consultar', { numero: r.numero });
    expect(d.auditoria.some((a: { accion: string }) => a.accion === 'reimprimir')).toBe(false);
  });

  it('los trabajos sobreviven al proceso: otra estación sobre la misma carpeta los entrega', async () => {
    conFalso().fallarCon('La impresora «Térmica 1» no responde.', true);
    await s.setup();
    await configurar([termica('tcp://10.0.0.9:9100')]);
    const r = await s.ok('radicacion:radicar', radicacion());
    const t = await s.ok('sticker:imprimir', { numero: r.numero });
    expect(t.estado).toBe('pendiente');
    // Same data directory, a new process (new services, new fake that delivers).
    const { openStation } = await import('../../../electron/station');
    const falso2 = new TransporteFalso();
    const otra = openStation({ dataDir: s.dir, clock: () => Date.parse('2026-07-08T14:10:00Z'), transportes: () => falso2 });
    try {
      const [hecho] = await otra.services.impresion.procesarPendientes();
      expect(hecho).toMatchObject({ id: t.id, estado: 'impreso' });
      expect(falso2.enviados[0]!.trabajo).toMatchObject({ titulo: `Radicado ${r.numero}`, formato: 'escpos', anchoMm: 80 });
    } finally {
      otra.close();
    }
  });

  it('os:// fuera de la aplicación de escritorio: error claro, no se reintenta', async () => {
    conFalso();
    await s.setup();
    await configurar([{ ...termica('os://Zebra ZD220'), formato: 'pdf', plantilla: 'etiqueta-100x50' }]);
    const r = await s.ok('radicacion:radicar', radicacion());
    const t = await s.ok('sticker:imprimir', { numero: r.numero });
    expect(t).toMatchObject({ estado: 'error', ultimoError: expect.stringContaining('solo disponible en la aplicación de escritorio') });
    const estado = await s.ok('impresion:estado', {});
    expect(estado.impresoras[0]).toMatchObject({ estado: 'desconocido', detalle: expect.stringContaining('solo disponible en la aplicación de escritorio') });
  });
});

describe('impresora por defecto: PDF en la carpeta de datos', () => {
  it('escribe <numero>.pdf y <numero>-copia-1.pdf de 100×50 mm, sin temporales', async () => {
    s = tempStation();
    await s.setup();
    const config = await s.ok('impresion:config', {});
    expect(config).toMatchObject({ imprimirAlRadicar: true, imprimirConstancia: false, urlEncuesta: null, impresoras: [{ id: 'pdf', formato: 'pdf', plantilla: 'etiqueta-100x50', predeterminada: true }] });
    expect(config.impresoras[0].uri).toBe(`pdf://${path.join(s.dir, 'rotulos')}`);
    const r = await s.ok('radicacion:radicar', radicacion());
    expect(await s.ok('sticker:imprimir', { numero: r.numero })).toMatchObject({ estado: 'impreso' });
    expect(await s.ok('sticker:imprimir', { numero: r.numero, copia: true })).toMatchObject({ estado: 'impreso', copia: true });
    const carpeta = path.join(s.dir, 'rotulos');
    expect(readdirSync(carpeta).sort()).toEqual([`${r.numero}-copia-1.pdf`, `${r.numero}.pdf`]);
    const info = execFileSync('pdfinfo', [path.join(carpeta, `${r.numero}.pdf`)], { encoding: 'utf8' });
    const [, w, h] = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info)!;
    expect(Number(w)).toBeCloseTo((100 * 72) / 25.4, 0);
    expect(Number(h)).toBeCloseTo((50 * 72) / 25.4, 0);
    expect(execFileSync('pdftotext', [path.join(carpeta, `${r.numero}-copia-1.pdf`), '-'], { encoding: 'utf8' })).toContain('COPIA');
  });

  it('probar imprime una página de prueba sin crear radicados', async () => {
    s = tempStation();
    await s.setup();
    const t = await s.ok('impresion:probar', { impresora: 'pdf' });
    expect(t).toMatchObject({ numero: 'PRUEBA-0000', estado: 'impreso', ultimoError: null });
    const archivos = readdirSync(path.join(s.dir, 'rotulos'));
    expect(archivos).toHaveLength(1);
    expect(execFileSync('pdftotext', [path.join(s.dir, 'rotulos', archivos[0]!), '-'], { encoding: 'utf8' })).toMatch(/PRUEBA-0000[\s\S]*no es un radicado/);
    expect((await s.ok('estacion:verificar', {})).series).toEqual([]);
    expect(existsSync(path.join(s.dir, 'rotulos', '2026-0103-000001.pdf'))).toBe(false);
  });
});

describe('roles y configuración', () => {
  it('solo el administrador configura y prueba impresoras; el radicador imprime lo suyo', async () => {
    s = tempStation();
    await s.setup();
    const r = await s.ok('radicacion:radicar', radicacion());
    await s.ok('sesion:iniciar', { usuario: 'radicador', pin: '1234' }, 'laura');
    const config = await s.ok('impresion:config', {}, 'laura');
    expect(await s.call('impresion:configurar', config, 'laura')).toMatchObject({ ok: false, error: { code: 'NO_AUTORIZADO', message: expect.stringContaining('administrador') } });
    expect(await s.call('impresion:probar', { impresora: 'pdf' }, 'laura')).toMatchObject({ ok: false, error: { code: 'NO_AUTORIZADO' } });
    // Not her radicado.
    expect(await s.call('sticker:imprimir', { numero: r.numero }, 'laura')).toMatchObject({ ok: false, error: { code: 'NO_AUTORIZADO' } });
    const suyo = await s.ok('radicacion:radicar', radicacion(), 'laura');
    expect(await s.ok('sticker:imprimir', { numero: suyo.numero }, 'laura')).toMatchObject({ estado: 'impreso' });
    expect(await s.ok('impresion:estado', {}, 'laura')).toMatchObject({ trabajos: [] });
  });

  it('configurar valida combinaciones, persiste y queda en la auditoría', async () => {
    s = tempStation();
    await s.setup();
    const base = await s.ok('impresion:config', {});
    const mala = await s.call('impresion:configurar', { ...base, impresoras: [termica('cups://Zebra')] });
    expect(mala).toMatchObject({ ok: false, error: { code: 'VALIDACION', campos: { 'impresoras.0.formato': expect.stringContaining('recibe PDF') } } });
    const uriMala = await s.call('impresion:configurar', { ...base, impresoras: [termica('http://x')] });
    expect(uriMala).toMatchObject({ ok: false, error: { code: 'VALIDACION', message: expect.stringContaining('tcp://host:9100') } });
    const nueva = { ...base, impresoras: [termica('tcp://192.168.1.50:9100')], urlConsulta: 'https://pqrs.laestrella.gov.co/radicado/{numero}?c={codigo}' };
    await s.ok('impresion:configurar', nueva);
    expect(await s.ok('impresion:config', {})).toEqual(nueva);
    const r = await s.ok('radicacion:radicar', radicacion());
    const d = await s.ok('radicacion:consultar', { numero: r.numero });
    const layout = await s.ok('sticker:vista', { numero: r.numero });
    expect(layout.plantilla).toBe('recibo-80');
    expect(layout.elementos.find((e: { tipo: string }) => e.tipo === 'qr').datos).toBe(`https://pqrs.laestrella.gov.co/radicado/${r.numero}?c=${d.codigoVerificacion}`);
    const audit = s.station.db.prepare("SELECT actor, detalle FROM auditoria WHERE accion = 'configurar_impresion'").all() as { actor: string; detalle: string }[];
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]!.detalle)).toEqual({ impresoras: [{ id: 'termica', uri: 'tcp://192.168.1.50:9100', formato: 'escpos', plantilla: 'recibo-80' }] });
  });
});

describe('etiquetas de otro tamaño', () => {
  it('una impresora PDF con etiquetas de 4" × 2" recibe el rótulo a ese tamaño y el código se sigue leyendo', async () => {
    const s = tempStation();
    try {
      await s.setup();
      const carpeta = path.join(s.dir, 'etiquetas');
      const base = await s.ok('impresion:config', {});
      await s.ok('impresion:configurar', {
        ...base,
        impresoras: [{ id: 'zebra', nombre: 'Zebra 4x2', uri: `pdf://${carpeta}`, formato: 'pdf', plantilla: 'etiqueta-100x50', modoCodigos: 'nativo', predeterminada: true, constancias: true, tamano: { anchoMm: 101.6, altoMm: 50.8 } }],
      });
      const r = await s.ok('radicacion:radicar', radicacion());
      expect((await s.ok('sticker:imprimir', { numero: r.numero })).estado).toBe('impreso');
      const pdf = path.join(carpeta, `${r.numero}.pdf`);
      const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
      const [, w, h] = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info)!;
      expect(Number(w)).toBeCloseTo(288, 0); // 101.6 mm
      expect(Number(h)).toBeCloseTo(144, 0); // 50.8 mm
      const png = path.join(s.dir, 'zebra');
      execFileSync('pdftoppm', ['-r', '300', '-png', '-singlefile', pdf, png]);
      expect(leerSimbolos(`${png}.png`).codigo128).toEqual([r.numero]);
      const vista = await s.ok('sticker:vista', { numero: r.numero });
      expect([vista.anchoMm, vista.altoMm]).toEqual([101.6, 50.8]);
      const incompleto = await s.call('impresion:configurar', { ...base, impresoras: [{ id: 'zebra', nombre: 'Zebra', uri: `pdf://${carpeta}`, formato: 'pdf', plantilla: 'etiqueta-100x50', tamano: { anchoMm: 101.6, altoMm: Number.NaN } }] });
      expect(incompleto).toMatchObject({ ok: false, error: { campos: { 'impresoras.0.tamano.altoMm': expect.stringContaining('Alto') } } });
    } finally {
      s.close();
    }
  });
});
