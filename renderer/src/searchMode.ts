import type { BuscarInput } from '../../shared/ipc/contract';

export type SearchMode = 'auto' | 'numero' | 'documento' | 'nombre' | 'texto';

export const SEARCH_MODE_LABEL: Record<SearchMode, string> = {
  auto: 'Automático',
  numero: 'Número de radicado',
  documento: 'Documento del remitente',
  nombre: 'Nombre del remitente',
  texto: 'Palabras del asunto',
};

const RADICADO = /^\d{4}-\d+-\d+$/;
const DOCUMENTO_CON_TIPO = /^([A-Za-z]{2,3})\s*:\s*(\S+)$/;
const SOLO_DIGITOS = /^[\d.\s]+$/;

/** Which field an automatic search uses: a radicado number, a document ("CC:123" or digits), or asunto words. */
export function detectSearchMode(query: string): Exclude<SearchMode, 'auto'> {
  const q = query.trim();
  if (RADICADO.test(q)) return 'numero';
  if (DOCUMENTO_CON_TIPO.test(q) || SOLO_DIGITOS.test(q)) return 'documento';
  return 'texto';
}

export function buildSearch(query: string, mode: SearchMode): { mode: Exclude<SearchMode, 'auto'>; input: BuscarInput } {
  const effective = mode === 'auto' ? detectSearchMode(query) : mode;
  const q = query.trim();
  switch (effective) {
    case 'numero':
      return { mode: effective, input: { numero: q } };
    case 'documento':
      // The router reads an optional type prefix ("CC:") and drops dots and spaces.
      return { mode: effective, input: { documento: q } };
    case 'nombre':
      return { mode: effective, input: { nombre: q } };
    case 'texto':
      return { mode: effective, input: { texto: q } };
  }
}
