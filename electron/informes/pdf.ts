/**
 * The weekly report as a printable A4 PDF (pdfkit, vector only). Written top to bottom with its own
 * cursor, so a table row is never split and a table that goes on to the next page repeats its
 * header; the pages are kept open (bufferPages) and numbered "Página i de N" at the end.
 *
 * Fonts: the standard Helvetica, as the stickers (electron/printing/pdf.ts). Its WinAnsi encoding
 * holds every Spanish letter and sign (á é í ó ú ü ñ ¿ ¡ « » – · °), needs no font file on the
 * station (Windows has no DejaVu) and keeps the file small and the bytes reproducible; anything
 * outside WinAnsi (an emoji in an observation) goes through the same aWinAnsi as the stickers.
 */
import { formatFecha, formatFechaHora } from '../../shared/domain/bogota';
import type { FigurasRevision, InformeSemanal, ObservacionInforme, PuntoTendencia } from '../../shared/domain/revision';
import { NOMBRE_OBJETIVO } from '../../shared/sugerencias';
import { nombreFuente, type CifrasDesempeno, type ConfusionSugerencia, type FuenteDesempeno } from '../../shared/sugerencias/desempeno';
import { aWinAnsi } from '../printing/pdf';
import { nuevoDocumentoPdf, type DocumentoPdf } from './documentoPdf';
import { codigoYNombre, entero, nombreDependencia, nombreTipo, periodo, porcentaje } from './formato';

const ANCHO_PAGINA = 595.28; // A4 portrait, points
const ALTO_PAGINA = 841.89;
const MARGEN_X = 42; // ≈ 15 mm
const MARGEN_SUPERIOR = 54; // below the running header of pages 2…N
const LIMITE_INFERIOR = ALTO_PAGINA - 58; // above the footer
const ANCHO_UTIL = ANCHO_PAGINA - 2 * MARGEN_X;

const TITULO_INFORME = 'Informe semanal de revisión de clasificación y direccionamiento';

const COLOR = {
  texto: '#1a1a1a',
  tenue: '#5a6570',
  acento: '#1f4e79',
  borde: '#b8c2cc',
  cabecera: '#e3e9f0',
  cebra: '#f5f7fa',
  radicados: '#1f4e79',
  revisados: '#9dc3e6',
  tasa: '#c0392b',
  rejilla: '#d5dbe1',
};

const NORMAL = 'Helvetica';
const NEGRITA = 'Helvetica-Bold';
const CUERPO = 8;
const RELLENO = 3.2; // cell padding

type Alineacion = 'left' | 'right' | 'center';

interface Columna<T> {
  titulo: string;
  /** Relative width; the columns share the page width in these proportions. */
  peso: number;
  alinear?: Alineacion;
  valor: (fila: T) => string;
}

interface Tabla<T> {
  titulo: string;
  /** One line under the title: what the figures mean. */
  nota?: string;
  columnas: Columna<T>[];
  filas: T[];
  /** A last, bold row (the totals). */
  total?: T;
}

/** Figures that every per-row table prints the same way. */
function columnasFiguras<T extends FigurasRevision>(): Columna<T>[] {
  return [
    { titulo: 'Radicados', peso: 1, alinear: 'right', valor: (f) => entero(f.radicados) },
    { titulo: 'Revisados', peso: 1, alinear: 'right', valor: (f) => entero(f.revisados) },
    { titulo: 'Errores de clasificación', peso: 1.25, alinear: 'right', valor: (f) => entero(f.erroresClasificacion) },
    { titulo: 'Errores de direccionamiento', peso: 1.4, alinear: 'right', valor: (f) => entero(f.erroresDireccionamiento) },
    { titulo: 'Tasa de error', peso: 1, alinear: 'right', valor: (f) => tasa(f) },
  ];
}

/** The rate, or a dash when nothing was reviewed (a 0 % there would claim a clean review). */
function tasa(f: FigurasRevision): string {
  return f.revisados === 0 ? '—' : porcentaje(f.tasaError);
}

class Maquetador {
  y = MARGEN_SUPERIOR;

  constructor(readonly doc: DocumentoPdf) {}

