import { describe, expect, it } from 'vitest';
import { formatFecha, formatFechaHora } from '../../../shared/domain/bogota';
import { entero, porcentaje } from '../../../electron/informes/formato';
import { generarArchivoInforme } from '../../../electron/informes';
import type { FigurasRevision, InformeSemanal } from '../../../shared/domain/revision';
import { nombreFuente, type CifrasDesempeno } from '../../../shared/sugerencias/desempeno';
import { aArchivo, infoPdf, paginasDeTexto, palabras, re, renderizar } from './herramientas';
import { FIRMADO_POR, informeMuestra, informeVacio } from './muestra';

/** The page box the body must stay in (pdf.ts: A4, 42 pt side margins, footer rule 44 pt from the bottom). */
const ANCHO = 595.28;
const ALTO = 841.89;
const MARGEN_X = 42;
const PIE = ALTO - 44;

async function pdfDe(informe: InformeSemanal, nombre: string) {
  const archivo = await generarArchivoInforme(informe, 'pdf');
  const pdf = aArchivo(archivo.nombre.replace('.pdf', `-${nombre}.pdf`), archivo.bytes);
  renderizar(pdf, nombre);
  const paginas = paginasDeTexto(pdf);
  return { archivo, pdf, paginas, texto: paginas.join('\n'), info: infoPdf(pdf) };
}

/** A table row as pdftotext -layout prints it: the cells in order, separated by spaces. */
const fila = (...celdas: string[]) => new RegExp(celdas.map(re).join('\\s+'));
const figuras = (f: FigurasRevision) => [
  entero(f.radicados),
  entero(f.revisados),
  entero(f.erroresClasificacion),
  entero(f.erroresDireccionamiento),
  f.revisados === 0 ? '—' : porcentaje(f.tasaError),
];

