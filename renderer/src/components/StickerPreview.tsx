import type { ReactElement } from 'react';
import type { StickerLayout } from '../../../shared/sticker/types';
import { barrasRects, qrRects, r3, textoSvg } from '../sticker/svg';

const FUENTE_SANS = "Helvetica, Arial, 'Liberation Sans', 'DejaVu Sans', sans-serif";
const FUENTE_MONO = "'DejaVu Sans Mono', 'Liberation Mono', Consolas, monospace";

const NOMBRE_DOCUMENTO = { rotulo: 'rótulo', constancia: 'constancia de radicación' } as const;

interface Props {
  layout: StickerLayout;
  numero: string;
  className?: string;
}

/** The sticker or receipt exactly as the printers get it: the same layout drawn as SVG in millimetres. */
export function StickerPreview({ layout, numero, className }: Props) {
  const shapes: ReactElement[] = [];
  layout.elementos.forEach((e, i) => {
    switch (e.tipo) {
      case 'texto': {
        const t = textoSvg(e);
        shapes.push(
          <text
            key={i}
            x={r3(t.x)}
            y={r3(t.y)}
            fontSize={r3(t.tamanoMm)}
            fontFamily={e.mono ? FUENTE_MONO : FUENTE_SANS}
            fontWeight={e.negrita ? 700 : 400}
            textAnchor={t.anchor}
            fill="#000"
          >
            {e.texto}
          </text>,
        );
        break;
      }
      case 'codigo128': {
        const d = barrasRects(e)
          .map((b) => `M${r3(b.x)} ${r3(b.y)}h${r3(b.w)}v${r3(b.h)}h${r3(-b.w)}z`)
          .join('');
        shapes.push(<path key={i} d={d} fill="#000" />);
        break;
      }
      case 'qr': {
        const d = qrRects(e)
          .map((m) => `M${r3(m.x)} ${r3(m.y)}h${r3(m.w)}v${r3(m.h)}h${r3(-m.w)}z`)
          .join('');
        shapes.push(<path key={i} d={d} fill="#000" shapeRendering="crispEdges" />);
        break;
      }
      case 'linea':
        shapes.push(<rect key={i} x={r3(e.x)} y={r3(e.y)} width={r3(e.ancho)} height={r3(e.grosor)} fill="#000" />);
        break;
    }
  });
  const nombre = NOMBRE_DOCUMENTO[layout.documento];
  const etiqueta = `Vista previa ${layout.documento === 'rotulo' ? 'del' : 'de la'} ${nombre} del radicado N° ${numero}${
    layout.copia ? ' (COPIA)' : ''
  }, ${layout.anchoMm} × ${layout.altoMm} mm`;
  const forma = layout.altoMm > layout.anchoMm * 1.3 ? 'sticker-preview--alto' : 'sticker-preview--ancho';
  return (
    <figure className={['sticker-preview', forma, className ?? ''].filter(Boolean).join(' ')}>
      <svg
        role="img"
        aria-label={etiqueta}
        viewBox={`0 0 ${layout.anchoMm} ${layout.altoMm}`}
        preserveAspectRatio="xMidYMid meet"
        className="sticker-svg"
        xmlns="http://www.w3.org/2000/svg"
      >
        <rect x={0} y={0} width={layout.anchoMm} height={layout.altoMm} fill="#fff" />
        {shapes}
      </svg>
      <figcaption className="sticker-caption">
        {layout.documento === 'rotulo' ? 'Rótulo' : 'Constancia'} · {layout.plantilla} · {layout.anchoMm} × {layout.altoMm} mm
      </figcaption>
    </figure>
  );
}
