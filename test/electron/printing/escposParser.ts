import { deflateSync } from 'node:zlib';

/**
 * A strict reader for the ESC/POS subset the sticker encoder emits. No ESC/POS renderer exists for
 * Debian, so tests read the bytes back: any byte sequence it does not know is an error, which keeps
 * stray UTF-8 or a wrong length prefix from passing unnoticed.
 */
export type Comando =
  | { tipo: 'texto'; bytes: Buffer }
  | { tipo: 'lf' }
  | { tipo: 'esc'; letra: string; args: number[] }
  | { tipo: 'gs'; letra: string; args: number[] }
  | { tipo: 'codigo128'; m: number; datos: Buffer }
  | { tipo: 'gs(k'; cn: number; fn: number; datos: Buffer }
  | { tipo: 'raster'; m: number; anchoBytes: number; alto: number; datos: Buffer }
  | { tipo: 'corte'; m: number };

const ESC = 0x1b;
const GS = 0x1d;
const LF = 0x0a;

/** Argument counts of the one-letter ESC and GS commands we accept. */
const ARGS_ESC: Record<string, number> = { '@': 0, t: 1, '!': 1, M: 1, E: 1, a: 1, J: 1, d: 1, '2': 0, '3': 1, '-': 1 };
const ARGS_GS: Record<string, number> = { H: 1, f: 1, w: 1, h: 1, '!': 1, B: 1 };

export function leerEscPos(buf: Buffer): Comando[] {
  const out: Comando[] = [];
  let i = 0;
  let texto: number[] = [];
  const cerrarTexto = () => {
    if (texto.length) out.push({ tipo: 'texto', bytes: Buffer.from(texto) });
    texto = [];
  };
  const byte = (k: number): number => {
    if (k >= buf.length) throw new Error(`ESC/POS truncado en ${k}`);
    return buf[k]!;
  };
  while (i < buf.length) {
    const b = buf[i]!;
    if (b >= 0x20) {
      texto.push(b);
      i++;
      continue;
    }
    cerrarTexto();
    if (b === LF) {
      out.push({ tipo: 'lf' });
      i++;
    } else if (b === ESC) {
      const letra = String.fromCharCode(byte(i + 1));
      const n = ARGS_ESC[letra];
      if (n === undefined) throw new Error(`ESC ${letra} desconocido en ${i}`);
      out.push({ tipo: 'esc', letra, args: [...buf.subarray(i + 2, i + 2 + n)] });
      i += 2 + n;
    } else if (b === GS) {
      const letra = String.fromCharCode(byte(i + 1));
      if (letra === 'k') {
        const m = byte(i + 2);
        if (m < 65) throw new Error('GS k de formato A (terminado en NUL) no esperado');
        const n = byte(i + 3);
        out.push({ tipo: 'codigo128', m, datos: Buffer.from(buf.subarray(i + 4, i + 4 + n)) });
        i += 4 + n;
      } else if (letra === '(' && byte(i + 2) === 0x6b) {
        const len = byte(i + 3) + 256 * byte(i + 4);
        const cuerpo = buf.subarray(i + 5, i + 5 + len);
        if (cuerpo.length !== len) throw new Error('GS ( k truncado');
        out.push({ tipo: 'gs(k', cn: cuerpo[0]!, fn: cuerpo[1]!, datos: Buffer.from(cuerpo.subarray(2)) });
        i += 5 + len;
      } else if (letra === 'v' && byte(i + 2) === 0x30) {
        const m = byte(i + 3);
        const anchoBytes = byte(i + 4) + 256 * byte(i + 5);
        const alto = byte(i + 6) + 256 * byte(i + 7);
        const datos = buf.subarray(i + 8, i + 8 + anchoBytes * alto);
        if (datos.length !== anchoBytes * alto) throw new Error('GS v 0 truncado');
        out.push({ tipo: 'raster', m, anchoBytes, alto, datos: Buffer.from(datos) });
        i += 8 + anchoBytes * alto;
      } else if (letra === 'V') {
        const m = byte(i + 2);
        out.push({ tipo: 'corte', m });
        i += m >= 65 ? 4 : 3;
      } else {
        const n = ARGS_GS[letra];
        if (n === undefined) throw new Error(`GS ${letra} desconocido en ${i}`);
        out.push({ tipo: 'gs', letra, args: [...buf.subarray(i + 2, i + 2 + n)] });
        i += 2 + n;
      }
    } else {
      throw new Error(`Byte de control 0x${b.toString(16)} inesperado en ${i}`);
    }
  }
  cerrarTexto();
  return out;
}