  escribir(
    texto: string,
    x: number,
    y: number,
    o: { fuente?: string; tamano?: number; color?: string; ancho?: number; alto?: number; alinear?: Alineacion } = {},
  ): void {
    const { doc } = this;
    doc.font(o.fuente ?? NORMAL).fontSize(o.tamano ?? CUERPO).fillColor(o.color ?? COLOR.texto);
    const t = aWinAnsi(texto);
    if (o.ancho === undefined) doc.text(t, x, y, { lineBreak: false });
    // With a height the text stops at the cell's bottom (ellipsis) and never opens a page itself.
    else doc.text(t, x, y, { width: o.ancho, height: o.alto ?? 1e4, ellipsis: true, align: o.alinear ?? 'left' });
  }

  /** Heights already measured: names, dates and corrections repeat on every page of observations. */
  private readonly medidas = new Map<string, number>();

  medir(texto: string, ancho: number, fuente = NORMAL, tamano = CUERPO): number {
    const clave = `${fuente}|${tamano}|${ancho}|${texto}`;
    let alto = this.medidas.get(clave);
    if (alto === undefined) {
      this.doc.font(fuente).fontSize(tamano);
      alto = this.doc.heightOfString(aWinAnsi(texto) || ' ', { width: ancho });
      this.medidas.set(clave, alto);
    }
    return alto;
  }

  nuevaPagina(): void {
    this.doc.addPage();
    this.y = MARGEN_SUPERIOR;
  }

  /** Room for `alto` points, or a new page. */
  asegurar(alto: number): void {
    if (this.y + alto > LIMITE_INFERIOR) this.nuevaPagina();
  }

  linea(x1: number, y1: number, x2: number, y2: number, color = COLOR.borde, grosor = 0.5): void {
    this.doc.moveTo(x1, y1).lineTo(x2, y2).lineWidth(grosor).stroke(color);
  }

  rect(x: number, y: number, w: number, h: number, color: string): void {
    this.doc.rect(x, y, w, h).fill(color);
  }

  alturaTitulo(nota?: string): number {
    return 22 + (nota ? this.medir(nota, ANCHO_UTIL, NORMAL, 7.5) + 3 : 0);
  }

  titulo(texto: string, nota?: string): void {
    this.y += 8;
    this.escribir(texto, MARGEN_X, this.y, { fuente: NEGRITA, tamano: 11, color: COLOR.acento });
    this.y += 14;
    if (nota) {
      this.escribir(nota, MARGEN_X, this.y, { tamano: 7.5, color: COLOR.tenue, ancho: ANCHO_UTIL });
      this.y += this.medir(nota, ANCHO_UTIL, NORMAL, 7.5) + 3;
    }
  }

  parrafo(texto: string, o: { fuente?: string; tamano?: number; color?: string } = {}): void {
    const tamano = o.tamano ?? 9;
    const alto = this.medir(texto, ANCHO_UTIL, o.fuente ?? NORMAL, tamano);
    this.asegurar(alto);
    this.escribir(texto, MARGEN_X, this.y, { ...o, tamano, ancho: ANCHO_UTIL, alto: alto + 2 });
    this.y += alto + 4;
  }

