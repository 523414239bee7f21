import type { ItemRevision } from '../../../../shared/domain/revision';
import { CANALES } from '../../../../shared/domain/radicado';
import { formatFecha, formatFechaHora } from '../../../../shared/domain/bogota';
import type { ComboOption } from '../Combobox';
import { describirMarca, formatPorcentaje } from '../../revision';
import type { CampoCorreccion } from '../../revision';
import { BarraRiesgo } from './BarraRiesgo';
import { CorreccionForm } from './CorreccionForm';
import { ObservacionForm } from './ObservacionForm';

export type Edicion = CampoCorreccion | 'observacion' | null;

interface Props {
  item: ItemRevision;
  edicion: Edicion;
  ocupado: boolean;
  errorRouter: string | null;
  /** What the corrected tipo would have meant for the term (after a T). */
  terminoCorrecto: string | null;
  pendiente: string | null;
  opcionesTipo: ComboOption[];
  opcionesDependencia: ComboOption[];
  onAccion: (a: 'correcto' | CampoCorreccion | 'observacion') => void;
  onCorregir: (campo: CampoCorreccion, codigo: string) => void;
  onObservar: (texto: string) => void;
  onCancelar: () => void;
}

const canalNombre = (c: string) => (CANALES as Record<string, string>)[c] ?? c;

/** The current radicado of the queue: what the clerk chose, why it looks risky, the mark, and the mark's forms. */
export function DetalleRevision(props: Props) {
  const { item, edicion, ocupado, errorRouter, terminoCorrecto, pendiente } = props;
  const m = item.marca;
  const sug = item.clasificador;
  return (
    <section className="rev-detalle" aria-labelledby="rev-detalle-titulo">
      <h2 id="rev-detalle-titulo">
        Radicado N° <span className="mono">{item.numero}</span>
      </h2>
      <p className={m ? (m.veredicto === 'correcto' ? 'rev-estado rev-estado--ok' : 'rev-estado rev-estado--error') : 'rev-estado'}>
        {m ? (m.veredicto === 'correcto' ? '✓ ' : '✗ ') : ''}
        {describirMarca(m)}
        {m ? <span className="muted"> · {m.revisorNombre}, {formatFechaHora(m.revisadoEn)}</span> : null}
      </p>
      {terminoCorrecto ? (
        <p className="alert alert--warn rev-termino" data-campo="termino-correcto">
          {terminoCorrecto}
        </p>
      ) : null}
      {edicion === 'tipo' || edicion === 'dependencia' ? (
        <CorreccionForm
          key={`${item.numero}-${edicion}`}
          campo={edicion}
          item={item}
          opciones={edicion === 'tipo' ? props.opcionesTipo : props.opcionesDependencia}
          ocupado={ocupado}
          errorRouter={errorRouter}
          onGuardar={(codigo) => props.onCorregir(edicion, codigo)}
          onCancelar={props.onCancelar}
        />
      ) : edicion === 'observacion' ? (
        <ObservacionForm
          key={`${item.numero}-obs`}
          item={item}
          pendiente={pendiente}
          ocupado={ocupado}
          errorRouter={errorRouter}
          onGuardar={props.onObservar}
          onCancelar={props.onCancelar}
        />
      ) : (
        <div className="rev-acciones" role="group" aria-label="Marcar este radicado">
          <button type="button" className="btn btn--primary" disabled={ocupado} aria-keyshortcuts="C" onClick={() => props.onAccion('correcto')}>
            Correcto <kbd>C</kbd>
          </button>
          <button type="button" className="btn btn--ghost" disabled={ocupado} aria-keyshortcuts="T" onClick={() => props.onAccion('tipo')}>
            Tipo incorrecto <kbd>T</kbd>
          </button>
          <button type="button" className="btn btn--ghost" disabled={ocupado} aria-keyshortcuts="D" onClick={() => props.onAccion('dependencia')}>
            Dependencia incorrecta <kbd>D</kbd>
          </button>
          <button type="button" className="btn btn--ghost" disabled={ocupado} aria-keyshortcuts="O" onClick={() => props.onAccion('observacion')}>
            Observación <kbd>O</kbd>
          </button>
        </div>
      )}
      <dl className="facts">
        <div className="dato">
          <dt>Fecha y hora</dt>
          <dd>{formatFechaHora(item.fechaHora)}</dd>
        </div>
        <div className="dato">
          <dt>Funcionario</dt>
          <dd>
            {item.radicadorNombre} · Sede {item.sede} · Ventanilla {item.ventanilla}
          </dd>
        </div>
        <div className="dato">
          <dt>Canal</dt>
          <dd>{canalNombre(item.canal)}</dd>
        </div>
        <div className="dato">
          <dt>Asunto</dt>
          <dd>{item.asunto}</dd>
        </div>
        <div className="dato">
          <dt>Tipo documental</dt>
          <dd>
            {item.tipo} · {item.tipoNombre}
            <br />
            <span className="muted">
              {item.termino}
              {item.venceEl ? `, vence el ${formatFecha(item.venceEl)}` : ''}
            </span>
          </dd>
        </div>
        <div className="dato">
          <dt>Dependencia</dt>
          <dd>
            {item.dependencia} · {item.dependenciaNombre}
          </dd>
        </div>
        <div className="dato">
          <dt>Clasificador</dt>
          <dd>
            {sug.tipo || sug.dependencia
              ? [
                  sug.tipo ? `tipo ${sug.tipo.codigo} (${formatPorcentaje(sug.tipo.probabilidad, 0)})` : null,
                  sug.dependencia ? `dependencia ${sug.dependencia.codigo} (${formatPorcentaje(sug.dependencia.probabilidad, 0)})` : null,
                ]
                  .filter(Boolean)
                  .join(' · ')
              : 'Sin sugerencia'}
          </dd>
        </div>
        <div className="dato">
          <dt>Riesgo</dt>
          <dd>
            <BarraRiesgo riesgo={item.riesgo} />
            {item.motivos.length > 0 ? (
              <ul className="rev-motivos">
                {item.motivos.map((x) => (
                  <li key={x}>{x}</li>
                ))}
              </ul>
            ) : (
              <span className="muted"> Nada llamativo.</span>
            )}
          </dd>
        </div>
        {m?.observacion ? (
          <div className="dato">
            <dt>Observación</dt>
            <dd data-campo="observacion">{m.observacion}</dd>
          </div>
        ) : null}
        {pendiente && !m ? (
          <div className="dato">
            <dt>Observación lista</dt>
            <dd>
              {pendiente} <span className="muted">(se guardará con la marca)</span>
            </dd>
          </div>
        ) : null}
      </dl>

    </section>
  );
}
