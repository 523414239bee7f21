import type { Confusion, FigurasRevision, ObservacionInforme } from '../../../../shared/domain/revision';
import { formatFechaHora } from '../../../../shared/domain/bogota';
import { describirMarca, formatNumero, formatPorcentaje } from '../../revision';

export interface FilaFiguras extends FigurasRevision {
  clave: string;
  /** Header cells of the row (ventanilla, or funcionario and ventanilla). */
  celdas: string[];
}

interface TablaFigurasProps {
  caption: string;
  columnas: string[];
  filas: readonly FilaFiguras[];
  totales?: FigurasRevision;
}

const tasa = (f: FigurasRevision) => (f.revisados > 0 ? formatPorcentaje(f.tasaError) : '—');

/** The five figure headers every review table shares. */
export function CabecerasFiguras() {
  return (
    <>
      <th scope="col" className="num">
        Radicados
      </th>
      <th scope="col" className="num">
        Revisados
      </th>
      <th scope="col" className="num">
        Errores de clasificación
      </th>
      <th scope="col" className="num">
        Errores de direccionamiento
      </th>
      <th scope="col" className="num">
        Tasa de error
      </th>
    </>
  );
}

/** A row's five figures, in the order of CabecerasFiguras (data-campo names them for tests and scripts). */
export function CeldasFiguras({ f }: { f: FigurasRevision }) {
  return (
    <>
      <td className="num" data-campo="radicados">
        {formatNumero(f.radicados)}
      </td>
      <td className="num" data-campo="revisados">
        {formatNumero(f.revisados)}
      </td>
      <td className="num" data-campo="erroresClasificacion">
        {formatNumero(f.erroresClasificacion)}
      </td>
      <td className="num" data-campo="erroresDireccionamiento">
        {formatNumero(f.erroresDireccionamiento)}
      </td>
      <td className="num" data-campo="tasaError">
        {tasa(f)}
      </td>
    </>
  );
}

/** Radicados, revisados, errors and rate per row, with a totals row. */
export function TablaFiguras({ caption, columnas, filas, totales }: TablaFigurasProps) {
  return (
    <div className="table-wrap">
      <table className="results tabla-figuras">
        <caption>{caption}</caption>
        <thead>
          <tr>
            {columnas.map((c) => (
              <th scope="col" key={c}>
                {c}
              </th>
            ))}
            <CabecerasFiguras />
          </tr>
        </thead>
        <tbody>
          {filas.map((f) => (
            <tr key={f.clave} data-fila={f.clave}>
              {f.celdas.map((c, i) =>
                i === 0 ? (
                  <th scope="row" key={i}>
                    {c}
                  </th>
                ) : (
                  <td key={i}>{c}</td>
                ),
              )}
              <CeldasFiguras f={f} />
            </tr>
          ))}
        </tbody>
        {totales ? (
          <tfoot>
            <tr>
              <th scope="row" colSpan={columnas.length}>
                Total
              </th>
              <CeldasFiguras f={totales} />
            </tr>
          </tfoot>
        ) : null}
      </table>
    </div>
  );
}

interface TablaConfusionProps {
  caption: string;
  de: string;
  a: string;
  filas: readonly Confusion[];
  nombres: Record<string, string>;
}

/** What was filed (de) → what the reviewer said was right (a), how many times. */
export function TablaConfusion({ caption, de, a, filas, nombres }: TablaConfusionProps) {
  const nombre = (c: string) => (nombres[c] ? `${c} · ${nombres[c]}` : c);
  return (
    <div className="table-wrap">
      <table className="results tabla-compacta">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{de}</th>
            <th scope="col">{a}</th>
            <th scope="col" className="num">
              Veces
            </th>
          </tr>
        </thead>
        <tbody>
          {filas.map((f) => (
            <tr key={`${f.de}-${f.a}`}>
              <td>{nombre(f.de)}</td>
              <td>{nombre(f.a)}</td>
              <td className="num">{formatNumero(f.cantidad)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

interface ObservacionesProps {
  observaciones: readonly ObservacionInforme[];
  /** The coordinator's report names the clerk; a clerk's own feedback does not need to. */
  conFuncionario: boolean;
  vacio: string;
}

/** The reviewers' observations, one card each. */
export function ListaObservaciones({ observaciones, conFuncionario, vacio }: ObservacionesProps) {
  if (observaciones.length === 0) return <p className="muted">{vacio}</p>;
  return (
    <ul className="observaciones">
      {observaciones.map((o) => (
        <li key={`${o.numero}-${o.revisadoEn}`} className="observacion">
          <p className="observacion-cabeza">
            <span className="mono">{o.numero}</span> · {formatFechaHora(o.fechaHora)}
            {conFuncionario ? ` · ${o.nombre} (Ventanilla ${o.ventanilla})` : ''}
          </p>
          <p className="observacion-marca">
            <span className={o.veredicto === 'correcto' ? 'badge badge--activo' : 'badge badge--error'}>{o.veredicto === 'correcto' ? 'Correcto' : 'Incorrecto'}</span>{' '}
            Radicado como {o.tipo} → {o.dependencia}.{' '}
            {o.veredicto === 'incorrecto' ? `${describirMarca({ veredicto: o.veredicto, tipoCorrecto: o.tipoCorrecto, dependenciaCorrecta: o.dependenciaCorrecta })}.` : ''}
          </p>
          <blockquote className="observacion-texto">{o.observacion}</blockquote>
          <p className="observacion-pie muted">
            {o.revisorNombre}, {formatFechaHora(o.revisadoEn)}
          </p>
        </li>
      ))}
    </ul>
  );
}
