import { describe, expect, it } from 'vitest';
import { FORMATO_NUMERO_DEFECTO, formatearNumero, serieDe, validarFormatoNumero } from '../../../shared/domain/numbering';
import { catalogoSchema, describeTermino } from '../../../shared/domain/catalog';
import catalogo from '../../../resources/catalogo.json';

describe('número de radicado', () => {
  it('formato por defecto: 2026-0103-000123', () => {
    expect(formatearNumero(FORMATO_NUMERO_DEFECTO, { year: 2026, sede: '01', ventanilla: '03', seq: 123 })).toBe('2026-0103-000123');
  });
  it('un consecutivo que supera el ancho se alarga en vez de repetirse', () => {
    expect(formatearNumero(FORMATO_NUMERO_DEFECTO, { year: 2026, sede: '01', ventanilla: '03', seq: 1_234_567 })).toBe('2026-0103-1234567');
  });
  it('formatos configurables', () => {
    expect(formatearNumero('RAD-{yy}{sede:3}{ventanilla}/{seq:8}', { year: 2027, sede: '2', ventanilla: '11', seq: 5 })).toBe('RAD-2700211/00000005');
    expect(validarFormatoNumero('RAD-{yy}{sede:3}{ventanilla}/{seq:8}')).toEqual([]);
  });
  it('rechaza formatos que permitirían repetir números', () => {
    expect(validarFormatoNumero('{sede}{ventanilla}-{seq}').join(' ')).toMatch(/year/);
    expect(validarFormatoNumero('{year}-{seq}').join(' ')).toMatch(/sede/);
    expect(validarFormatoNumero('{year}{sede}{ventanilla}').join(' ')).toMatch(/seq/);
    expect(validarFormatoNumero('{year}{sede}{ventanilla}{seq}{dia}').join(' ')).toMatch(/desconocido/);
  });
  it('serie por estación y año', () => {
    expect(serieDe(2026, '01', '03')).toBe('2026-0103');
  });
});

describe('catálogo por defecto (resources/catalogo.json)', () => {
  const c = catalogoSchema.parse(catalogo);
  it('tiene los tipos de DOMAIN.md con sus términos de ley', () => {
    const t = Object.fromEntries(c.tipos.map((x) => [x.codigo, x]));
    expect(t['PET-GEN']).toMatchObject({ termino: 15, unidad: 'dias_habiles' });
    expect(t['PET-DOC']).toMatchObject({ termino: 10, unidad: 'dias_habiles' });
    expect(t['PET-CON']).toMatchObject({ termino: 30, unidad: 'dias_habiles' });
    expect(t['TRA']).toMatchObject({ termino: 5, unidad: 'dias_habiles' });
    expect(t['TUT']).toMatchObject({ requiereTermino: true });
    expect(t['ECO']).toMatchObject({ termino: 5, editable: true });
    expect(t['COM']).toMatchObject({ termino: null, unidad: 'sin_termino' });
    for (const codigo of ['PET-AUT', 'QUE', 'REC', 'SUG', 'FEL', 'DEN', 'JUD']) expect(t[codigo]).toBeDefined();
  });
  it('dependencias con códigos únicos', () => {
    expect(c.dependencias.length).toBeGreaterThanOrEqual(10);
  });
  it('rechaza códigos repetidos', () => {
    const malo = { ...catalogo, tipos: [...catalogo.tipos, catalogo.tipos[0]] };
    expect(catalogoSchema.safeParse(malo).success).toBe(false);
  });
  it('describe términos en español', () => {
    expect(describeTermino({ termino: 15, unidad: 'dias_habiles' })).toBe('15 días hábiles');
    expect(describeTermino({ termino: 1, unidad: 'dias_habiles' })).toBe('1 día hábil');
    expect(describeTermino({ termino: null, unidad: 'sin_termino' })).toBe('sin término');
    expect(describeTermino({ termino: null, unidad: 'horas', requiereTermino: true })).toBe('lo fija el documento');
  });
});
