import { formatPorcentaje, nivelRiesgo } from '../../revision';

/** The risk as a bar and its percentage (the colour is never the only cue). */
export function BarraRiesgo({ riesgo }: { riesgo: number }) {
  const nivel = nivelRiesgo(riesgo);
  return (
    <span className={`riesgo riesgo--${nivel}`}>
      <svg className="riesgo-barra" viewBox="0 0 100 10" aria-hidden="true" focusable="false" preserveAspectRatio="none">
        <rect x={0} y={0} width={100} height={10} className="riesgo-fondo" />
        <rect x={0} y={0} width={Math.max(0, Math.min(1, riesgo)) * 100} height={10} className="riesgo-valor" />
      </svg>
      <span className="riesgo-texto">{formatPorcentaje(riesgo, 0)}</span>
    </span>
  );
}
