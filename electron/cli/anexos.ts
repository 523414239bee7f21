/**
 * `radica anexar | anexos | escanear | lote | bandeja | escaneres`: attachments from the command
 * line, through the same router as the UI. The CLI reads files itself and sends their bytes, so
 * the router never takes a path from a caller (the UI cannot make the station read arbitrary files).
 */
import path from 'node:path';
import type { Station } from '../station';
import type { Canal, SalidaDe } from '../../shared/ipc/contract';
import type { Anexo, ResultadoLote } from '../../shared/domain/anexos';
import { MOTIVOS_BANDEJA } from '../../shared/domain/anexos';
import { formatFechaHora } from '../../shared/domain/bogota';
import { RadicaError } from '../../shared/ipc/result';

type Llamar = <C extends Canal>(canal: C, payload: unknown) => Promise<SalidaDe<C>>;

export interface OpcionesCliAnexos {
  numero: string | undefined;
  archivos: string[];
  dispositivo?: string;
  fuente?: string;
  paginas?: number;
  resolucion?: number;
  modo?: string;
  duplex?: boolean;
  sinOcr: boolean;
}

export const COMANDOS_ANEXOS = ['anexar', 'anexos', 'escanear', 'lote', 'bandeja', 'escaneres'] as const;

const kb = (n: number) => `${Math.round(n / 1024).toLocaleString('es-CO')} KB`;

function lineaAnexo(a: Anexo): string {
  const ocr = { pendiente: 'OCR pendiente', hecho: `OCR ${a.ocrCaracteres} caracteres`, fallido: 'OCR FALLÓ', sin_imagenes: 'sin imágenes (no requiere OCR)' }[a.ocr];
  return `  #${a.id} ${a.nombre} · ${a.paginas} pág. · ${kb(a.bytes)} · ${a.origen} · ${formatFechaHora(a.creadoEn)} · ${ocr}\n      sha256 ${a.sha256}\n      ${a.ruta}`;
}

/** The attachments as the issue's JSON shape names them (plus id, nombre, origen and OCR state). */
function paraJsonAnexo(a: Anexo) {
  return { id: a.id, numero: a.numero, sha256: a.sha256, paginas: a.paginas, bytes: a.bytes, tipo: a.tipo, ocr: a.ocr, ocrCaracteres: a.ocrCaracteres, ruta: a.ruta, nombre: a.nombre, origen: a.origen, creadoEn: a.creadoEn };
}

async function releer(call: Llamar, numero: string, ids: number[]): Promise<Anexo[]> {
  const todos = await call('anexos:listar', { numero });
  return todos.filter((a) => ids.includes(a.id));
}

export async function comandoAnexos(
  comando: (typeof COMANDOS_ANEXOS)[number],
  call: Llamar,
  station: Station,
  o: OpcionesCliAnexos,
  requerida: (v: string | undefined, nombre: string) => string,
): Promise<{ json: unknown; texto: string }> {
  const servicio = station.services.anexos;
  const esperar = async () => {
    if (!o.sinOcr) await servicio.esperarOcr();
  };
  switch (comando) {
    case 'anexar': {
      const numero = requerida(o.numero, 'numero (NUMERO)');
      if (o.archivos.length === 0) throw new RadicaError('VALIDACION', 'Indique uno o más archivos: radica anexar NUMERO ARCHIVO…');
      const archivos = servicio.leerArchivos(o.archivos.map((a) => path.resolve(a)));
      const anexos = await call('anexos:anexar', { numero, archivos: archivos.map((a) => ({ nombre: a.nombre, base64: a.bytes.toString('base64') })) });
      await esperar();
      const finales = await releer(call, numero, anexos.map((a) => a.id));
      return { json: finales.map(paraJsonAnexo), texto: [`Anexos de ${numero}:`, ...finales.map(lineaAnexo)].join('\n') };
    }
    case 'anexos': {
      const numero = requerida(o.numero, 'numero (NUMERO)');
      const anexos = await call('anexos:listar', { numero });
      return { json: anexos.map(paraJsonAnexo), texto: anexos.length ? [`Anexos de ${numero}:`, ...anexos.map(lineaAnexo)].join('\n') : `${numero} no tiene anexos.` };
    }
    case 'escanear': {
      const numero = requerida(o.numero, 'numero (NUMERO)');
      const a = await call('escaneo:escanear', {
        numero,
        dispositivo: o.dispositivo ?? null,
        ...(o.fuente ? { fuente: o.fuente } : {}),
        ...(o.paginas ? { paginas: o.paginas } : {}),
        ...(o.resolucion ? { resolucion: o.resolucion } : {}),
        ...(o.modo ? { modo: o.modo } : {}),
        ...(o.duplex ? { duplex: true } : {}),
      });
      await esperar();
      const [final] = await releer(call, numero, [a.id]);
      return { json: paraJsonAnexo(final!), texto: `Escaneo anexado a ${numero} (${final!.paginas} folios):\n${lineaAnexo(final!)}` };
    }
    case 'lote': {
      const ruta = path.resolve(requerida(o.archivos[0] ?? o.numero, 'carpeta o archivo (CARPETA_O_ARCHIVO)'));
      const { origen, archivos } = servicio.leerLote(ruta);
      const r: ResultadoLote = await call('lote:procesar', { origen, archivos: archivos.map((a) => ({ nombre: a.nombre, base64: a.bytes.toString('base64') })) });
      await esperar();
      const rango = (p: number[]) => (p.length === 1 ? `página ${p[0]}` : `páginas ${p[0]}–${p.at(-1)}`);
      return {
        json: r,
        texto: [
          `Lote «${r.origen}»: ${r.paginas} páginas en ${r.ms} ms.`,
          ...r.anexados.map((a) => `  ${rango(a.paginas)} → ${a.numero}`),
          ...r.bandeja.map((b) => `  ${rango(b.paginas)} → BANDEJA #${b.id}: ${MOTIVOS_BANDEJA[b.motivo]}${b.codigo ? ` (${b.codigo})` : ''}`),
        ].join('\n'),
      };
    }
    case 'bandeja': {
      const items = await call('bandeja:listar', {});
      return {
        json: items,
        texto: items.length
          ? ['Bandeja de lote (pendientes):', ...items.map((i) => `  #${i.id} ${i.origen} págs. ${i.desdePagina}–${i.hastaPagina}: ${MOTIVOS_BANDEJA[i.motivo]}${i.codigo ? ` (${i.codigo})` : ''}`)].join('\n')
          : 'La bandeja de lote está vacía.',
      };
    }
    case 'escaneres': {
      const ds = await call('escaneo:dispositivos', {});
      return {
        json: ds,
        texto: ds.length ? ds.map((d) => `  ${d.id}  ${d.nombre} · ${d.fuentes.join('/')}${d.duplex ? ' · dúplex' : ''} · ${d.resoluciones.join(', ')} ppp`).join('\n') : 'No se encontraron escáneres.',
      };
    }
  }
}
