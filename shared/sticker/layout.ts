import type { DatosSticker, Documento, Elemento, Plantilla, StickerLayout } from './types';
import { PLANTILLAS } from './types';
import { altoLineaMm, envolver, envolverColumnas, recortar } from './fit';
import { barrasCodigo128, modulosQr } from './codes';

/** Code 128 needs ten modules of blank on each side to scan reliably. */
const ZONA_SILENCIO = '0'.repeat(10);
/** One dot at 203 dpi (8 dots/mm). */
const PASO_MODULO = 0.125;
/** Two dots: the narrowest bar a thermal head prints evenly. */
const MODULO_MINIMO = 0.25;
/** Blank kept around a QR: text inside its quiet zone confuses phone cameras. */
const ESPACIO_QR = 2;

/** Collects elements top to bottom. */
class Lienzo {
  readonly elementos: Elemento[] = [];
  constructor(public y: number) {}

  texto(x: number, ancho: number, tamano: number, texto: string, o: { negrita?: boolean; mono?: boolean; alinear?: 'izquierda' | 'centro' | 'derecha'; avanzar?: boolean } = {}): void {
    const negrita = o.negrita ?? false;
    const mono = o.mono ?? false;
    this.elementos.push({ tipo: 'texto', x, y: this.y, ancho, tamano, negrita, mono, alinear: o.alinear ?? 'izquierda', texto: recortar(texto, ancho, tamano, negrita, mono) });
    if (o.avanzar ?? true) this.y += altoLineaMm(tamano);
  }

  /** Several lines, already fitted (by mm or by receipt columns). */
  lineas(x: number, ancho: number, tamano: number, lineas: string[], o: { negrita?: boolean; mono?: boolean; alinear?: 'izquierda' | 'centro' | 'derecha' } = {}): void {
    for (const l of lineas) this.texto(x, ancho, tamano, l, o);
  }

  /**
   * The bar module is snapped to a multiple of 0.125 mm (one dot of a 203 dpi head, the usual label
   * and receipt printer) and at least 0.25 mm: bars of 2.3 dots come out as an uneven mix of 2 and 3
   * dot bars, which is what makes a barcode fail at the reader. The box is the maximum; the
   * barcode is left-aligned in it or centred.
   */
  codigo128(x: number, ancho: number, alto: number, datos: string, o: { centrar?: boolean } = {}): void {
    const barras = ZONA_SILENCIO + barrasCodigo128(datos) + ZONA_SILENCIO;
    const libre = ancho / barras.length;
    const modulo = libre >= MODULO_MINIMO ? Math.floor(libre / PASO_MODULO) * PASO_MODULO : libre;
    const real = modulo * barras.length;
    const xReal = o.centrar ? x + (ancho - real) / 2 : x;
    this.elementos.push({ tipo: 'codigo128', x: xReal, y: this.y, ancho: real, alto, datos, barras });
    this.y += alto;
  }

  /** `avanzar: false` puts the QR beside the lines that follow instead of above them. */
  qr(x: number, lado: number, datos: string, o: { avanzar?: boolean } = {}): void {
    this.elementos.push({ tipo: 'qr', x, y: this.y, lado, datos, ...modulosQr(datos) });
    if (o.avanzar ?? true) this.y += lado;
  }

  linea(x: number, ancho: number): void {
    this.y += 1;
    this.elementos.push({ tipo: 'linea', x, y: this.y, ancho, grosor: 0.3 });
    this.y += 1.5;
  }

  espacio(mm: number): void {
    this.y += mm;
  }
}

function marca(d: DatosSticker): string | null {
  if (d.anulado) return 'ANULADO';
  return d.copia ? 'COPIA' : null;
}

