import { useCallback, useEffect, useRef, useState } from 'react';
import type { Retroalimentacion } from '../../../shared/domain/revision';
import { llamar } from '../api';
import { TablaSemanas } from '../components/revision/GraficoTendencia';
import { ListaObservaciones } from '../components/revision/TablasInforme';
import { formatNumero, formatPorcentaje } from '../revision';
import '../components/revision/revision.css';

interface Props {
  active: boolean;
}

/** A clerk's own review results, week by week, and the observations on her radicados. Nothing about other clerks. */
export function RetroalimentacionScreen({ active }: Props) {
  const [datos, setDatos] = useState<Retroalimentacion | null>(null);
  const [error, setError] = useState<string | null>(null);
  const tituloRef = useRef<HTMLHeadingElement>(null);

  const cargar = useCallback(async () => {
    const r = await llamar(() => window.api.miRetroalimentacion({ semanas: 8 }));
    if (r.ok) {
      setDatos(r.value);
      setError(null);
    } else setError(r.error.message);
  }, []);

  useEffect(() => {
    if (!active) return;
    void cargar();
    requestAnimationFrame(() => tituloRef.current?.focus());
  }, [active, cargar]);

  const revisados = datos?.semanas.reduce((s, p) => s + p.revisados, 0) ?? 0;
  const conError = datos?.semanas.reduce((s, p) => s + p.tasaError * p.revisados, 0) ?? 0;

  return (
    <section className="screen" hidden={!active} aria-labelledby="retro-titulo">
      <h1 id="retro-titulo" ref={tituloRef} tabIndex={-1}>
        Mi retroalimentación
      </h1>
      <div role="alert" className={error ? 'alert alert--error' : 'live-empty'}>
        {error}
      </div>
      {datos === null ? (
        <p className="muted">{error ? '' : 'Cargando sus resultados…'}</p>
      ) : (
        <>
          <p className="lead">
            {datos.nombre}: resultados de la revisión de sus radicados en las últimas {datos.semanas.length} semanas.{' '}
            {revisados > 0
              ? `De ${formatNumero(revisados)} revisados, ${formatPorcentaje(conError / revisados)} tuvieron algún error.`
              : 'Aún no hay radicados suyos revisados.'}
          </p>
          <h2>Por semana</h2>
          <TablaSemanas puntos={datos.semanas} caption="Sus radicados por semana" />
          <h2>Observaciones de la revisión</h2>
          <ListaObservaciones observaciones={datos.observaciones} conFuncionario={false} vacio="No hay observaciones sobre sus radicados." />
        </>
      )}
    </section>
  );
}