describe('informe semanal en PDF', () => {
  const informe = informeMuestra();
  let generado: ReturnType<typeof pdfDe> | undefined;
  /** Written and rendered once for the tests that read it. */
  const muestra = () => (generado ??= pdfDe(informe, 'muestra'));

  it('prints the header, every table figure, the observations, the trend and the signature', async () => {
    const { texto, paginas, info, archivo } = await muestra();
    expect(archivo.nombre).toBe('informe-revision-2026-W47.pdf');
    expect(archivo.tipoMime).toBe('application/pdf');

    expect(texto).toContain('Alcaldía de Ibagué');
    expect(texto).toContain('Informe semanal de revisión de clasificación y direccionamiento');
    expect(texto).toContain('Semana 2026-W47, del 16/11/2026 al 22/11/2026 · Sede 01');
    expect(texto).toContain(`Generado el ${formatFechaHora(informe.generadoEn)} (hora de Bogotá)`);
    expect(formatFechaHora(informe.generadoEn)).toBe('23/11/2026 07:30');

    const t = informe.totales;
    // Summary: radicados, revisados, revisados ÷ radicados, the errors and the rate.
    expect(texto).toMatch(fila(entero(t.radicados), entero(t.revisados), porcentaje(t.revisados / t.radicados), ...figuras(t).slice(2)));
    for (const v of informe.ventanillas) expect(texto).toMatch(new RegExp(`^\\s*${fila(v.sede, v.ventanilla, ...figuras(v)).source}`, 'm'));
    expect(texto).toMatch(fila('Total', ...figuras(t)));
    for (const f of informe.funcionarios) expect(texto).toMatch(fila(f.nombre, `${f.sede} / ${f.ventanilla}`, ...figuras(f)));
    // es-CO: decimal comma and a space before the percent sign.
    expect(texto).toMatch(/\b\d{1,3},\d %/);

    for (const c of informe.confusion) {
      expect(texto).toMatch(fila(`${c.de} · ${informe.nombres.tipos[c.de]}`, `${c.a} · ${informe.nombres.tipos[c.a]}`, String(c.cantidad)));
    }
    for (const c of informe.direccionamiento) {
      expect(texto).toMatch(fila(`${c.de} · ${informe.nombres.dependencias[c.de]}`, `${c.a} · ${informe.nombres.dependencias[c.a]}`, String(c.cantidad)));
    }

    expect(informe.observaciones).toHaveLength(30);
    for (const o of informe.observaciones) expect(texto).toMatch(fila(o.numero, formatFechaHora(o.fechaHora).slice(0, 10)));
    // Wrapped text keeps its accents and Spanish punctuation.
    for (const s of ['Quiñónez', 'Bermúdez', '¿Por qué se envió a Hacienda?', '«queja por mala atención', 'antigüedad']) expect(texto).toContain(s);

    for (const p of informe.tendencia) expect(texto).toMatch(fila(p.semana, formatFecha(p.desde), ...figuras(p)));
    expect(texto).toContain('Tendencia de las últimas 8 semanas');

    expect(texto).toContain(`Revisó: ${FIRMADO_POR}`);
    expect(paginas.at(-1)).toContain('Revisó: Carlos Ruiz');

    const n = Number(info.Pages);
    expect(n).toBeGreaterThan(1);
    paginas.forEach((p, i) => expect(p).toContain(`Página ${i + 1} de ${n}`));
    expect(texto).toContain(`Página 2 de ${n}`);
    expect(info['Page size']).toContain('595.28 x 841.89 pts (A4)');
  });

  it('repeats the header row when a table goes on to the next page, and never splits a row', async () => {
    const { paginas } = await muestra();
    const continuaciones = paginas.filter((p) => p.includes('Observaciones (continuación)'));
    expect(continuaciones.length).toBeGreaterThan(0);
    for (const p of continuaciones) {
      const lineas = p.split('\n');
      const i = lineas.findIndex((l) => l.includes('Observaciones (continuación)'));
      expect(lineas[i + 1]).toMatch(fila('Radicado', 'Fecha', 'Funcionario', 'Corrección', 'Observación'));
    }
    // Each observation's number is printed once in its table: a row is never cut in two across pages.
    const todo = paginas.join('\n');
    const tabla = todo.slice(todo.indexOf('observaciones de revisión. Corrección'));
    for (const o of informe.observaciones) expect(tabla.split(o.numero).length - 1).toBe(1);
  });

  it('says how the suggestions did: per objetivo and model, the total, and the most frequent wrong ones with their radicados', async () => {
    const { texto } = await muestra();
    const s = informe.sugerencias;
    expect(s.radicados).toBe(informe.totales.radicados);
    const parte = (n: number, de: number) => `${entero(n)} (${porcentaje(n / de)})`;
    const cifras = (c: CifrasDesempeno) => [
      entero(c.sugeridas),
      parte(c.aceptadas, c.sugeridas),
      parte(c.acertadas, c.sugeridas),
      `${entero(c.acertadasRevisadas)} de ${entero(c.revisadas)} (${porcentaje(c.acertadasRevisadas / c.revisadas)})`,
      entero(c.corregidasTrasAceptar),
    ];
    expect(texto).toContain('Sugerencias: tipo documental');
    expect(texto).toContain('Sugerencias: dependencia');
    for (const o of s.objetivos) {
      expect(o.fuentes.length).toBeGreaterThan(1);
      expect(texto).toContain(`${entero(o.total.sugeridas)} de ${entero(s.radicados)} radicados con sugerencia, ${entero(o.sinSugerencia)} sin ella.`);
      for (const f of o.fuentes) expect(texto).toMatch(fila(nombreFuente(f), ...cifras(f)));
      expect(texto).toMatch(fila('Total', ...cifras(o.total)));
    }
    expect(texto).toMatch(fila('Esta estación, versión 3'));
    expect(texto).toMatch(fila('Frases del catálogo'));
    expect(texto).toContain('Lo que más se sugirió mal');
    const confusiones = s.objetivos.flatMap((o) => o.confusiones);
    expect(confusiones.length).toBeGreaterThan(3);
    for (const c of confusiones) {
      expect(texto).toContain(c.numeros[0]!);
      expect(texto).toMatch(new RegExp(`${re(c.sugerido)} · [^\\n]*${re(c.final)} · [^\\n]*\\s${c.veces}\\s`));
    }
  });

  it('says when no station reported its suggestions (central), instead of empty tables', async () => {
    const base = informeMuestra({ observaciones: 2 });
    const { texto } = await pdfDe({ ...base, sugerencias: { alcance: 'central', radicados: 0, objetivos: [] } }, 'sin-sugerencias');
    expect(texto).toContain('Sugerencias del clasificador');
    expect(texto).toContain('solo los radicados de las estaciones que informan sus sugerencias');
    expect(texto).toContain('Ninguna estación informó sus sugerencias de los radicados de la semana.');
    expect(texto).not.toContain('Lo que más se sugirió mal');
  });

  it('keeps every word inside the page margins and clear of the running header and footer', async () => {
    const { pdf } = await muestra();
    const todas = palabras(pdf);
    expect(todas.length).toBeGreaterThan(1000);
    for (const p of todas) {
      expect(p.xMin, p.texto).toBeGreaterThanOrEqual(MARGEN_X - 0.5);
      expect(p.xMax, p.texto).toBeLessThanOrEqual(ANCHO - MARGEN_X + 0.5);
      // The body ends above the footer rule; only the footer is below it.
      const pie = p.yMin > PIE;
      const cuerpo = p.yMax < PIE - 8;
      expect(pie || cuerpo, `${p.texto} en la página ${p.pagina}, y ${p.yMin}–${p.yMax}`).toBe(true);
      if (p.pagina > 1) expect(p.yMax < 37 || p.yMin > 50, `${p.texto} en la página ${p.pagina}`).toBe(true);
    }
  });

  it('sets the metadata and gives the same bytes for the same report', async () => {
    const { info } = await muestra();
    expect(info.Title).toBe('Informe semanal de revisión de clasificación y direccionamiento 2026-W47 – Alcaldía de Ibagué');
    expect(info.Author).toBe('Carlos Ruiz');
    expect(info.Creator).toBe('Radica');
    // 07:30 in Bogota.
    expect(info.CreationDate).toMatch(/Nov 23 12:30:00 2026 UTC|Nov 23 07:30:00 2026 -05/);
    const a = await generarArchivoInforme(informe, 'pdf');
    const b = await generarArchivoInforme(informeMuestra(), 'pdf');
    expect(Buffer.from(a.bytes).equals(Buffer.from(b.bytes))).toBe(true);
  });

  it('cuts an observation taller than a page instead of overflowing, and writes what WinAnsi lacks as ?', async () => {
    const base = informeMuestra();
    const larga = `Observación muy extensa. ${'El ciudadano relata los hechos con detalle y anexa soportes; '.repeat(140)}FIN-DEL-TEXTO`;
    const informe: InformeSemanal = {
      ...base,
      entidad: 'Alcaldía Municipal de San Sebastián de Mariquita — Dirección de Atención al Ciudadano y Gestión Documental',
      totales: { ...base.totales, radicados: 12_345 },
      observaciones: [
        { ...base.observaciones[0]!, observacion: larga },
        { ...base.observaciones[1]!, observacion: 'Gracias 🙏 por la atención → muy buena' },
      ],
    };
    const { pdf, texto, paginas } = await pdfDe(informe, 'limites');
    expect(texto).toContain('12.345');
    expect(texto).toContain('Gracias ? por la atención ? muy buena');
    expect(texto).toContain('Observación muy extensa.');
    expect(texto).not.toContain('FIN-DEL-TEXTO');
    expect(texto).toContain('…');
    expect(texto).toContain('San Sebastián de Mariquita');
    // The cut row starts on the page of the table's title: no page with a header and no rows.
    const conTitulo = paginas.find((p) => /^Observaciones$/m.test(p))!;
    expect(conTitulo).toContain(informe.observaciones[0]!.numero);
    paginas.forEach((p, i) => expect(p).toContain(`Página ${i + 1} de ${paginas.length}`));
    for (const p of palabras(pdf)) {
      expect(p.xMax, p.texto).toBeLessThanOrEqual(ANCHO - MARGEN_X + 0.5);
      expect(p.yMin > PIE || p.yMax < PIE - 8, `${p.texto} en la página ${p.pagina}`).toBe(true);
    }
  });

  it('says so plainly for a week without radicados, instead of empty tables', async () => {
    const { texto, info } = await pdfDe(informeVacio(), 'vacio');
    expect(info.Pages).toBe('1');
    expect(texto).toContain('Sin radicados en la semana 2026-W47');
    expect(texto).toContain('del 16/11/2026 al 22/11/2026');
    for (const s of ['Por ventanilla', 'Por funcionario', 'Observaciones', 'Tendencia']) expect(texto).not.toContain(s);
    expect(texto).toContain('Revisó: Carlos Ruiz');
    expect(texto).toContain('Página 1 de 1');
  });

  it('still shows the trend of the earlier weeks when this one had no radicados', async () => {
    const informe = informeVacio({ conTendencia: true });
    const { texto } = await pdfDe(informe, 'vacio-con-tendencia');
    expect(texto).toContain('Sin radicados en la semana 2026-W47');
    expect(texto).toContain('Tendencia de las últimas 8 semanas');
    const anterior = informe.tendencia.at(-2)!;
    expect(texto).toMatch(fila(anterior.semana, formatFecha(anterior.desde), ...figuras(anterior)));
    // This week: zeros and no rate (nothing was reviewed).
    expect(texto).toMatch(fila('2026-W47', '16/11/2026', '0', '0', '0', '0', '—'));
  });
});