function etiqueta100x50(d: DatosSticker): StickerLayout {
  const m = 2.5;
  const anchoQr = 24;
  const xDer = 100 - m - anchoQr;
  // 3 mm between the text column and the QR: its quiet zone.
  const ancho = xDer - m - 3;
  const c = new Lienzo(m);
  c.texto(m, ancho, 7.5, d.entidad, { negrita: true });
  c.texto(m, ancho, 6.5, 'Radicado N°');
  c.texto(m, ancho, 14, d.numero, { negrita: true, mono: true });
  c.codigo128(m, ancho, 8, d.numero);
  c.espacio(0.6);
  c.texto(m, ancho, 7, `Fecha: ${d.fechaHora} · Vence: ${d.vence}`, { negrita: true });
  c.texto(m, ancho, 6.5, `Sede ${d.sede} · Ventanilla ${d.ventanilla} · Radicó: ${d.radicador}`);
  c.texto(m, ancho, 6.5, `Tipo: ${d.tipo}`);
  c.texto(m, ancho, 6.5, `Dependencia: ${d.dependencia}`);
  c.texto(m, ancho, 6.5, `Folios: ${d.folios}${d.anexos ? ` · Anexos: ${d.anexos}` : ''}`);
  c.texto(m, ancho, 6.5, `Remitente: ${d.remitente}`);
  // Three lines of asunto still end above 46 mm: every other line is a single, cut line.
  c.lineas(m, ancho, 6.5, envolver(`Asunto: ${d.asunto}`, ancho, 6.5, 3));

  const derecha = new Lienzo(m);
  const etiquetaMarca = marca(d);
  if (etiquetaMarca) derecha.texto(xDer, anchoQr, 10, etiquetaMarca, { negrita: true, alinear: 'centro' });
  if (etiquetaMarca) derecha.espacio(ESPACIO_QR - 1);
  derecha.qr(xDer, anchoQr, d.urlConsulta);
  derecha.espacio(ESPACIO_QR);
  derecha.texto(xDer, anchoQr, 5.5, 'Código de verificación', { alinear: 'centro' });
  derecha.texto(xDer, anchoQr, 8, d.codigoVerificacion, { negrita: true, mono: true, alinear: 'centro' });
  derecha.texto(xDer, anchoQr, 5.5, 'Consulte con el QR', { alinear: 'centro' });
  return { documento: 'rotulo', plantilla: 'etiqueta-100x50', anchoMm: 100, altoMm: 50, columnas: 48, copia: d.copia, elementos: [...c.elementos, ...derecha.elementos] };
}

function etiqueta62(d: DatosSticker): StickerLayout {
  const m = 2;
  const ancho = 62 - 2 * m;
  const c = new Lienzo(m);
  const etiquetaMarca = marca(d);
  if (etiquetaMarca) c.texto(m, ancho, 8, etiquetaMarca, { negrita: true, alinear: 'derecha', avanzar: false });
  c.texto(m, etiquetaMarca ? ancho - 16 : ancho, 7, d.entidad, { negrita: true });
  c.texto(m, ancho, 6, 'Radicado N°');
  c.texto(m, ancho, 12, d.numero, { negrita: true, mono: true });
  c.codigo128(m, ancho, 7, d.numero);
  c.espacio(0.5);
  c.texto(m, ancho, 6.5, `${d.fechaHora} · Vence: ${d.vence}`, { negrita: true });
  c.texto(m, ancho, 6, `Tipo: ${d.tipo}`);
  c.texto(m, ancho, 6, `Dependencia: ${d.dependencia}`);
  c.texto(m, ancho, 6, `Remitente: ${d.remitente}`);
  c.lineas(m, ancho, 6, envolver(`Asunto: ${d.asunto}`, ancho, 6, 2));
  c.espacio(ESPACIO_QR);
  // 18 mm: a consultation URL makes a 41-module QR, and at 12 mm its modules (0.29 mm) are
  // narrower than two dots of a 203 dpi label printer. The roll is continuous: the label grows.
  const lado = 18;
  const yQr = c.y;
  c.qr(62 - m - lado, lado, d.urlConsulta, { avanzar: false });
  const izq = ancho - lado - ESPACIO_QR - 1;
  c.texto(m, izq, 5.5, `Sede ${d.sede} · Ventanilla ${d.ventanilla}`);
  c.texto(m, izq, 5.5, `Radicó: ${d.radicador}`);
  c.texto(m, izq, 5.5, `Folios: ${d.folios}${d.anexos ? ` · Anexos: ${d.anexos}` : ''}`);
  c.texto(m, izq, 5.5, 'Código de verificación:');
  c.texto(m, izq, 8, d.codigoVerificacion, { negrita: true, mono: true });
  c.texto(m, izq, 5.5, 'Consulte con el QR');
  const alto = Math.max(c.y, yQr + lado) + m;
  return { documento: 'rotulo', plantilla: 'etiqueta-62', anchoMm: 62, altoMm: Math.ceil(alto), columnas: 32, copia: d.copia, elementos: c.elementos };
}