  tabla<T>(t: Tabla<T>): void {
    const suma = t.columnas.reduce((s, c) => s + c.peso, 0);
    const anchos = t.columnas.map((c) => (c.peso / suma) * ANCHO_UTIL);
    const xs = anchos.map((_, i) => MARGEN_X + anchos.slice(0, i).reduce((s, a) => s + a, 0));
    const interior = (i: number) => anchos[i]! - 2 * RELLENO;

    const altoFila = (textos: string[], fuente: string) =>
      Math.max(...textos.map((s, i) => this.medir(s, interior(i), fuente))) + 2 * RELLENO;
    const titulos = t.columnas.map((c) => c.titulo);
    const altoCabecera = altoFila(titulos, NEGRITA);
    // A row taller than a page would never fit: it is cut (with an ellipsis) to what a page holds
    // under the title (with its note, as on the table's first page) and the header.
    const maximo = LIMITE_INFERIOR - MARGEN_SUPERIOR - this.alturaTitulo(t.nota) - altoCabecera - 2;

    const dibujarFila = (textos: string[], alto: number, fuente: string, fondo: string | null) => {
      if (fondo) this.rect(MARGEN_X, this.y, ANCHO_UTIL, alto, fondo);
      textos.forEach((s, i) => {
        this.escribir(s, xs[i]! + RELLENO, this.y + RELLENO, {
          fuente,
          ancho: interior(i),
          alto: alto - 2 * RELLENO + 1,
          alinear: t.columnas[i]!.alinear ?? 'left',
        });
      });
      this.y += alto;
      this.linea(MARGEN_X, this.y, MARGEN_X + ANCHO_UTIL, this.y);
    };
    const cabecera = () => {
      this.linea(MARGEN_X, this.y, MARGEN_X + ANCHO_UTIL, this.y, COLOR.acento, 0.8);
      dibujarFila(titulos, altoCabecera, NEGRITA, COLOR.cabecera);
    };

    const filas = t.filas.map((f) => {
      const textos = t.columnas.map((c) => c.valor(f));
      return { textos, alto: Math.min(maximo, altoFila(textos, NORMAL)) };
    });

    // The title stays with the header and the first row.
    this.asegurar(this.alturaTitulo(t.nota) + altoCabecera + (filas[0]?.alto ?? 0));
    this.titulo(t.titulo, t.nota);
    cabecera();
    filas.forEach((f, n) => {
      if (this.y + f.alto > LIMITE_INFERIOR) {
        this.nuevaPagina();
        this.titulo(`${t.titulo} (continuación)`);
        cabecera();
      }
      dibujarFila(f.textos, f.alto, NORMAL, n % 2 === 1 ? COLOR.cebra : null);
    });
    if (t.total) {
      const textos = t.columnas.map((c) => c.valor(t.total!));
      const alto = altoFila(textos, NEGRITA);
      if (this.y + alto > LIMITE_INFERIOR) {
        this.nuevaPagina();
        this.titulo(`${t.titulo} (continuación)`);
        cabecera();
      }
      this.linea(MARGEN_X, this.y, MARGEN_X + ANCHO_UTIL, this.y, COLOR.acento, 0.8);
      dibujarFila(textos, alto, NEGRITA, null);
    }
    this.y += 6;
  }
}

/** A round axis maximum (1, 2, 2.5 or 5 × 10^k) with `pasos` equal steps. */
function maximoRedondo(valor: number, pasos: number, minimo: number): number {
  const bruto = Math.max(valor, minimo) / pasos;
  const potencia = 10 ** Math.floor(Math.log10(bruto));
  const paso = [1, 2, 2.5, 5, 10].map((m) => m * potencia).find((p) => p >= bruto - 1e-12)!;
  return paso * pasos;
}

/**
 * Two panels over the same weeks: bars for radicados and revisados, and under them the error rate
 * as a line. Two panels rather than a second axis: no label sits on a bar, and nobody reads a
 * percentage against the counts' scale.
 */
