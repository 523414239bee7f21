import { describe, expect, it } from 'vitest';
import { buildSearch, detectSearchMode } from '../../renderer/src/searchMode';

describe('consulta: modo de búsqueda', () => {
  it('reconoce un número de radicado', () => {
    expect(detectSearchMode('2026-0103-000123')).toBe('numero');
    expect(buildSearch(' 2026-0103-000123 ', 'auto')).toEqual({ mode: 'numero', input: { numero: '2026-0103-000123' } });
  });

  it('reconoce un documento con tipo o solo dígitos', () => {
    expect(detectSearchMode('CC:1020304050')).toBe('documento');
    expect(detectSearchMode('cc: 1020304050')).toBe('documento');
    expect(detectSearchMode('1.020.304.050')).toBe('documento');
    expect(buildSearch('CC:1020', 'auto').input).toEqual({ documento: 'CC:1020' });
  });

  it('busca en el asunto lo demás', () => {
    expect(detectSearchMode('certificado de residencia')).toBe('texto');
    expect(detectSearchMode('2026-abc')).toBe('texto');
  });

  it('respeta el modo elegido', () => {
    expect(buildSearch('Rojas', 'nombre')).toEqual({ mode: 'nombre', input: { nombre: 'Rojas' } });
    expect(buildSearch('1020', 'texto')).toEqual({ mode: 'texto', input: { texto: '1020' } });
  });
});