/** 80 mm roll: 72 mm printable, 48 columns of font A; text is wrapped by columns for ESC/POS. */
const RECIBO = { ancho: 80, m: 4, util: 72, columnas: 48 };

function recibo80(d: DatosSticker, documento: Documento): StickerLayout {
  const { m, util, columnas } = RECIBO;
  const c = new Lienzo(3);
  const centro = { alinear: 'centro' as const };
  const etiquetaMarca = marca(d);
  if (etiquetaMarca) c.texto(m, util, 14, `*** ${etiquetaMarca} ***`, { negrita: true, ...centro });
  if (documento === 'constancia') c.texto(m, util, 10, 'CONSTANCIA DE RADICACIÓN', { negrita: true, ...centro });
  c.lineas(m, util, 9, envolverColumnas(d.entidad, columnas, 2, { anchoMm: util, tamano: 9, negrita: true }), { negrita: true, ...centro });
  c.espacio(1);
  c.texto(m, util, 8, 'Radicado N°', centro);
  c.texto(m, util, 16, d.numero, { negrita: true, mono: true, ...centro });
  c.espacio(1);
  c.codigo128(m + 4, util - 8, 12, d.numero, { centrar: true });
  c.espacio(1.5);
  c.texto(m, util, 8, `Fecha y hora: ${d.fechaHora}`, centro);
  c.texto(m, util, 11, documento === 'constancia' ? `Su respuesta vence: ${d.vence}` : `Vence: ${d.vence}`, { negrita: true, ...centro });
  c.linea(m, util);
  const campo = (etiqueta: string, valor: string, max: number) => c.lineas(m, util, 8, envolverColumnas(`${etiqueta}: ${valor}`, columnas, max, { anchoMm: util, tamano: 8 }));
  campo('Sede', `${d.sede} · Ventanilla ${d.ventanilla}`, 1);
  campo('Radicó', d.radicador, 1);
  campo('Tipo', d.tipo, 2);
  campo('Dependencia', d.dependencia, 2);
  campo('Folios', `${d.folios}${d.anexos ? ` · Anexos: ${d.anexos}` : ''}`, 2);
  campo('Remitente', d.remitente, 2);
  campo('Asunto', d.asunto, 3);
  c.linea(m, util);
  c.texto(m, util, 8, 'Código de verificación', centro);
  c.texto(m, util, 12, d.codigoVerificacion, { negrita: true, mono: true, ...centro });
  c.espacio(1);
  c.texto(m, util, 8, documento === 'constancia' ? 'Siga su solicitud con este código QR:' : 'Consulte este radicado:', centro);
  c.espacio(ESPACIO_QR);
  const lado = 30;
  c.qr((RECIBO.ancho - lado) / 2, lado, d.urlConsulta);
  c.espacio(ESPACIO_QR);
  // 56 columns: the receipt printer's font B (64 columns) takes the 7 pt lines.
  const pequena = { anchoMm: util, tamano: 7 };
  c.lineas(m, util, 7, envolverColumnas(d.urlConsulta, 56, 3, pequena), centro);
  if (documento === 'constancia') {
    if (d.urlEncuesta) {
      c.linea(m, util);
      c.texto(m, util, 8, '¿Cómo lo atendimos? Califique el servicio:', { negrita: true, ...centro });
      c.lineas(m, util, 7, envolverColumnas(d.urlEncuesta, 56, 3, pequena), centro);
    }
    c.espacio(1);
    c.lineas(m, util, 7, envolverColumnas('Conserve esta constancia. Sus datos personales se tratan según la Ley 1581 de 2012.', 56, 3, pequena), centro);
  }
  c.espacio(6);
  return { documento, plantilla: 'recibo-80', anchoMm: RECIBO.ancho, altoMm: Math.ceil(c.y), columnas, copia: d.copia, elementos: c.elementos };
}

export function esPlantilla(p: string): p is Plantilla {
  return (PLANTILLAS as readonly string[]).includes(p);
}

/**
 * The one layout every medium draws. A citizen receipt (constancia) is always a receipt-roll
 * layout; the sticker (rótulo) comes in the three templates.
 */
export function construirLayout(d: DatosSticker, plantilla: Plantilla, documento: Documento = 'rotulo'): StickerLayout {
  if (documento === 'constancia' || plantilla === 'recibo-80') return recibo80(d, documento);
  return plantilla === 'etiqueta-62' ? etiqueta62(d) : etiqueta100x50(d);
}