function grafica(m: Maquetador, puntos: PuntoTendencia[], semanaActual: string): void {
  const ALTO_LEYENDA = 16;
  const ALTO_BARRAS = 112;
  const SEPARACION = 16;
  const ALTO_TASA = 62;
  const ALTO_ETIQUETAS = 24;
  const nota = 'Arriba, radicados y revisados por semana; abajo, la tasa de error (sin punto en las semanas sin revisión).';
  m.asegurar(m.alturaTitulo(nota) + ALTO_LEYENDA + ALTO_BARRAS + SEPARACION + ALTO_TASA + ALTO_ETIQUETAS + 8);
  m.titulo(`Tendencia de las últimas ${puntos.length} semanas`, nota);

  // Legend.
  let lx = MARGEN_X + 34;
  const ly = m.y + 4;
  const entrada = (color: string, texto: string, linea = false) => {
    if (linea) {
      m.linea(lx, ly + 3.5, lx + 14, ly + 3.5, color, 1.5);
      m.doc.circle(lx + 7, ly + 3.5, 2).fill(color);
    } else m.rect(lx + 3, ly, 8, 7, color);
    m.escribir(texto, lx + 18, ly, { tamano: 7.5 });
    m.doc.font(NORMAL).fontSize(7.5);
    lx += 18 + m.doc.widthOfString(aWinAnsi(texto)) + 16;
  };
  entrada(COLOR.radicados, 'Radicados');
  entrada(COLOR.revisados, 'Revisados');
  entrada(COLOR.tasa, 'Tasa de error', true);
  m.y += ALTO_LEYENDA;

  const x0 = MARGEN_X + 34;
  const x1 = MARGEN_X + ANCHO_UTIL - 4;
  const ancho = (x1 - x0) / puntos.length;
  const centro = (i: number) => x0 + ancho * (i + 0.5);

  /** Horizontal grid with its labels on the left; returns the baseline. */
  const rejilla = (arriba: number, alto: number, pasos: number, etiqueta: (i: number) => string, color: string) => {
    const base = arriba + alto;
    for (let i = 0; i <= pasos; i++) {
      const y = base - (alto * i) / pasos;
      if (i === 0) m.linea(x0, y, x1, y, COLOR.tenue, 0.8);
      else {
        m.doc.save();
        m.doc.dash(2, { space: 2 });
        m.linea(x0, y, x1, y, COLOR.rejilla, 0.5);
        m.doc.undash();
        m.doc.restore();
      }
      m.escribir(etiqueta(i), MARGEN_X, y - 3, { tamano: 6.5, color, ancho: 30, alinear: 'right' });
    }
    return base;
  };

  // Panel 1: counts.
  const PASOS = 4;
  const maxCant = maximoRedondo(Math.max(...puntos.map((p) => Math.max(p.radicados, p.revisados))), PASOS, PASOS);
  const arriba1 = m.y + 8; // room for the value over the tallest bar
  const alto1 = ALTO_BARRAS - 8;
  const base1 = rejilla(arriba1, alto1, PASOS, (i) => entero((maxCant * i) / PASOS), COLOR.tenue);
  const barra = Math.min(20, ancho * 0.32);
  puntos.forEach((p, i) => {
    const cx = centro(i);
    const barras: [number, number, string][] = [
      [cx - barra - 1, p.radicados, COLOR.radicados],
      [cx + 1, p.revisados, COLOR.revisados],
    ];
    for (const [x, valor, color] of barras) {
      const h = (alto1 * valor) / maxCant;
      if (h > 0) m.rect(x, base1 - h, barra, h, color);
      m.escribir(entero(valor), x - 6, base1 - h - 8, { tamano: 6, color: COLOR.tenue, ancho: barra + 12, alto: 8, alinear: 'center' });
    }
  });

  // Panel 2: the rate.
  const revisadas = puntos.filter((p) => p.revisados > 0);
  const maxTasa = Math.min(1, maximoRedondo(Math.max(0, ...revisadas.map((p) => p.tasaError)), 2, 0.1));
  const arriba2 = base1 + SEPARACION;
  const alto2 = ALTO_TASA - 10;
  const base2 = rejilla(arriba2 + 10, alto2, 2, (i) => porcentaje((maxTasa * i) / 2), COLOR.tasa);
  const linea: [number, number, number][] = [];
  puntos.forEach((p, i) => {
    if (p.revisados > 0) linea.push([i, centro(i), base2 - (alto2 * Math.min(p.tasaError, maxTasa)) / maxTasa]);
  });
  for (let k = 1; k < linea.length; k++) {
    const [ia, ax, ay] = linea[k - 1]!;
    const [ib, bx, by] = linea[k]!;
    if (ib - ia === 1) m.linea(ax, ay, bx, by, COLOR.tasa, 1.5);
  }
  for (const [i, x, y] of linea) {
    m.doc.circle(x, y, 2.4).fill(COLOR.tasa);
    m.escribir(porcentaje(puntos[i]!.tasaError), x - 22, y - 10, { tamano: 6.5, color: COLOR.tasa, fuente: NEGRITA, ancho: 44, alto: 8, alinear: 'center' });
  }

  // Weeks.
  puntos.forEach((p, i) => {
    const cx = centro(i);
    const actual = p.semana === semanaActual;
    const [, sem = p.semana] = p.semana.split('-');
    m.escribir(sem, cx - ancho / 2, base2 + 4, { tamano: 7, fuente: actual ? NEGRITA : NORMAL, ancho, alto: 9, alinear: 'center' });
    m.escribir(formatFecha(p.desde).slice(0, 5), cx - ancho / 2, base2 + 13, { tamano: 6.5, color: COLOR.tenue, ancho, alto: 9, alinear: 'center' });
  });
  m.y = base2 + ALTO_ETIQUETAS + 4;
}

