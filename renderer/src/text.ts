/** Lower case without accents, for searching Spanish names ("Petición" ≈ "peticion"). */
export function normalize(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .trim();
}
