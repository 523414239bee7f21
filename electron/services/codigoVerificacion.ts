import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The short code printed on every sticker: proof that this number, with this date and hour, was
 * issued by the entity. HMAC-SHA256 over `numero|fechaHora(epoch ms)` with the secret, first 40 bits
 * in Crockford base32 (no I, L, O, U: nothing a citizen can misread), shown as XXXX-XXXX.
 *
 * The secret is the one stored at `radica init` (configuracion 'secreto'). The issue asks for a
 * per-entity secret: once central sync exists, every station of the entity must receive the same
 * one, so any station (or the consultation web page) can check any sticker. Until then each
 * installation checks its own stickers.
 */
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const LARGO = 8;

function clave(secreto: string): Buffer {
  return Buffer.from(secreto, 'base64');
}

function crudo(secreto: string, numero: string, fechaHora: number): string {
  const mac = createHmac('sha256', clave(secreto)).update(`${numero}|${fechaHora}`).digest();
  // 8 characters × 5 bits = the first 40 bits (5 bytes) of the MAC.
  let bits = 0n;
  for (let i = 0; i < 5; i++) bits = (bits << 8n) | BigInt(mac[i]!);
  let s = '';
  for (let i = LARGO - 1; i >= 0; i--) s += CROCKFORD[Number((bits >> BigInt(i * 5)) & 31n)];
  return s;
}

export function codigoVerificacion(secreto: string, numero: string, fechaHora: number): string {
  const c = crudo(secreto, numero, fechaHora);
  return `${c.slice(0, 4)}-${c.slice(4)}`;
}

/**
 * What a person types: any case, with or without the dash or spaces; O read as 0 and I/L as 1,
 * as Crockford base32 prescribes.
 */
export function normalizarCodigo(codigo: string): string {
  return codigo
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
}

/** Constant-time comparison: the answer's timing says nothing about how many characters matched. */
export function codigoValido(secreto: string, numero: string, fechaHora: number, codigo: string): boolean {
  const dado = Buffer.from(normalizarCodigo(codigo), 'utf8');
  const esperado = Buffer.from(crudo(secreto, numero, fechaHora), 'utf8');
  if (dado.length !== esperado.length) return false;
  return timingSafeEqual(dado, esperado);
}
