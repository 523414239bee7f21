import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile, execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { tempDir } from '../helpers';
import { impresoraTcp, puertoLibre, type ImpresoraTcp } from '../printing/impresoras';

const root = path.resolve(__dirname, '../../..');
const bin = path.join(root, 'bin/radica.cjs');

beforeAll(() => {
  // `npm test` builds first; a bare `vitest run` builds the CLI here.
  if (!existsSync(path.join(root, 'dist/cli.cjs'))) execFileSync(process.execPath, [path.join(root, 'scripts/build.mjs'), 'cli']);
});

/**
 * Asynchronous on purpose: the test's TCP printer runs in this process and must keep accepting
 * while the CLI prints to it.
 */
function radica(args: string[]): Promise<{ code: number; out: string; err: string; json: () => any }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [bin, ...args], { encoding: 'utf8' }, (error, stdout, stderr) => {
      const code = error ? ((error as { code?: number }).code ?? 1) : 0;
      resolve({ code: typeof code === 'number' ? code : 1, out: stdout, err: stderr, json: () => JSON.parse(stdout) });
    });
  });
}

describe('radica: rótulos, impresión y código de verificación', () => {
  const D = tempDir('radica-cli-imp-');
  const dd = ['--data-dir', D];
  let numero: string;
  let codigo: string;
  const impresoras: ImpresoraTcp[] = [];

  beforeAll(async () => {
    expect((await radica(['init', ...dd, '--entidad', 'Alcaldía de La Estrella', '--sede', '01', '--ventanilla', '03'])).code).toBe(0);
    const r = await radica(['radicar', ...dd, '--tipo', 'PET-GEN', '--dependencia', '300', '--asunto', 'Solicito paz y salvo, señor Núñez', '--remitente', 'CC:1234567', '--remitente-nombre', 'María Pérez', '--folios', '2', '--json']);
    expect(r.code, r.err).toBe(0);
    numero = r.json().numero;
  });
  afterAll(async () => {
    for (const i of impresoras) await i.close();
  });

  it('consultar --json incluye codigoVerificacion; verificar-codigo lo acepta y rechaza uno alterado', async () => {
    const c = await radica(['consultar', numero, ...dd, '--json']);
    expect(c.code).toBe(0);
    codigo = c.json().codigoVerificacion;
    expect(codigo).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);

    const ok = await radica(['verificar-codigo', numero, codigo.toLowerCase().replace('-', ''), ...dd]);
    expect(ok.code, ok.err).toBe(0);
    expect(ok.out).toMatch(/Código válido/);
    const alterado = (codigo[0] === 'A' ? 'B' : 'A') + codigo.slice(1);
    const malo = await radica(['verificar-codigo', numero, alterado, ...dd]);
    expect(malo.code).toBe(1);
    expect(malo.err).toMatch(/NO corresponde al radicado/);
    const otroNumero = await radica(['verificar-codigo', numero.replace(/1$/, '2'), codigo, ...dd, '--json']);
    expect(otroNumero.code).toBe(1);
    expect(otroNumero.json()).toMatchObject({ valido: false });
    const sinCodigo = await radica(['verificar-codigo', numero, ...dd]);
    expect(sinCodigo.code).toBe(2);
    expect(sinCodigo.err).toMatch(/Falta --codigo/);
  });

  it('sticker escribe el PDF y el ESC/POS; errores de uso con código 2', async () => {
    const pdf = path.join(D, 'r.pdf');
    const p = await radica(['sticker', numero, ...dd, '--formato', 'pdf', '--out', pdf, '--json']);
    expect(p.code, p.err).toBe(0);
    expect(p.json()).toMatchObject({ numero, formato: 'pdf', plantilla: 'etiqueta-100x50', anchoMm: 100, altoMm: 50 });
    expect(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' })).toMatch(/Page size:\s+283\.\d+ x 141\.\d+ pts/);
    expect(execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' })).toContain(codigo);

    const esc = path.join(D, 'r.bin');
    const e = await radica(['sticker', numero, ...dd, '--formato', 'escpos', '--plantilla', 'recibo-80', '--out', esc]);
    expect(e.code, e.err).toBe(0);
    expect(readFileSync(esc).includes(Buffer.from(numero))).toBe(true);

    const c62 = await radica(['sticker', numero, ...dd, '--formato', 'pdf', '--plantilla', 'etiqueta-62', '--copia', '--out', path.join(D, 'c.pdf')]);
    expect(c62.code, c62.err).toBe(0);
    expect(execFileSync('pdftotext', [path.join(D, 'c.pdf'), '-'], { encoding: 'utf8' })).toContain('COPIA');

    expect((await radica(['sticker', numero, ...dd, '--out', pdf])).err).toMatch(/Falta --formato/);
    const malFormato = await radica(['sticker', numero, ...dd, '--formato', 'png', '--out', pdf]);
    expect(malFormato.code).toBe(2);
    expect(malFormato.err).toMatch(/--formato es pdf o escpos/);
    expect((await radica(['sticker', numero, ...dd, '--formato', 'pdf', '--plantilla', 'a4', '--out', pdf])).code).toBe(2);
    const noExiste = await radica(['sticker', '2026-0103-999999', ...dd, '--formato', 'pdf', '--out', pdf]);
    expect(noExiste.code).toBe(1);
    expect(noExiste.err).toMatch(/No existe el radicado/);
  });

  it('imprimir a una impresora apagada: código 1, mensaje en español, trabajo en cola, radicado intacto; reintentar lo entrega', async () => {
    const port = await puertoLibre();
    const uri = `tcp://127.0.0.1:${port}`;
    const r = await radica(['imprimir', numero, ...dd, '--impresora', uri]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(new RegExp(`La impresora «tcp://127\\.0\\.0\\.1:${port}» no responde: ¿está encendida y conectada a la red\\?`));
    expect(r.err).toMatch(/El trabajo \d+ quedó en cola/);

    const imp = await radica(['impresoras', ...dd, '--json']);
    expect(imp.code).toBe(0);
    const estado = imp.json();
    const trabajo = estado.trabajos.find((t: { impresora: string }) => t.impresora === uri);
    expect(trabajo).toMatchObject({ numero, estado: 'pendiente', intentos: 1, ultimoError: expect.stringContaining('no responde') });
    expect(estado.impresoras).toContainEqual(expect.objectContaining({ id: uri, estado: 'sin_conexion', pendientes: 1 }));
    expect(estado.impresoras).toContainEqual(expect.objectContaining({ id: 'pdf', estado: 'lista' }));

    expect((await radica(['consultar', numero, ...dd, '--json'])).json()).toMatchObject({ estado: 'ACTIVO', codigoVerificacion: codigo });
    expect((await radica(['verificar', ...dd])).code).toBe(0);

    // The printer comes back: retry the same job from the CLI; it receives the sticker for that radicado.
    const tcp = await impresoraTcp({ port });
    impresoras.push(tcp);
    const again = await radica(['reintentar', String(trabajo.id), ...dd, '--json']);
    expect(again.code, again.err).toBe(0);
    expect(again.json()).toMatchObject({ id: trabajo.id, estado: 'impreso', intentos: 2 });
    const [bytes] = await tcp.esperar(1);
    const esperado = path.join(D, 'esperado.bin');
    await radica(['sticker', numero, ...dd, '--formato', 'escpos', '--plantilla', 'recibo-80', '--out', esperado]);
    expect(bytes!.equals(readFileSync(esperado))).toBe(true);
    expect((await radica(['impresoras', ...dd, '--json'])).json().trabajos).toEqual([]);
  });

  it('imprimir a un archivo y a la impresora configurada; --copia dice COPIA', async () => {
    const archivo = path.join(D, 'impresora.bin');
    const f = await radica(['imprimir', numero, ...dd, '--impresora', archivo, '--copia', '--json']);
    expect(f.code, f.err).toBe(0);
    expect(f.json()).toMatchObject({ numero, estado: 'impreso', copia: true, plantilla: 'recibo-80' });
    expect(readFileSync(archivo).includes(Buffer.from('COPIA'))).toBe(true);

    const d = await radica(['imprimir', numero, ...dd, '--impresora', 'pdf', '--copia']);
    expect(d.code, d.err).toBe(0);
    expect(d.out).toMatch(/COPIA/);
    expect(existsSync(path.join(D, 'rotulos'))).toBe(true);

    const uriMala = await radica(['imprimir', numero, ...dd, '--impresora', 'http://printer']);
    expect(uriMala.code).toBe(2);
    expect(uriMala.err).toMatch(/no es una impresora configurada ni una dirección válida/);
    const auditoria = (await radica(['consultar', numero, ...dd, '--json'])).json().auditoria;
    expect(auditoria.filter((a: { accion: string }) => a.accion === 'reimprimir').length).toBeGreaterThanOrEqual(2);
  });
});
