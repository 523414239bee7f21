import { describe, expect, it } from 'vitest';
import catalogoJson from '../../../resources/catalogo.json';
import { catalogoSchema } from '../../../shared/domain/catalog';
import type { RadicadoRevisable } from '../../../shared/domain/revision';
import { calcularRiesgos, diasEquivalentes, fichasAsunto, gruposCasiIdenticos, palabras, type Puntajes } from '../../../shared/revision/riesgo';
import { normalizarFrase } from '../../../shared/sugerencias';

const catalogo = catalogoSchema.parse({ ...catalogoJson, version: 1 });

function radicado(over: Partial<RadicadoRevisable>): RadicadoRevisable {
  return {
    numero: '2026-0103-000001',
    fechaHora: 0,
    sede: '01',
    ventanilla: '03',
    radicador: 'laura',
    radicadorNombre: 'Laura',
    canal: 'presencial',
    asunto: 'x',
    tipo: 'PET-GEN',
    dependencia: '300',
    termino: 15,
    unidadTermino: 'dias_habiles',
    venceEl: null,
    venceEn: null,
    marca: null,
    ...over,
  };
}

const p = (tipo: [string, number][], dependencia: [string, number][] = []): Puntajes => ({
  tipo: tipo.map(([codigo, probabilidad]) => ({ codigo, probabilidad })),
  dependencia: dependencia.map(([codigo, probabilidad]) => ({ codigo, probabilidad })),
});

describe('riesgo de cada radicado', () => {
  it('nada sospechoso: el clasificador coincide y está seguro', () => {
    const [r] = calcularRiesgos([radicado({})], [p([['PET-GEN', 0.9]], [['300', 0.8]])], catalogo);
    expect(r).toEqual({ riesgo: 0, motivos: [] });
  });

  it('desacuerdo de tipo pesa la diferencia de probabilidades, y un término más largo que el del texto suma', () => {
    const [tutela, queja] = calcularRiesgos(
      [radicado({ asunto: 'a' }), radicado({ asunto: 'b' })],
      [p([['TUT', 0.9], ['PET-GEN', 0.05]]), p([['QUE', 0.6], ['PET-GEN', 0.3]])],
      catalogo,
    );
    expect(tutela!.riesgo).toBeGreaterThan(0.9);
    expect(tutela!.motivos[0]).toMatch(/sugiere TUT · Acción de tutela.*\(90 %\); se radicó como PET-GEN \(5 %\)/);
    expect(tutela!.motivos.join(' ')).toMatch(/como TUT sería horas, según el documento; como PET-GEN quedó en 15 días hábiles, y el vencimiento puede estar corrido/);
    // QUE has the same term as PET-GEN: only the disagreement counts.
    expect(queja!.riesgo).toBeCloseTo(0.3, 3);
    expect(queja!.motivos).toHaveLength(1);
  });

  it('confianza baja y dependencia distinta son señales propias', () => {
    const [dudoso, dep] = calcularRiesgos(
      [radicado({ asunto: 'a' }), radicado({ asunto: 'b' })],
      [p([['PET-GEN', 0.2]]), p([['PET-GEN', 0.8]], [['800', 0.9]])],
      catalogo,
    );
    expect(dudoso!.motivos).toEqual(['Confianza baja del clasificador sobre el tipo (20 %).']);
    expect(dudoso!.riesgo).toBeCloseTo(0.175, 3);
    expect(dep!.motivos[0]).toMatch(/dirigiría a 800 .*\(90 %\); se dirigió a 300/);
    expect(dep!.riesgo).toBeCloseTo(0.63, 3);
  });

  it('las señales se combinan como probabilidades independientes y nunca pasan de 1', () => {
    const [r] = calcularRiesgos([radicado({})], [p([['TUT', 1]], [['110', 1]])], catalogo);
    expect(r!.riesgo).toBeLessThanOrEqual(1);
    expect(r!.riesgo).toBeGreaterThan(0.99);
  });
});

