import type { ReactNode, Ref } from 'react';
import type { Radicado } from '../../../shared/domain/radicado';
import { formatFechaHora } from '../../../shared/domain/bogota';
import { describeVencimiento } from '../../../shared/domain/terms';
import type { ConfigImpresion } from '../../../shared/domain/impresion';
import { ImpresionRadicado } from './ImpresionRadicado';

interface Props {
  radicado: Radicado;
  headingRef: Ref<HTMLHeadingElement>;
  onNext: () => void;
  configImpresion: ConfigImpresion | null;
  active: boolean;
  /** What became of the scan and the files (attachments). */
  children?: ReactNode;
}

/** The number the clerk writes or reads to the citizen, in large type, with date and deadline. */
export function ResultadoRadicacion({ radicado, headingRef, onNext, configImpresion, active, children }: Props) {
  const codigo = radicado.codigoVerificacion;
  return (
    <div className="result" role="region" aria-labelledby="resultado-numero">
      <p className="result-kicker">Radicado con éxito</p>
      <h2 id="resultado-numero" ref={headingRef} tabIndex={-1} className="result-number">
        Radicado N° <span className="mono">{radicado.numero}</span>
      </h2>
      <dl className="result-facts">
        <div>
          <dt>Fecha y hora</dt>
          <dd data-campo="fecha">{formatFechaHora(radicado.fechaHora)}</dd>
        </div>
        <div>
          <dt>Vencimiento</dt>
          <dd data-campo="vence">Vence: {describeVencimiento({ venceEl: radicado.venceEl, venceEn: radicado.venceEn })}</dd>
        </div>
        <div>
          <dt>Tipo documental</dt>
          <dd>
            {radicado.tipo} · {radicado.tipoNombre}
          </dd>
        </div>
        <div>
          <dt>Dependencia</dt>
          <dd>{radicado.dependenciaNombre}</dd>
        </div>
        <div>
          <dt>Remitente</dt>
          <dd>{radicado.remitente.nombres || 'Anónimo'}</dd>
        </div>
        {codigo ? (
          <div>
            <dt>Código de verificación</dt>
            <dd className="mono">{codigo}</dd>
          </div>
        ) : null}
      </dl>
      {children}
      <ImpresionRadicado numero={radicado.numero} config={configImpresion} active={active} modo="radicar" idBase="resultado" />
      <p className="result-hint">
        <kbd>F2</kbd> o <kbd>Ctrl+N</kbd>: siguiente ciudadano
      </p>
      <button type="button" className="btn btn--primary" onClick={onNext}>
        Siguiente ciudadano (F2)
      </button>
    </div>
  );
}
