import { useCallback, useEffect, useRef, useState } from 'react';
import type { EstacionesCentrales } from '../../../shared/domain/central';
import { formatFechaHora } from '../../../shared/domain/bogota';
import { llamar } from '../api';
import { hace, necesitaAtencion, resumenImpresorasEstacion } from '../estaciones';

interface Props {
  active: boolean;
}

const SONDEO_MS = 30_000;
/**
 * Operations for IT and coordination (coordinator mode): every station of her sedes as the central
 * store last heard from it — last contact, what it had pending and how late, version, printers.
 */
export function EstacionesScreen({ active }: Props) {
  const [datos, setDatos] = useState<EstacionesCentrales | null>(null);
  const [error, setError] = useState<string | null>(null);
  const tituloRef = useRef<HTMLHeadingElement>(null);

  const cargar = useCallback(async () => {
    const r = await llamar(() => window.api.estacionesCentrales({}));
    if (!r.ok) {
      setError(r.error.message);
      return;
    }
    setError(null);
    setDatos(r.value);
  }, []);

  useEffect(() => {
    if (!active) return;
    void cargar();
    requestAnimationFrame(() => tituloRef.current?.focus());
    const id = window.setInterval(() => void cargar(), SONDEO_MS);
    return () => window.clearInterval(id);
  }, [active, cargar]);

  const atencion = datos?.estaciones.filter(necesitaAtencion).length ?? 0;
  return (
    <section className="screen" hidden={!active} aria-labelledby="estaciones-titulo">
      <h1 id="estaciones-titulo" ref={tituloRef} tabIndex={-1}>
        Estaciones
      </h1>
      <div role="alert" className={error ? 'alert alert--error' : 'live-empty'}>
        {error}
      </div>
      {datos && !datos.disponible ? (
        <p className="hint">
          Esta estación no está en modo coordinador. TI la deja así con <code>radica central coordinacion --url …</code> (la
          dirección que imprimió <code>radica central coordinador registrar</code>) y se abre así desde el siguiente inicio; o consulte el
          estado con <code>radica central estado</code>.
        </p>
      ) : null}
      {datos?.disponible ? (
        <>
          <p role="status">
            {datos.estaciones.length} {datos.estaciones.length === 1 ? 'estación' : 'estaciones'} · consultado el {formatFechaHora(datos.consultadoEn)}
            {atencion > 0 ? ` · ${atencion} ${atencion === 1 ? 'necesita' : 'necesitan'} atención` : ''}
          </p>
          <div className="table-wrap">
            <table className="results tabla-figuras">
              <caption>Estado de las estaciones según el servidor central</caption>
              <thead>
                <tr>
                  <th scope="col">Sede · ventanilla</th>
                  <th scope="col">Último contacto</th>
                  <th scope="col" className="num">
                    Pendientes
                  </th>
                  <th scope="col" className="num">
                    Retraso
                  </th>
                  <th scope="col">Versión</th>
                  <th scope="col">Impresoras</th>
                  <th scope="col" className="num">
                    Radicados
                  </th>
                  <th scope="col" className="num">
                    Rechazos
                  </th>
                </tr>
              </thead>
              <tbody>
                {datos.estaciones.map((e) => (
                  <tr key={e.rol} className={necesitaAtencion(e) ? 'fila-atencion' : undefined}>
                    <th scope="row">
                      Sede {e.sede} · ventanilla {e.ventanilla}
                      {necesitaAtencion(e) ? <span className="visually-hidden"> (necesita atención)</span> : null}
                    </th>
                    <td>{e.ultimoContacto === null ? 'nunca' : `${formatFechaHora(e.ultimoContacto)} (${hace(e.sinContactoMs)})`}</td>
                    <td className="num">{e.pendientes ?? '—'}</td>
                    <td className="num">{e.retrasoMs === null ? '—' : `${Math.round(e.retrasoMs / 1000).toLocaleString('es-CO')} s`}</td>
                    <td>{e.version ?? '—'}</td>
                    <td>{resumenImpresorasEstacion(e.impresoras)}</td>
                    <td className="num">{e.radicados.toLocaleString('es-CO')}</td>
                    <td className="num">{e.rechazos}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : null}
    </section>
  );
}