function cabeceraInforme(m: Maquetador, informe: InformeSemanal): void {
  m.y = 40;
  m.escribir(informe.entidad, MARGEN_X, m.y, { fuente: NEGRITA, tamano: 15, ancho: ANCHO_UTIL, alto: 40 });
  m.y += m.medir(informe.entidad, ANCHO_UTIL, NEGRITA, 15) + 2;
  m.escribir(TITULO_INFORME, MARGEN_X, m.y, { fuente: NEGRITA, tamano: 12, color: COLOR.acento, ancho: ANCHO_UTIL, alto: 32 });
  m.y += m.medir(TITULO_INFORME, ANCHO_UTIL, NEGRITA, 12) + 5;
  const sedes = informe.sedes.length === 1 ? `Sede ${informe.sedes[0]}` : `Sedes ${informe.sedes.join(', ')}`;
  m.escribir(`Semana ${informe.semana}, ${periodo(informe)} · ${sedes}`, MARGEN_X, m.y, { tamano: 10 });
  m.y += 14;
  m.escribir(`Generado el ${formatFechaHora(informe.generadoEn)} (hora de Bogotá) · Revisó: ${informe.firmadoPor}`, MARGEN_X, m.y, {
    tamano: 8,
    color: COLOR.tenue,
  });
  m.y += 13;
  m.linea(MARGEN_X, m.y, MARGEN_X + ANCHO_UTIL, m.y, COLOR.acento, 1.2);
  m.y += 4;
}

function correccion(o: ObservacionInforme): string {
  const partes: string[] = [];
  if (o.tipoCorrecto && o.tipoCorrecto !== o.tipo) partes.push(`Tipo: ${o.tipo} » ${o.tipoCorrecto}`);
  if (o.dependenciaCorrecta && o.dependenciaCorrecta !== o.dependencia) partes.push(`Dependencia: ${o.dependencia} » ${o.dependenciaCorrecta}`);
  if (partes.length === 0) return o.veredicto === 'correcto' ? 'Correcto' : 'Incorrecto';
  return partes.join('\n');
}

