import { useId } from 'react';
import { formatNumero, maximoEscala } from '../../revision';

export interface Barra {
  /** Short label drawn in the chart. */
  etiqueta: string;
  /** Full name, for the table. */
  nombre: string;
  valor: number;
}

interface Props {
  titulo: string;
  /** Column header of the values in the table, e.g. "Radicados". */
  unidad: string;
  datos: readonly Barra[];
  formato?: (n: number) => string;
}

const ANCHO = 560;
const ETIQUETA = 215;
const VALOR = 64;
const FILA = 26;

/** Labels are cut to fit the 215 units left of the bars (13 px text); the table has the full names. */
const corto = (s: string, n = 26) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/**
 * Horizontal bars as inline SVG: role="img" with every figure in its name, and the same numbers in
 * a table under a disclosure, for screen readers and for copying.
 */
export function GraficoBarras({ titulo, unidad, datos, formato = formatNumero }: Props) {
  const tituloId = useId();
  const ordenados = [...datos].sort((a, b) => b.valor - a.valor);
  const max = maximoEscala(ordenados.map((d) => d.valor));
  const alto = Math.max(1, ordenados.length) * FILA + 4;
  const largo = ANCHO - ETIQUETA - VALOR;
  const descripcion = `${titulo}: ${ordenados.map((d) => `${d.nombre} ${formato(d.valor)}`).join('; ')}.`;
  return (
    <figure className="grafico" aria-labelledby={tituloId}>
      <figcaption id={tituloId} className="grafico-titulo">
        {titulo}
      </figcaption>
      {ordenados.length === 0 ? (
        <p className="muted">Sin datos en este periodo.</p>
      ) : (
        <>
          <svg className="grafico-svg" viewBox={`0 0 ${ANCHO} ${alto}`} role="img" aria-label={descripcion} preserveAspectRatio="xMinYMin meet">
            {ordenados.map((d, i) => {
              const y = i * FILA + 2;
              const w = Math.max(d.valor > 0 ? 2 : 0, (d.valor / max) * largo);
              return (
                <g key={`${d.etiqueta}-${i}`}>
                  <text x={ETIQUETA - 8} y={y + FILA / 2} textAnchor="end" dominantBaseline="middle" className="grafico-etiqueta">
                    {corto(d.etiqueta)}
                  </text>
                  <rect x={ETIQUETA} y={y + 4} width={w} height={FILA - 8} rx={2} className="grafico-barra" />
                  <text x={ETIQUETA + w + 6} y={y + FILA / 2} dominantBaseline="middle" className="grafico-valor">
                    {formato(d.valor)}
                  </text>
                </g>
              );
            })}
          </svg>
          <details className="grafico-datos">
            <summary>Ver los datos: {titulo.charAt(0).toLowerCase() + titulo.slice(1)}</summary>
            <table className="results tabla-compacta">
              <thead>
                <tr>
                  <th scope="col">Nombre</th>
                  <th scope="col" className="num">
                    {unidad}
                  </th>
                </tr>
              </thead>
              <tbody>
                {ordenados.map((d, i) => (
                  <tr key={`${d.etiqueta}-${i}`}>
                    <th scope="row">{d.nombre}</th>
                    <td className="num">{formato(d.valor)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        </>
      )}
    </figure>
  );
}