/** Code page 850, bytes 0x80–0xFF (checked against iconv-lite's CP850 once, by hand). */
const CP850_ALTA =
  'ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜø£Ø×ƒáíóúñÑªº¿®¬½¼¡«»░▒▓│┤ÁÂÀ©╣║╗╝¢¥┐└┴┬├─┼ãÃ╚╔╩╦╠═╬¤ðÐÊËÈıÍÎÏ┘┌█▄¦Ì▀ÓßÔÒõÕµþÞÚÛÙýÝ¯´\u00ad±‗¾¶§÷¸°¨·¹³²■\u00a0';

export function decodificarPc850(bytes: Buffer): string {
  return [...bytes].map((b) => (b < 0x80 ? String.fromCharCode(b) : CP850_ALTA[b - 0x80]!)).join('');
}

export function codificarPc850(texto: string): Buffer {
  return Buffer.from(
    [...texto].map((c) => {
      if (c.charCodeAt(0) < 0x80) return c.charCodeAt(0);
      const k = CP850_ALTA.indexOf(c);
      if (k < 0) throw new Error(`${c} no está en PC850`);
      return 0x80 + k;
    }),
  );
}

/** The printed text lines, decoded with the code page selected by ESC t (2 = PC850). */
export function lineasImpresas(comandos: Comando[]): string[] {
  const lineas: string[] = [];
  let actual = '';
  let pagina = 0;
  for (const c of comandos) {
    if (c.tipo === 'esc' && c.letra === 't') pagina = c.args[0]!;
    else if (c.tipo === 'texto') {
      if (pagina !== 2) throw new Error(`Texto con página de códigos ${pagina}, se esperaba PC850`);
      actual += decodificarPc850(c.bytes);
    } else if (c.tipo === 'lf') {
      lineas.push(actual);
      actual = '';
    }
  }
  if (actual) lineas.push(actual);
  return lineas;
}

/** A GS v 0 raster as an 8-bit grayscale PNG with a white border (the quiet zone a reader needs). */
export function rasterAPng(r: { anchoBytes: number; alto: number; datos: Buffer }, borde = 40): Buffer {
  const ancho = r.anchoBytes * 8 + 2 * borde;
  const alto = r.alto + 2 * borde;
  const filas = Buffer.alloc((ancho + 1) * alto, 0xff);
  for (let y = 0; y < alto; y++) filas[y * (ancho + 1)] = 0; // filter byte: none
  for (let y = 0; y < r.alto; y++) {
    for (let x = 0; x < r.anchoBytes * 8; x++) {
      if (r.datos[y * r.anchoBytes + (x >> 3)]! & (0x80 >> (x & 7))) filas[(y + borde) * (ancho + 1) + 1 + x + borde] = 0;
    }
  }
  const crcTabla = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (b: Buffer) => {
    let c = 0xffffffff;
    for (const x of b) c = crcTabla[(c ^ x) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const trozo = (tipo: string, datos: Buffer) => {
    const cuerpo = Buffer.concat([Buffer.from(tipo, 'ascii'), datos]);
    const len = Buffer.alloc(4);
    len.writeUInt32BE(datos.length);
    const c = Buffer.alloc(4);
    c.writeUInt32BE(crc(cuerpo));
    return Buffer.concat([len, cuerpo, c]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(ancho, 0);
  ihdr.writeUInt32BE(alto, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 0; // grayscale
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), trozo('IHDR', ihdr), trozo('IDAT', deflateSync(filas)), trozo('IEND', Buffer.alloc(0))]);
}