function contenido(m: Maquetador, informe: InformeSemanal): void {
  const t = informe.totales;
  m.tabla<FigurasRevision>({
    titulo: 'Resumen de la semana',
    nota: 'Tasa de error: radicados revisados con al menos un error de clasificación o de direccionamiento ÷ radicados revisados.',
    columnas: [
      columnasFiguras<FigurasRevision>()[0]!,
      columnasFiguras<FigurasRevision>()[1]!,
      { titulo: 'Revisados / radicados', peso: 1.2, alinear: 'right', valor: (f) => porcentaje(f.radicados === 0 ? 0 : f.revisados / f.radicados) },
      ...columnasFiguras<FigurasRevision>().slice(2),
    ],
    filas: [t],
  });
  if (t.revisados === 0) m.parrafo('Ningún radicado de la semana fue revisado: no hay errores ni tasa de error que informar.', { color: COLOR.tenue });

  m.tabla({
    titulo: 'Por ventanilla',
    columnas: [
      { titulo: 'Sede', peso: 0.7, valor: (f) => f.sede },
      { titulo: 'Ventanilla', peso: 0.9, valor: (f) => f.ventanilla },
      ...columnasFiguras(),
    ],
    filas: informe.ventanillas,
    total: { sede: 'Total', ventanilla: '', ...t },
  });

  m.tabla({
    titulo: 'Por funcionario',
    columnas: [
      { titulo: 'Funcionario', peso: 2.1, valor: (f) => `${f.nombre}\n${f.funcionario}` },
      { titulo: 'Sede / ventanilla', peso: 0.9, valor: (f) => (f.sede ? `${f.sede} / ${f.ventanilla}` : '') },
      ...columnasFiguras(),
    ],
    filas: informe.funcionarios,
    total: { funcionario: '', nombre: 'Total', sede: '', ventanilla: '', ...t },
  });

  const tablaConfusion = (titulo: string, vacio: string, filas: InformeSemanal['confusion'], nombre: (c: string) => string, de: string, a: string) => {
    if (filas.length === 0) {
      m.asegurar(m.alturaTitulo() + 16);
      m.titulo(titulo);
      m.parrafo(vacio, { color: COLOR.tenue });
      return;
    }
    m.tabla({
      titulo,
      columnas: [
        { titulo: de, peso: 3, valor: (c) => codigoYNombre(c.de, nombre(c.de)) },
        { titulo: a, peso: 3, valor: (c) => codigoYNombre(c.a, nombre(c.a)) },
        { titulo: 'Cantidad', peso: 0.8, alinear: 'right', valor: (c) => entero(c.cantidad) },
      ],
      filas,
      total: { de: 'Total', a: '', cantidad: filas.reduce((s, c) => s + c.cantidad, 0) },
    });
  };
  tablaConfusion(
    'Confusión entre tipos documentales',
    'Sin errores de clasificación en los radicados revisados.',
    informe.confusion,
    (c) => nombreTipo(informe, c),
    'Radicado como (tipo)',
    'Tipo correcto',
  );
  tablaConfusion(
    'Errores de direccionamiento',
    'Sin errores de direccionamiento en los radicados revisados.',
    informe.direccionamiento,
    (c) => nombreDependencia(informe, c),
    'Enviado a (dependencia)',
    'Dependencia correcta',
  );

  sugerencias(m, informe);

  if (informe.observaciones.length === 0) {
    m.asegurar(m.alturaTitulo() + 16);
    m.titulo('Observaciones');
    m.parrafo('Sin observaciones de revisión en la semana.', { color: COLOR.tenue });
  } else {
    m.tabla<ObservacionInforme>({
      titulo: 'Observaciones',
      nota: `${entero(informe.observaciones.length)} observaciones de revisión. Corrección: lo radicado » lo correcto.`,
      columnas: [
        // Widths in points (of 511): the number and a correction such as "Tipo: EXO-PYP » PET-GEN" on one line.
        { titulo: 'Radicado', peso: 76, valor: (o) => o.numero },
        { titulo: 'Fecha', peso: 49, valor: (o) => formatFechaHora(o.fechaHora).slice(0, 10) },
        { titulo: 'Funcionario', peso: 80, valor: (o) => o.nombre || o.funcionario },
        { titulo: 'Corrección', peso: 108, valor: correccion },
        { titulo: 'Observación', peso: 198, valor: (o) => o.observacion },
      ],
      filas: informe.observaciones,
    });
  }
}

/** "12 (80,0 %)": a count and its share of `de`. */
function conParte(n: number, de: number): string {
  return de > 0 ? `${entero(n)} (${porcentaje(n / de)})` : entero(n);
}

/** Radicados listed beside a wrong suggestion: enough to look a few up in Consulta. */
const NUMEROS_POR_CONFUSION = 3;

/**
 * What the classifier suggested on the week's radicados and how often it was right, per objetivo
 * and model (the figures of the Clasificador screen's "En la ventanilla"), and its most frequent
 * wrong suggestions: whether the errors above started with a suggestion.
 */
