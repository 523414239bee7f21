/**
 * Spanish text normalisation for the classifier. What a clerk types, what OCR returns and what a
 * previous system exported differ in case, accents, punctuation and numbers; none of that should
 * change a suggestion, so all of it collapses here before any feature is computed.
 */

/** Placeholders the anonymised datasets use, and the tokens they (and their raw forms) become. */
export const MARCADORES = { tel: '_tel_', correo: '_correo_', num: '_num_', url: '_url_', numero: '0' } as const;

const MARCAS = /\p{M}+/gu;
const PLACEHOLDER = /\[(tel|correo|num)\]/gi;
const CORREO = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.[\p{L}]{2,}/gu;
const URL = /\b(?:https?:\/\/|www\.)\S+/gi;
// Digits with their thousands/decimal separators: "1.250.000", "3,5", "2024": one token, the
// value never tells what a request is about, and each value would be a feature of its own.
const NUMERO = /\d+(?:[.,:/-]\d+)*/g;
// Questions and exclamations carry signal (a question is usually a request for information);
// every other symbol is a separator.
const PREGUNTA = /[¿?]+/g;
const EXCLAMACION = /[¡!]+/g;
const OTRO = /[^a-z0-9_?! ]+/g;

/**
 * Lowercase, without accents (ñ → n too: typed text often lacks them), placeholders, e-mails, URLs
 * and numbers as tokens, ¿? and ¡! as tokens, any other symbol a space, one space between tokens.
 */
export function normalizar(texto: string): string {
  let t = texto.replace(PLACEHOLDER, (_m, p: string) => ` ${MARCADORES[p.toLowerCase() as 'tel' | 'correo' | 'num']} `);
  t = t.replace(CORREO, ` ${MARCADORES.correo} `).replace(URL, ` ${MARCADORES.url} `);
  t = t.toLowerCase().normalize('NFD').replace(MARCAS, '');
  t = t.replace(NUMERO, ` ${MARCADORES.numero} `).replace(PREGUNTA, ' ? ').replace(EXCLAMACION, ' ! ');
  // Other scripts and letters outside a–z (ß, ø, emoji) become separators: rare in this corpus,
  // and keeping them would only add hashed features no training example shares.
  t = t.replace(OTRO, ' ');
  return t.replace(/\s+/g, ' ').trim();
}

/** Tokens of an already normalised text. */
export function tokens(normalizado: string): string[] {
  return normalizado === '' ? [] : normalizado.split(' ');
}

// A light Spanish suffix stripper: plural and gender endings and the commonest derivational
// suffixes. Not a full Snowball stemmer: it only needs to make "solicitudes"/"solicitud" and
// "atencion"/"atenciones" share a feature; character n-grams already cover most of the rest.
const SUFIJOS = ['amientos', 'imientos', 'amiento', 'imiento', 'aciones', 'uciones', 'acion', 'ucion', 'mente', 'idades', 'idad', 'istas', 'ista', 'ables', 'able', 'ibles', 'ible', 'ando', 'iendo', 'ados', 'idos', 'adas', 'idas', 'ado', 'ido', 'ada', 'ida', 'es', 'os', 'as', 's', 'o', 'a', 'e'];

/** Stem of one normalised token (tokens of four letters or fewer, numbers and markers are kept). */
export function raiz(token: string): string {
  if (token.length <= 4 || token.startsWith('_') || !/^[a-z]+$/.test(token)) return token;
  for (const s of SUFIJOS) {
    if (token.endsWith(s) && token.length - s.length >= 3) return token.slice(0, token.length - s.length);
  }
  return token;
}
