/**
 * Text fitting without a font engine: Helvetica's widths approximated by character class (within a
 * few percent for Spanish text), with a safety margin. The PDF encoder measures exactly and shrinks
 * if a line still overflows; the receipt printer counts columns instead.
 */
export const MM_POR_PUNTO = 25.4 / 72;

function anchoCaracterEm(c: string): number {
  if (/[il.,:;|!'·]/.test(c)) return 0.25;
  if (/[fjrtI\s()\-/]/.test(c)) return 0.33;
  if (/[mwMW@]/.test(c)) return 0.86;
  if (/[A-ZÁÉÍÓÚÑÜ]/.test(c)) return 0.69;
  if (/[0-9#$%&?]/.test(c)) return 0.56;
  return 0.54;
}

export function anchoTextoMm(texto: string, tamano: number, negrita: boolean, mono: boolean): number {
  const em = mono ? texto.length * 0.6 : [...texto].reduce((s, c) => s + anchoCaracterEm(c), 0);
  return em * tamano * MM_POR_PUNTO * (negrita && !mono ? 1.07 : 1) * 1.04;
}

export function altoLineaMm(tamano: number): number {
  return tamano * MM_POR_PUNTO * 1.18;
}

/** Cuts a single line to the width, ending in … when something was left out. */
export function recortar(texto: string, anchoMm: number, tamano: number, negrita = false, mono = false): string {
  const limpio = texto.replace(/\s+/g, ' ').trim();
  if (anchoTextoMm(limpio, tamano, negrita, mono) <= anchoMm) return limpio;
  let lo = 0;
  let hi = limpio.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (anchoTextoMm(limpio.slice(0, mid).trimEnd() + '…', tamano, negrita, mono) <= anchoMm) lo = mid;
    else hi = mid - 1;
  }
  return lo === 0 ? '…' : limpio.slice(0, lo).trimEnd() + '…';
}

/** Word-wraps into at most maxLineas lines; the last one ends in … when text was left out. */
export function envolver(texto: string, anchoMm: number, tamano: number, maxLineas: number, negrita = false, mono = false): string[] {
  const palabras = texto.replace(/\s+/g, ' ').trim().split(' ').filter(Boolean);
  const lineas: string[] = [];
  let actual = '';
  let i = 0;
  for (; i < palabras.length; i++) {
    const candidata = actual ? `${actual} ${palabras[i]}` : palabras[i]!;
    if (anchoTextoMm(candidata, tamano, negrita, mono) <= anchoMm) {
      actual = candidata;
      continue;
    }
    if (actual) lineas.push(actual);
    actual = palabras[i]!;
    if (lineas.length === maxLineas) break;
  }
  if (lineas.length < maxLineas && actual) {
    lineas.push(actual);
    actual = '';
    i = palabras.length;
  }
  const sobra = i < palabras.length;
  return lineas
    .slice(0, maxLineas)
    .map((l, k, all) => (k === all.length - 1 && sobra ? recortar(`${l} ${palabras.slice(i).join(' ')}`, anchoMm, tamano, negrita, mono) : recortar(l, anchoMm, tamano, negrita, mono)));
}

/** Font of the text being wrapped by columns, when it is also drawn in millimetres (PDF, preview). */
export interface MedidaTexto {
  anchoMm: number;
  tamano: number;
  negrita?: boolean;
  mono?: boolean;
}

/**
 * The same for a receipt printer, by character columns. With `medida` every line must also fit its
 * width in millimetres: a line of 48 capitals is 48 columns on the printer but wider than 72 mm in
 * Helvetica, and cutting it afterwards would drop words from the middle of the text.
 */
export function envolverColumnas(texto: string, columnas: number, maxLineas: number, medida?: MedidaTexto): string[] {
  const cabe = (s: string) => s.length <= columnas && (!medida || anchoTextoMm(s, medida.tamano, medida.negrita ?? false, medida.mono ?? false) <= medida.anchoMm);
  const palabras = texto.replace(/\s+/g, ' ').trim().split(' ').filter(Boolean);
  // A word longer than a line (a URL) is split across lines, never cut: a truncated consultation
  // URL printed under the QR would send the citizen to a page that does not exist.
  const trozos: string[] = [];
  for (const p of palabras) {
    let resto = p;
    while (resto.length > 1 && !cabe(resto)) {
      let n = Math.max(1, Math.min(resto.length - 1, columnas));
      while (n > 1 && !cabe(resto.slice(0, n))) n--;
      trozos.push(resto.slice(0, n));
      resto = resto.slice(n);
    }
    trozos.push(resto);
  }
  const lineas: string[] = [];
  let actual = '';
  for (const trozo of trozos) {
    const candidata = actual ? `${actual} ${trozo}` : trozo;
    if (cabe(candidata)) actual = candidata;
    else {
      if (actual) lineas.push(actual);
      actual = trozo;
    }
  }
  if (actual) lineas.push(actual);
  if (lineas.length <= maxLineas) return lineas;
  const out = lineas.slice(0, maxLineas);
  let ultima = out[maxLineas - 1]!;
  while (ultima.length > 0 && !cabe(`${ultima}…`)) ultima = ultima.slice(0, -1).trimEnd();
  out[maxLineas - 1] = `${ultima}…`;
  return out;
}
