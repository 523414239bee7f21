import { useId } from 'react';
import type { PuntoTendencia } from '../../../../shared/domain/revision';
import { formatFecha } from '../../../../shared/domain/bogota';
import { formatNumero, formatPorcentaje, marcasEje, maximoEscala, tramosLinea } from '../../revision';
import { CabecerasFiguras, CeldasFiguras } from './TablasInforme';

interface Props {
  titulo: string;
  puntos: readonly PuntoTendencia[];
  /** Draw the volume (radicados) as bars behind the error-rate line. */
  conVolumen?: boolean;
}

const ANCHO = 640;
const ALTO = 220;
const M = { izq: 52, der: 56, arriba: 14, abajo: 30 };

/** "2026-W47" → "S47". */
const corta = (semana: string) => `S${Number(semana.slice(6))}`;

/**
 * The error rate week by week as a line (and the volume as bars), inline SVG with its figures in the
 * accessible name and in a table under a disclosure.
 */
export function GraficoTendencia({ titulo, puntos, conVolumen = false }: Props) {
  const tituloId = useId();
  const w = ANCHO - M.izq - M.der;
  const h = ALTO - M.arriba - M.abajo;
  const maxTasa = Math.min(1, maximoEscala(puntos.map((p) => p.tasaError)));
  const maxVol = maximoEscala(puntos.map((p) => p.radicados));
  const paso = puntos.length > 0 ? w / puntos.length : w;
  const xDe = (i: number) => M.izq + paso * i + paso / 2;
  // A week with nothing reviewed has no error rate: the line breaks there.
  const tramos = tramosLinea(
    puntos.map((p) => (p.revisados > 0 ? p.tasaError : null)),
    paso,
    h,
    maxTasa,
  );
  const descripcion =
    `${titulo}: ` +
    puntos
      .map(
        (p) =>
          `semana ${Number(p.semana.slice(6))}, ` +
          (p.revisados > 0 ? `${formatPorcentaje(p.tasaError)} de error, ${formatNumero(p.revisados)} revisados de ${formatNumero(p.radicados)}` : `${formatNumero(p.radicados)} radicados, ninguno revisado`),
      )
      .join('; ') +
    '.';
  return (
    <figure className="grafico" aria-labelledby={tituloId}>
      <figcaption id={tituloId} className="grafico-titulo">
        {titulo}
      </figcaption>
      {puntos.length === 0 ? (
        <p className="muted">Sin semanas que mostrar.</p>
      ) : (
        <>
          <svg className="grafico-svg" viewBox={`0 0 ${ANCHO} ${ALTO}`} role="img" aria-label={descripcion} preserveAspectRatio="xMinYMin meet">
            {marcasEje(maxTasa).map((t) => {
              const y = M.arriba + h - (t / maxTasa) * h;
              return (
                <g key={`t${t}`}>
                  <line x1={M.izq} x2={M.izq + w} y1={y} y2={y} className="grafico-rejilla" />
                  <text x={M.izq - 6} y={y} textAnchor="end" dominantBaseline="middle" className="grafico-eje">
                    {formatPorcentaje(t, 0)}
                  </text>
                </g>
              );
            })}
            {conVolumen
              ? marcasEje(maxVol).map((t) => (
                  <text key={`v${t}`} x={M.izq + w + 6} y={M.arriba + h - (t / maxVol) * h} dominantBaseline="middle" className="grafico-eje">
                    {formatNumero(t)}
                  </text>
                ))
              : null}
            {conVolumen
              ? puntos.map((p, i) => {
                  const bh = (p.radicados / maxVol) * h;
                  return <rect key={`b${p.semana}`} x={xDe(i) - paso * 0.3} y={M.arriba + h - bh} width={paso * 0.6} height={bh} className="grafico-volumen" />;
                })
              : null}
            <g transform={`translate(${xDe(0)},${M.arriba})`}>
              {tramos.map((t, i) => (
                <g key={`l${i}`}>
                  {t.length > 1 ? <polyline points={t.map((p) => `${p.x},${p.y}`).join(' ')} className="grafico-linea" /> : null}
                  {t.map((p) => (
                    <circle key={`p${p.x}`} cx={p.x} cy={p.y} r={4} className="grafico-punto" />
                  ))}
                </g>
              ))}
            </g>
            {puntos.map((p, i) => (
              <text key={`x${p.semana}`} x={xDe(i)} y={ALTO - 8} textAnchor="middle" className="grafico-eje">
                {corta(p.semana)}
              </text>
            ))}
          </svg>
          <p className="grafico-leyenda">
            <span className="leyenda-linea" aria-hidden="true" /> Tasa de error (eje izquierdo)
            {conVolumen ? (
              <>
                {' '}
                <span className="leyenda-volumen" aria-hidden="true" /> Radicados (eje derecho)
              </>
            ) : null}
          </p>
          <details className="grafico-datos">
            <summary>Ver los datos: {titulo.charAt(0).toLowerCase() + titulo.slice(1)}</summary>
            <TablaSemanas puntos={puntos} />
          </details>
        </>
      )}
    </figure>
  );
}

/** Week by week: radicados, revisados, errors and rate. */
export function TablaSemanas({ puntos, caption }: { puntos: readonly PuntoTendencia[]; caption?: string }) {
  return (
    <div className="table-wrap">
      <table className="results tabla-compacta">
        {caption ? <caption className="visually-hidden">{caption}</caption> : null}
        <thead>
          <tr>
            <th scope="col">Semana</th>
            <th scope="col">Desde</th>
            <CabecerasFiguras />
          </tr>
        </thead>
        <tbody>
          {puntos.map((p) => (
            <tr key={p.semana}>
              <th scope="row" className="mono">
                {p.semana}
              </th>
              <td>{formatFecha(p.desde)}</td>
              <CeldasFiguras f={p} />
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
