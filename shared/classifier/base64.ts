/** Base64 for model files: shared/ has neither Buffer (Node) nor btoa (DOM). */
const ALFABETO = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const VALOR = new Int16Array(128).fill(-1);
for (let i = 0; i < ALFABETO.length; i++) VALOR[ALFABETO.charCodeAt(i)] = i;

export function aBase64(bytes: Uint8Array): string {
  const partes: string[] = [];
  let linea = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i]!;
    const b = i + 1 < bytes.length ? bytes[i + 1]! : 0;
    const c = i + 2 < bytes.length ? bytes[i + 2]! : 0;
    linea +=
      ALFABETO[a >> 2]! +
      ALFABETO[((a & 3) << 4) | (b >> 4)]! +
      (i + 1 < bytes.length ? ALFABETO[((b & 15) << 2) | (c >> 6)]! : '=') +
      (i + 2 < bytes.length ? ALFABETO[c & 63]! : '=');
    // Joined in chunks: one string grown by += over megabytes is slow in some engines.
    if (linea.length >= 8192) {
      partes.push(linea);
      linea = '';
    }
  }
  partes.push(linea);
  return partes.join('');
}

export function deBase64(texto: string): Uint8Array {
  const s = texto.replace(/=+$/, '');
  if (s.length % 4 === 1) throw new Error('base64 mal formado');
  const out = new Uint8Array(Math.floor((s.length * 3) / 4));
  let o = 0;
  for (let i = 0; i < s.length; i += 4) {
    const v = [0, 1, 2, 3].map((j) => {
      if (i + j >= s.length) return 0;
      const c = s.charCodeAt(i + j);
      const x = c < 128 ? VALOR[c]! : -1;
      if (x < 0) throw new Error('base64 mal formado');
      return x;
    });
    const n = (v[0]! << 18) | (v[1]! << 12) | (v[2]! << 6) | v[3]!;
    out[o++] = (n >> 16) & 255;
    if (i + 2 < s.length) out[o++] = (n >> 8) & 255;
    if (i + 3 < s.length) out[o++] = n & 255;
  }
  return out.subarray(0, o);
}