function sugerencias(m: Maquetador, informe: InformeSemanal): void {
  const s = informe.sugerencias;
  const central = s.alcance === 'central' ? ' Del servidor central: solo los radicados de las estaciones que informan sus sugerencias.' : '';
  const nota =
    'Lo que sugirió la estación mientras se escribía el asunto. Acertada: lo sugerido es el tipo o la dependencia final (la corrección del ' +
    `coordinador si revisó el radicado; si no, lo que eligió el funcionario).${central}`;
  if (s.radicados === 0) {
    m.asegurar(m.alturaTitulo(nota) + 16);
    m.titulo('Sugerencias del clasificador', nota);
    m.parrafo(
      s.alcance === 'central' ? 'Ninguna estación informó sus sugerencias de los radicados de la semana.' : 'Sin radicados con sugerencias en la semana.',
      { color: COLOR.tenue },
    );
    return;
  }
  type Fila = CifrasDesempeno & { fuente: string };
  const columnas: Columna<Fila>[] = [
    { titulo: 'Sugirió', peso: 2.3, valor: (f) => f.fuente },
    { titulo: 'Sugeridas', peso: 0.9, alinear: 'right', valor: (f) => entero(f.sugeridas) },
    { titulo: 'Aceptadas', peso: 1.2, alinear: 'right', valor: (f) => conParte(f.aceptadas, f.sugeridas) },
    { titulo: 'Acertadas', peso: 1.2, alinear: 'right', valor: (f) => conParte(f.acertadas, f.sugeridas) },
    {
      titulo: 'Acertadas entre las revisadas',
      peso: 1.5,
      alinear: 'right',
      valor: (f) => (f.revisadas > 0 ? `${entero(f.acertadasRevisadas)} de ${entero(f.revisadas)} (${porcentaje(f.acertadasRevisadas / f.revisadas)})` : '—'),
    },
    { titulo: 'Aceptadas y corregidas en revisión', peso: 1.3, alinear: 'right', valor: (f) => entero(f.corregidasTrasAceptar) },
  ];
  s.objetivos.forEach((o, i) => {
    const titulo = `Sugerencias: ${NOMBRE_OBJETIVO[o.objetivo].toLowerCase()}`;
    const resumen = `${entero(o.total.sugeridas)} de ${entero(s.radicados)} radicados con sugerencia${o.sinSugerencia ? `, ${entero(o.sinSugerencia)} sin ella` : ''}.`;
    const notaTabla = i === 0 ? `${nota} ${resumen}` : resumen;
    if (o.fuentes.length === 0) {
      m.asegurar(m.alturaTitulo(notaTabla) + 16);
      m.titulo(titulo, notaTabla);
      m.parrafo(`No se sugirió ${o.objetivo === 'tipo' ? 'ningún tipo documental' : 'ninguna dependencia'} en la semana.`, { color: COLOR.tenue });
      return;
    }
    m.tabla<Fila>({
      titulo,
      nota: notaTabla,
      columnas,
      filas: o.fuentes.map((f: FuenteDesempeno) => ({ ...f, fuente: nombreFuente(f) })),
      ...(o.fuentes.length > 1 ? { total: { ...o.total, fuente: 'Total' } } : {}),
    });
  });
  const confusiones = s.objetivos.flatMap((o) => o.confusiones.map((c) => ({ ...c, objetivo: o.objetivo === 'tipo' ? 'Tipo' : 'Dependencia' })));
  if (confusiones.length === 0) return;
  m.tabla<ConfusionSugerencia & { objetivo: string }>({
    titulo: 'Lo que más se sugirió mal',
    nota: 'Sugerencia que no era el tipo o la dependencia final, con algunos de sus radicados para buscarlos en Consulta.',
    columnas: [
      { titulo: 'De', peso: 0.95, valor: (c) => c.objetivo },
      { titulo: 'Sugirió', peso: 2.3, valor: (c) => codigoYNombre(c.sugerido, c.nombreSugerido === c.sugerido ? '' : c.nombreSugerido) },
      { titulo: 'Era', peso: 2.3, valor: (c) => codigoYNombre(c.final, c.nombreFinal === c.final ? '' : c.nombreFinal) },
      { titulo: 'Veces', peso: 0.55, alinear: 'right', valor: (c) => entero(c.veces) },
      {
        titulo: 'Radicados',
        peso: 2.4,
        valor: (c) => c.numeros.slice(0, NUMEROS_POR_CONFUSION).join(', ') + (c.veces > NUMEROS_POR_CONFUSION ? ', …' : ''),
      },
    ],
    filas: confusiones,
  });
}

function tendencia(m: Maquetador, informe: InformeSemanal): void {
  if (informe.tendencia.length === 0 || informe.tendencia.every((p) => p.radicados === 0)) return;
  grafica(m, informe.tendencia, informe.semana);
  m.tabla<PuntoTendencia>({
    titulo: 'Cifras de la tendencia',
    columnas: [
      { titulo: 'Semana', peso: 1, valor: (p) => p.semana },
      { titulo: 'Desde', peso: 1, valor: (p) => formatFecha(p.desde) },
      ...columnasFiguras<PuntoTendencia>(),
    ],
    filas: informe.tendencia,
  });
}

function firma(m: Maquetador, informe: InformeSemanal): void {
  m.asegurar(78);
  m.y += 34;
  m.linea(MARGEN_X, m.y, MARGEN_X + 220, m.y, COLOR.texto, 0.7);
  m.y += 5;
  m.escribir(`Revisó: ${informe.firmadoPor}`, MARGEN_X, m.y, { fuente: NEGRITA, tamano: 10 });
  m.y += 14;
  m.escribir(`Informe generado con Radica el ${formatFechaHora(informe.generadoEn)} (hora de Bogotá).`, MARGEN_X, m.y, {
    tamano: 7.5,
    color: COLOR.tenue,
  });
  m.y += 12;
}

