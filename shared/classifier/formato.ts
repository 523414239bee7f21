/**
 * The model file: JSON (readable header, diffable options) with the numeric payload as base64.
 * Only the buckets the model uses are stored (delta-coded indices), weights and IDF as 16-bit
 * integers: a few MB for a station's history, and the same file loads on any platform.
 */
import { aBase64, deBase64 } from './base64';
import { cuantizarPesos, cuantizarPositivos, descuantizarPesos, descuantizarPositivos } from './cuantizacion';
import { FORMATO_MODELO, VERSION_MODELO, type Modelo } from './modelo';
import type { OpcionesRasgos } from './rasgos';

interface ArchivoModelo {
  formato: string;
  version: number;
  creado: string;
  etiquetas: string[];
  rasgos: OpcionesRasgos;
  umbral: number;
  soporte: Record<string, number>;
  temperatura: number;
  calibracion: number[];
  intercepto: number[];
  /** Used buckets: count and ascending indices as LEB128 deltas. */
  buckets: { n: number; datos: string };
  idf: { escala: number; datos: string } | null;
  /** n × K int16 little-endian, one scale per class. */
  pesos: { escalas: number[]; datos: string };
}

function varints(xs: Int32Array): Uint8Array {
  const out: number[] = [];
  let previo = 0;
  for (const x of xs) {
    let d = x - previo;
    previo = x;
    while (d >= 0x80) {
      out.push((d & 0x7f) | 0x80);
      d >>>= 7;
    }
    out.push(d);
  }
  return Uint8Array.from(out);
}

function deVarints(bytes: Uint8Array, n: number): Int32Array {
  const out = new Int32Array(n);
  let i = 0;
  let previo = 0;
  for (let k = 0; k < n; k++) {
    let d = 0;
    let corrimiento = 0;
    for (;;) {
      if (i >= bytes.length || corrimiento > 28) throw new ErrorModelo('los índices de los rasgos están truncados');
      const b = bytes[i++]!;
      d |= (b & 0x7f) << corrimiento;
      if (b < 0x80) break;
      corrimiento += 7;
    }
    previo += d;
    out[k] = previo;
  }
  return out;
}

// Little-endian explicitly: the file must read the same on any machine.
function int16aBytes(v: Int16Array | Uint16Array): Uint8Array {
  const out = new Uint8Array(v.length * 2);
  for (let i = 0; i < v.length; i++) {
    out[2 * i] = v[i]! & 255;
    out[2 * i + 1] = (v[i]! >> 8) & 255;
  }
  return out;
}

function bytesAUint16(b: Uint8Array, n: number): Uint16Array {
  if (b.length !== 2 * n) throw new ErrorModelo(`se esperaban ${n} valores y el archivo trae ${Math.floor(b.length / 2)}`);
  const out = new Uint16Array(n);
  for (let i = 0; i < n; i++) out[i] = b[2 * i]! | (b[2 * i + 1]! << 8);
  return out;
}

export function serializarModelo(m: Modelo): string {
  const K = m.etiquetas.length;
  const D = 1 << m.rasgos.bits;
  const usados: number[] = [];
  for (let b = 0; b < D; b++) {
    let usado = m.idf !== null && m.idf[b]! > 0;
    for (let k = 0; k < K && !usado; k++) usado = m.pesos[b * K + k] !== 0;
    if (usado) usados.push(b);
  }
  const idx = Int32Array.from(usados);
  const w = new Float32Array(idx.length * K);
  idx.forEach((b, i) => {
    for (let k = 0; k < K; k++) w[i * K + k] = m.pesos[b * K + k]!;
  });
  const qw = cuantizarPesos(w, K);
  const qi = m.idf ? cuantizarPositivos(Float32Array.from(idx, (b) => m.idf![b]!)) : null;
  const archivo: ArchivoModelo = {
    formato: m.formato,
    version: m.version,
    creado: m.creado,
    etiquetas: m.etiquetas,
    rasgos: m.rasgos,
    umbral: m.umbral,
    soporte: m.soporte,
    temperatura: m.temperatura,
    calibracion: Array.from(m.calibracion),
    intercepto: Array.from(m.intercepto),
    buckets: { n: idx.length, datos: aBase64(varints(idx)) },
    idf: qi ? { escala: qi.escala, datos: aBase64(int16aBytes(qi.datos)) } : null,
    pesos: { escalas: qw.escalas, datos: aBase64(int16aBytes(qw.datos)) },
  };
  return JSON.stringify(archivo);
}

export class ErrorModelo extends Error {
  constructor(detalle: string) {
    super(`El archivo no es un modelo de clasificador válido: ${detalle}.`);
    this.name = 'ErrorModelo';
  }
}

const esNumero = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);
const listaNumeros = (x: unknown, n: number) => Array.isArray(x) && x.length === n && x.every(esNumero);

