import { afterEach, describe, expect, it } from 'vitest';
import { codigoValido, codigoVerificacion, normalizarCodigo } from '../../../electron/services/codigoVerificacion';
import { radicacion, tempStation } from '../helpers';

const SECRETO = Buffer.alloc(32, 7).toString('base64');
const OTRO = Buffer.alloc(32, 8).toString('base64');
const N = '2026-0103-000123';
const EN = Date.parse('2026-07-08T14:00:00Z');

describe('código de verificación', () => {
  it('XXXX-XXXX en base32 de Crockford, determinista', () => {
    const c = codigoVerificacion(SECRETO, N, EN);
    expect(c).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(codigoVerificacion(SECRETO, N, EN)).toBe(c);
  });

  it('acepta minúsculas, sin guion, con espacios, y O/I/L por 0/1', () => {
    const c = codigoVerificacion(SECRETO, N, EN);
    expect(codigoValido(SECRETO, N, EN, c)).toBe(true);
    expect(codigoValido(SECRETO, N, EN, c.toLowerCase())).toBe(true);
    expect(codigoValido(SECRETO, N, EN, c.replace('-', ''))).toBe(true);
    expect(codigoValido(SECRETO, N, EN, ` ${c.slice(0, 4)} ${c.slice(5)} `)).toBe(true);
    expect(codigoValido(SECRETO, N, EN, c.replace(/0/g, 'O').replace(/1/g, 'l'))).toBe(true);
    expect(normalizarCodigo('abio-L1o0')).toBe('AB101100');
  });

  it('rechaza número alterado, otra fecha, otro secreto, otro código y longitudes distintas', () => {
    const c = codigoVerificacion(SECRETO, N, EN);
    expect(codigoValido(SECRETO, '2026-0103-000124', EN, c)).toBe(false);
    expect(codigoValido(SECRETO, N, EN + 60_000, c)).toBe(false);
    expect(codigoValido(OTRO, N, EN, c)).toBe(false);
    const ultimo = c.at(-1) === 'Z' ? 'Y' : 'Z';
    expect(codigoValido(SECRETO, N, EN, c.slice(0, -1) + ultimo)).toBe(false);
    expect(codigoValido(SECRETO, N, EN, c.slice(0, -1))).toBe(false);
    expect(codigoValido(SECRETO, N, EN, c + '0')).toBe(false);
    expect(codigoValido(SECRETO, N, EN, '')).toBe(false);
  });

  it('cambia con cada radicado (no se adivina de uno a otro)', () => {
    const codigos = new Set(Array.from({ length: 500 }, (_, i) => codigoVerificacion(SECRETO, `2026-0103-${String(i).padStart(6, '0')}`, EN)));
    expect(codigos.size).toBe(500);
  });
});

describe('código de verificación en la estación', () => {
  let s: ReturnType<typeof tempStation>;
  afterEach(() => s?.close());

  it('consultar lo incluye; sticker:verificarCodigo valida, rechaza el alterado y el número que no existe', async () => {
    s = tempStation();
    await s.setup();
    const r = await s.ok('radicacion:radicar', radicacion());
    const d = await s.ok('radicacion:consultar', { numero: r.numero });
    expect(d.codigoVerificacion).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(await s.ok('sticker:verificarCodigo', { numero: r.numero, codigo: d.codigoVerificacion })).toEqual({ valido: true, numero: r.numero });
    expect(await s.ok('sticker:verificarCodigo', { numero: r.numero.toLowerCase(), codigo: d.codigoVerificacion.replace('-', '').toLowerCase() })).toEqual({
      valido: true,
      numero: r.numero,
    });
    const alterado = d.codigoVerificacion.startsWith('A') ? 'B' + d.codigoVerificacion.slice(1) : 'A' + d.codigoVerificacion.slice(1);
    expect(await s.ok('sticker:verificarCodigo', { numero: r.numero, codigo: alterado })).toMatchObject({ valido: false });
    // The code of one radicado does not validate the next number.
    const r2 = await s.ok('radicacion:radicar', radicacion());
    expect(await s.ok('sticker:verificarCodigo', { numero: r2.numero, codigo: d.codigoVerificacion })).toMatchObject({ valido: false });
    expect(await s.ok('sticker:verificarCodigo', { numero: '2026-0103-999999', codigo: d.codigoVerificacion })).toMatchObject({ valido: false });
    // The sticker's QR carries the number and the code.
    const layout = await s.ok('sticker:vista', { numero: r.numero });
    const qr = layout.elementos.find((e: { tipo: string }) => e.tipo === 'qr');
    expect(qr.datos).toBe(`https://ventanilla.example.gov.co/consulta?numero=${r.numero}&codigo=${d.codigoVerificacion}`);
  });
});
