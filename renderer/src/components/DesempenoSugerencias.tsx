import { useEffect } from 'react';
import type { CifrasDesempeno, DesempenoObjetivo } from '../../../shared/sugerencias/desempeno';
import { nombreFuente } from '../../../shared/sugerencias/desempeno';
import { NOMBRE_OBJETIVO } from '../../../shared/sugerencias';
import { formatFecha } from '../../../shared/domain/bogota';
import { SelectorPeriodo, usePeriodo } from './revision/SelectorPeriodo';
import { formatNumero, formatPorcentaje } from '../revision';
import './revision/revision.css';

interface Props {
  /** Loaded each time the screen is shown (new radicados and marks since). */
  active: boolean;
}

const SEMANAS = [1, 4, 8, 12, 26, 52];

const radicados = (n: number) => (n === 1 ? '1 radicado' : `${formatNumero(n)} radicados`);

/** "12 (80 %)": a count and its share of the suggestions. */
function conParte(n: number, de: number): string {
  return de > 0 ? `${formatNumero(n)} (${formatPorcentaje(n / de, 0)})` : formatNumero(n);
}

function Celdas({ c }: { c: CifrasDesempeno }) {
  return (
    <>
      <td className="num">{formatNumero(c.sugeridas)}</td>
      <td className="num">{conParte(c.aceptadas, c.sugeridas)}</td>
      <td className="num">{conParte(c.acertadas, c.sugeridas)}</td>
      <td className="num">{c.revisadas > 0 ? `${formatNumero(c.acertadasRevisadas)} de ${formatNumero(c.revisadas)} (${formatPorcentaje(c.acertadasRevisadas / c.revisadas, 0)})` : '—'}</td>
      <td className="num">{formatNumero(c.corregidasTrasAceptar)}</td>
    </>
  );
}

/**
 * One objetivo's figures per source and its most frequent wrong suggestions. Also in the weekly
 * report (Informes), under its own ids and one heading level lower.
 */
export function TablaObjetivo({ o, prefijo = 'clf-desempeno', Encabezado = 'h3' }: { o: DesempenoObjetivo; prefijo?: string; Encabezado?: 'h3' | 'h4' }) {
  const id = `${prefijo}-${o.objetivo}`;
  return (
    <>
      <div className="table-wrap">
        <table className="results tabla-figuras tabla-desempeno" id={id}>
          <caption>
            {NOMBRE_OBJETIVO[o.objetivo]}: {radicados(o.total.sugeridas)} con sugerencia, {o.sinSugerencia === 0 ? 'ninguno' : formatNumero(o.sinSugerencia)} sin ella
          </caption>
          <thead>
            <tr>
              <th scope="col">Sugirió</th>
              <th scope="col" className="num">
                Sugeridas
              </th>
              <th scope="col" className="num">
                Aceptadas
              </th>
              <th scope="col" className="num">
                Acertadas
              </th>
              <th scope="col" className="num">
                Acertadas entre las revisadas
              </th>
              <th scope="col" className="num">
                Aceptadas y corregidas en revisión
              </th>
            </tr>
          </thead>
          <tbody>
            {o.fuentes.length === 0 ? (
              <tr>
                <td colSpan={6} className="muted">
                  No se sugirió {o.objetivo === 'tipo' ? 'ningún tipo documental' : 'ninguna dependencia'} en este periodo.
                </td>
              </tr>
            ) : null}
            {o.fuentes.map((f) => (
              <tr key={f.modelo ?? 'frases'}>
                <th scope="row">{nombreFuente(f)}</th>
                <Celdas c={f} />
              </tr>
            ))}
          </tbody>
          {o.fuentes.length > 1 ? (
            <tfoot>
              <tr>
                <th scope="row">Total</th>
                <Celdas c={o.total} />
              </tr>
            </tfoot>
          ) : null}
        </table>
      </div>
      {o.confusiones.length ? (
        <>
          <Encabezado id={`${id}-confusiones`}>{NOMBRE_OBJETIVO[o.objetivo]}: lo que más se sugirió mal</Encabezado>
          <ul aria-labelledby={`${id}-confusiones`}>
            {o.confusiones.map((c) => (
              <li key={`${c.sugerido}→${c.final}`}>
                Sugirió <strong>{c.sugerido}</strong> · {c.nombreSugerido} y era <strong>{c.final}</strong> · {c.nombreFinal}: {formatNumero(c.veces)}{' '}
                {c.veces === 1 ? 'vez' : 'veces'}
                <span className="hint">
                  {' '}
                  ({c.veces > c.numeros.length ? 'entre ellos ' : ''}
                  {c.numeros.map((n, i) => (
                    <span key={n}>
                      {i > 0 ? ', ' : ''}
                      <span className="mono numero-radicado">{n}</span>
                    </span>
                  ))}
                  )
                </span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}

export function ExplicacionAcierto() {
  return (
    <p className="hint">
      Acertada: lo sugerido es el tipo o la dependencia final, es decir, la corrección del coordinador si revisó el radicado y, si no, lo que eligió
      el funcionario. «Acertadas entre las revisadas» cuenta solo los radicados revisados: es la medida más fiel. Anulados no cuentan.
    </p>
  );
}

/** The central store counts only what stations of this version reported. */
export function AvisoCentral() {
  return (
    <p className="hint">
      Del servidor central. Solo cuentan los radicados de las estaciones que ya informan sus sugerencias (las actualizadas a esta versión, desde su
      actualización).
    </p>
  );
}

/**
 * How the suggestions did at this window (in coordinator mode, at every window of her sedes), per
 * model, judged against the final labels: what a
 * coordinator closing the week asks of the classifier ("does it help, and did the new model help
 * more?"), beside the holdout figures measured at training.
 */
export function DesempenoSugerencias({ active }: Props) {
  const { hasta, semanas, datos, error, recargar, cambiar } = usePeriodo((h, n) => window.api.desempenoSugerencias({ hasta: h, semanas: n }), 4);

  useEffect(() => {
    if (active) void recargar();
    // Only when the screen is shown; the controls reload on their own.
  }, [active]);

  return (
    <section aria-labelledby="clf-desempeno-titulo">
      <h2 id="clf-desempeno-titulo">En la ventanilla</h2>
      <p>Cuántas veces acertó lo que se sugirió mientras el funcionario escribía el asunto, modelo por modelo.</p>
      <SelectorPeriodo
        id="clf"
        nombre="Periodo de las cifras de las sugerencias"
        hasta={hasta}
        semanas={semanas}
        opciones={SEMANAS}
        onCambiar={cambiar}
      />
      <div role="alert" className={error ? 'alert alert--error' : 'live-empty'}>
        {error}
      </div>
      {datos ? (
        <>
          <p className="lead" role="status">
            Del {formatFecha(datos.desde)} al {formatFecha(datos.hasta)}
            {datos.alcance === 'central' ? ', todas las ventanillas de sus sedes' : ''}: <strong>{radicados(datos.radicados)}</strong>.
          </p>
          {datos.alcance === 'central' ? <AvisoCentral /> : null}
          {datos.radicados === 0 ? (
            <p className="rev-vacia">No hay radicados en este periodo.</p>
          ) : (
            datos.objetivos.map((o) => <TablaObjetivo key={o.objetivo} o={o} />)
          )}
          <ExplicacionAcierto />
        </>
      ) : null}
    </section>
  );
}