/** Running header (pages 2…N) and footer (every page), once the page count is known. */
function marcoDePaginas(m: Maquetador, informe: InformeSemanal): void {
  const { doc } = m;
  const { start, count } = doc.bufferedPageRange();
  const pie = `${TITULO_INFORME} · ${informe.semana} · Generado el ${formatFechaHora(informe.generadoEn)} (hora de Bogotá)`;
  for (let i = 0; i < count; i++) {
    doc.switchToPage(start + i);
    if (i > 0) {
      m.escribir(informe.entidad, MARGEN_X, 24, { tamano: 7.5, color: COLOR.tenue, ancho: ANCHO_UTIL * 0.6, alto: 10 });
      m.escribir(`Informe semanal ${informe.semana}`, MARGEN_X + ANCHO_UTIL * 0.6, 24, { tamano: 7.5, color: COLOR.tenue, ancho: ANCHO_UTIL * 0.4, alto: 10, alinear: 'right' });
      m.linea(MARGEN_X, 36, MARGEN_X + ANCHO_UTIL, 36);
    }
    const y = ALTO_PAGINA - 44;
    m.linea(MARGEN_X, y, MARGEN_X + ANCHO_UTIL, y);
    m.escribir(pie, MARGEN_X, y + 6, { tamano: 7, color: COLOR.tenue, ancho: ANCHO_UTIL - 80, alto: 10 });
    m.escribir(`Página ${i + 1} de ${count}`, MARGEN_X + ANCHO_UTIL - 80, y + 6, { tamano: 7.5, ancho: 80, alto: 10, alinear: 'right' });
  }
}

export async function informeAPdf(informe: InformeSemanal): Promise<Buffer> {
  // The file's dates are the report's: the same report gives the same bytes.
  const fecha = new Date(informe.generadoEn);
  const doc = nuevoDocumentoPdf({
    size: [ANCHO_PAGINA, ALTO_PAGINA],
    margins: { top: MARGEN_SUPERIOR, bottom: 20, left: MARGEN_X, right: MARGEN_X },
    bufferPages: true,
    info: {
      Title: `${TITULO_INFORME} ${informe.semana} – ${informe.entidad}`,
      Author: informe.firmadoPor,
      Subject: `Semana ${informe.semana}, ${periodo(informe)}`,
      Creator: 'Radica',
      Producer: 'Radica',
      CreationDate: fecha,
      ModDate: fecha,
    },
  });
  const partes: Buffer[] = [];
  const terminado = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c) => partes.push(c));
    doc.on('end', () => resolve(Buffer.concat(partes)));
    doc.on('error', reject);
  });

  const m = new Maquetador(doc);
  cabeceraInforme(m, informe);
  if (informe.totales.radicados === 0) {
    m.y += 14;
    const alto = 62;
    m.doc.rect(MARGEN_X, m.y, ANCHO_UTIL, alto).lineWidth(1).fillAndStroke(COLOR.cebra, COLOR.borde);
    m.escribir(`Sin radicados en la semana ${informe.semana}`, MARGEN_X, m.y + 14, {
      fuente: NEGRITA,
      tamano: 14,
      ancho: ANCHO_UTIL,
      alto: 20,
      alinear: 'center',
    });
    const sedes = informe.sedes.length ? ` en ${informe.sedes.length === 1 ? 'la sede' : 'las sedes'} ${informe.sedes.join(', ')}` : '';
    m.escribir(`No se radicó ningún documento${sedes} ${periodo(informe)}: no hay revisiones, errores ni observaciones que informar.`, MARGEN_X + 12, m.y + 36, {
      tamano: 9,
      color: COLOR.tenue,
      ancho: ANCHO_UTIL - 24,
      alto: 24,
      alinear: 'center',
    });
    m.y += alto + 10;
  } else {
    contenido(m, informe);
  }
  tendencia(m, informe);
  firma(m, informe);
  marcoDePaginas(m, informe);
  doc.end();
  return terminado;
}