/** Parses and validates a model file; a Spanish ErrorModelo says what is wrong. */
export function cargarModelo(texto: string): Modelo {
  let a: ArchivoModelo;
  try {
    a = JSON.parse(texto) as ArchivoModelo;
  } catch {
    throw new ErrorModelo('no es JSON');
  }
  if (typeof a !== 'object' || a === null || a.formato !== FORMATO_MODELO) throw new ErrorModelo(`falta el formato "${FORMATO_MODELO}"`);
  // Version 1 files predate the cross-word character n-grams and the length feature: read with
  // both off, they predict exactly as before. Anything else is refused.
  if (a.version !== VERSION_MODELO && a.version !== 1) {
    throw new ErrorModelo(`es de la versión ${String(a.version)} y esta estación lee las versiones 1 a ${VERSION_MODELO}; vuelva a entrenarlo con esta versión de Radica`);
  }
  if (!Array.isArray(a.etiquetas) || a.etiquetas.length === 0 || !a.etiquetas.every((e) => typeof e === 'string') || new Set(a.etiquetas).size !== a.etiquetas.length) {
    throw new ErrorModelo('las etiquetas faltan o se repiten');
  }
  const K = a.etiquetas.length;
  const r = a.rasgos;
  if (
    typeof r !== 'object' || r === null ||
    !Number.isInteger(r.bits) || r.bits < 10 || r.bits > 22 ||
    !Number.isInteger(r.palabrasN) || !listaNumeros(r.caracteres, 2) ||
    typeof r.raices !== 'boolean' || !esNumero(r.pesoPalabras) || !esNumero(r.maxCaracteres) ||
    (a.version !== 1 && (!listaNumeros(r.caracteresTexto, 2) || typeof r.longitud !== 'boolean'))
  ) {
    throw new ErrorModelo('las opciones de rasgos están incompletas');
  }
  if (!esNumero(a.umbral) || !esNumero(a.temperatura) || !listaNumeros(a.calibracion, K) || !listaNumeros(a.intercepto, K)) {
    throw new ErrorModelo(`la calibración no corresponde a ${K} etiquetas`);
  }
  if (typeof a.buckets !== 'object' || a.buckets === null || !Number.isInteger(a.buckets.n) || a.buckets.n < 0 || typeof a.buckets.datos !== 'string' || typeof a.pesos?.datos !== 'string' || !listaNumeros(a.pesos.escalas, K)) {
    throw new ErrorModelo('faltan los pesos');
  }
  const D = 1 << r.bits;
  const n = a.buckets.n;
  let idx: Int32Array;
  let qw: Uint16Array;
  let qi: Uint16Array | null = null;
  try {
    idx = deVarints(deBase64(a.buckets.datos), n);
    qw = bytesAUint16(deBase64(a.pesos.datos), n * K);
    if (a.idf) {
      if (!esNumero(a.idf.escala) || typeof a.idf.datos !== 'string') throw new ErrorModelo('el IDF está incompleto');
      qi = bytesAUint16(deBase64(a.idf.datos), n);
    }
  } catch (e) {
    if (e instanceof ErrorModelo) throw new ErrorModelo(`los pesos no tienen la forma declarada (${e.message.replace(/^.*válido: /, '').replace(/\.$/, '')})`);
    throw new ErrorModelo('los pesos no son base64 válido');
  }
  for (let i = 0; i < n; i++) {
    if (idx[i]! >= D || (i > 0 && idx[i]! <= idx[i - 1]!)) throw new ErrorModelo(`los índices de los rasgos no caben en 2^${r.bits}`);
  }
  const w = descuantizarPesos({ escalas: a.pesos.escalas, datos: new Int16Array(qw.buffer, qw.byteOffset, qw.length) }, K);
  const pesos = new Float32Array(D * K);
  const idf = qi ? new Float32Array(D) : null;
  const idfUsados = qi ? descuantizarPositivos({ escala: a.idf!.escala, datos: qi }) : null;
  idx.forEach((b, i) => {
    for (let k = 0; k < K; k++) pesos[b * K + k] = w[i * K + k]!;
    if (idf) idf[b] = idfUsados![i]!;
  });
  return {
    formato: FORMATO_MODELO,
    version: VERSION_MODELO,
    creado: String(a.creado),
    etiquetas: a.etiquetas,
    rasgos: { bits: r.bits, palabrasN: r.palabrasN, caracteres: [r.caracteres[0]!, r.caracteres[1]!], caracteresTexto: a.version === 1 ? [0, 0] : [r.caracteresTexto[0], r.caracteresTexto[1]], longitud: a.version === 1 ? false : r.longitud, raices: r.raices, pesoPalabras: r.pesoPalabras, maxCaracteres: r.maxCaracteres },
    umbral: a.umbral,
    soporte: typeof a.soporte === 'object' && a.soporte !== null ? a.soporte : {},
    idf,
    pesos,
    intercepto: Float32Array.from(a.intercepto),
    temperatura: a.temperatura,
    calibracion: Float32Array.from(a.calibracion),
  };
}