describe('asuntos casi idénticos', () => {
  it('agrupa el mismo asunto con otro orden, tildes o un número distinto, y no asuntos distintos', () => {
    const g = gruposCasiIdenticos([
      'Solicitud de poda del árbol frente a la casa, barrio San Isidro',
      'solicitud PODA arbol frente casa barrio san isidro',
      'Barrio San Isidro: poda del árbol frente a la casa 12',
      'Queja por el ruido del establecimiento nocturno de la esquina',
      'Solicito paz y salvo del impuesto predial',
    ]);
    expect(g[0]).toBeGreaterThanOrEqual(0);
    expect(g[1]).toBe(g[0]);
    expect(g[2]).toBe(g[0]);
    expect(g[3]).toBe(-1);
    expect(g[4]).toBe(-1);
  });

  it('los minoritarios de un grupo con tipos distintos suben de riesgo; un grupo de un solo tipo no', () => {
    const asunto = 'Solicitud de poda del árbol frente a la casa del barrio San Isidro';
    const rs = [radicado({ tipo: 'PET-GEN' }), radicado({ tipo: 'PET-GEN' }), radicado({ tipo: 'PET-GEN' }), radicado({ tipo: 'QUE' })].map((r) => ({ ...r, asunto }));
    const seguro = p([['PET-GEN', 0.9]]);
    const riesgos = calcularRiesgos(rs, [seguro, seguro, seguro, p([['QUE', 0.9]])], catalogo);
    expect(riesgos[3]!.motivos).toEqual(['Asunto casi idéntico a 3 radicados de la semana con otro tipo (PET-GEN: 3).']);
    expect(riesgos[3]!.riesgo).toBeCloseTo(0.45, 3);
    expect(riesgos[0]!.riesgo).toBeCloseTo(0.15, 3);
    const iguales = calcularRiesgos(rs.slice(0, 3), [seguro, seguro, seguro], catalogo);
    expect(iguales.every((r) => r.riesgo === 0)).toBe(true);
  });

  it('miles de cartas de formulario se agrupan sin comparar todas contra todas', () => {
    const asuntos = Array.from({ length: 20_000 }, (_, i) => `Solicitud de exoneración de pico y placa para el vehículo de placa ABC${i % 900} por discapacidad`);
    const t0 = performance.now();
    const g = gruposCasiIdenticos(asuntos);
    expect(performance.now() - t0).toBeLessThan(20_000); // a guard against quadratic blow-up, not a benchmark
    // LSH is probabilistic: nearly every letter lands in the one big group.
    const tam = new Map<number, number>();
    for (const x of g) tam.set(x, (tam.get(x) ?? 0) + 1);
    expect(Math.max(...tam.values())).toBeGreaterThan(0.97 * asuntos.length);
    expect(tam.has(-1)).toBe(false);
  });

  it('fichas: sin tildes, sin palabras vacías, sin repetir, ordenadas', () => {
    expect(fichasAsunto('Solicito la PODA del árbol; poda urgente')).toEqual(['arbol', 'poda', 'urgente']);
  });
});

describe('términos comparables', () => {
  it('horas, días calendario y hábiles en días hábiles', () => {
    expect(diasEquivalentes(null, 'horas')).toBe(2);
    expect(diasEquivalentes(48, 'horas')).toBe(2);
    expect(diasEquivalentes(7, 'dias_calendario')).toBe(5);
    expect(diasEquivalentes(15, 'dias_habiles')).toBe(15);
    expect(diasEquivalentes(null, 'sin_termino')).toBeNull();
  });
});

describe('palabras de un asunto', () => {
  it('son las de normalizarFrase, también con tildes, eñes, símbolos y marcas combinadas', () => {
    const muestras = [
      'Solicitud de PODA del árbol, frente a la casa N° 12-34 (barrio San Isidro)',
      'Reclamación por cobro indebido: ¿quién responde? ¡Urgente!',
      'Niño Muñoz Güiza — año 2026; “comillas” y ‘otras’ · punto·medio',
      'Accio\u0301n de tutela con acento combinado y emoji 😀 y ß ø æ œ',
      '  espacios   repetidos\ty\tsaltos\nde línea  ',
      'Ｆｕｌｌｗｉｄｔｈ ｙ ﬁ ligadura ² ½',
      '',
    ];
    let x = 7;
    const azar = () => ((x = (x * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const alfabeto = 'aáàäâbcçdeéèëêfghiíìïîjklmnñoóòöôpqrstuúùüûvwxyzAÁÉÍÓÚÑÜ0123456789 .,;:¿?¡!-–—/()"\'°ºª\u0301\u0303';
    for (let i = 0; i < 2000; i++) muestras.push(Array.from({ length: 40 }, () => alfabeto[Math.floor(azar() * alfabeto.length)]).join(''));
    for (const m of muestras) {
      const esperado = normalizarFrase(m) === '' ? [] : normalizarFrase(m).split(' ');
      expect(palabras(m), JSON.stringify(m)).toEqual(esperado);
    }
  });
});
