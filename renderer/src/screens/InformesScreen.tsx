import { useCallback, useEffect, useRef, useState } from 'react';
import type { InformeSemanal } from '../../../shared/domain/revision';
import { formatFecha, formatFechaHora } from '../../../shared/domain/bogota';
import { llamar } from '../api';
import { SelectorSemana } from '../components/revision/SelectorSemana';
import { FiltroVentanillas } from '../components/revision/FiltroVentanillas';
import { ListaObservaciones, TablaConfusion, TablaFiguras } from '../components/revision/TablasInforme';
import { AvisoCentral, ExplicacionAcierto, TablaObjetivo } from '../components/DesempenoSugerencias';
import { GraficoTendencia } from '../components/revision/GraficoTendencia';
import { DescargaInforme } from '../components/revision/DescargaInforme';
import { alcanceDe, claveVentanilla, formatNumero, formatPorcentaje, nombreVentanilla } from '../revision';
import type { VentanillaRef } from '../revision';
import '../components/revision/revision.css';

interface Props {
  active: boolean;
}

interface Alcance {
  semana: string;
  sede?: string;
  ventanillas?: string[];
}

/**
 * The weekly report on screen (the figures the coordinator sends to the ventanillas) and the same
 * report as PDF, XLSX or CSV.
 */
export function InformesScreen({ active }: Props) {
  const [semana, setSemana] = useState<string | null>(null);
  const [todas, setTodas] = useState<VentanillaRef[]>([]);
  const [excluidas, setExcluidas] = useState<Set<string>>(() => new Set());
  const [informe, setInforme] = useState<InformeSemanal | null>(null);
  const [alcance, setAlcance] = useState<Alcance | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [cargando, setCargando] = useState(false);
  const pedido = useRef(0);
  const tituloRef = useRef<HTMLHeadingElement>(null);

  const cargar = useCallback(async (s: string | null, ts: VentanillaRef[], ex: Set<string>) => {
    const elegidas = new Set(ts.map(claveVentanilla).filter((k) => !ex.has(k)));
    const filtro = alcanceDe(ts, elegidas);
    if (filtro === null) {
      setError('Ventanillas: elija al menos una.');
      return;
    }
    const id = ++pedido.current;
    setCargando(true);
    const r = await llamar(() => window.api.informeSemanal({ semana: s ?? 'anterior', ...filtro }));
    if (id !== pedido.current) return;
    setCargando(false);
    if (!r.ok) {
      setError(r.error.message);
      return;
    }
    setError(null);
    setInforme(r.value);
    setSemana(r.value.semana);
    setAlcance({ semana: r.value.semana, ...filtro });
    if (Object.keys(filtro).length === 0 && r.value.ventanillas.length > 0) setTodas(r.value.ventanillas.map((v) => ({ sede: v.sede, ventanilla: v.ventanilla })));
  }, []);

  useEffect(() => {
    if (!active) return;
    // Fresh figures each time: the marks may have changed in Revisión meanwhile.
    void cargar(semana, todas, excluidas);
    requestAnimationFrame(() => tituloRef.current?.focus());
    // Only when the screen is shown.
  }, [active]);

  const vacio = informe !== null && informe.totales.radicados === 0;

  return (
    <section className="screen" hidden={!active} aria-labelledby="informes-titulo">
      <h1 id="informes-titulo" ref={tituloRef} tabIndex={-1}>
        Informe semanal
      </h1>
      <p className="lead">Cifras de la revisión por ventanilla y por funcionario, para enviar a las ventanillas cada semana.</p>
      <form className="rev-controles" noValidate aria-label="Semana del informe" onSubmit={(e) => e.preventDefault()}>
        <SelectorSemana
          id="inf-semana"
          semana={semana}
          onCambiar={(s) => {
            setSemana(s);
            void cargar(s, todas, excluidas);
          }}
        />
        <FiltroVentanillas
          idBase="inf-ventanilla"
          todas={todas}
          excluidas={excluidas}
          onCambiar={(ex) => {
            setExcluidas(ex);
            void cargar(semana, todas, ex);
          }}
        />
      </form>
      <div role="alert" className={error ? 'alert alert--error' : 'live-empty'}>
        {error}
      </div>
      <p role="status" className="visually-hidden">
        {cargando ? 'Cargando el informe…' : informe ? `Informe de la semana ${informe.semana} cargado.` : ''}
      </p>

      {informe === null ? null : vacio ? (
        <p className="rev-vacia" data-campo="informe-vacio">
          La semana {informe.semana} (del {formatFecha(informe.desde)} al {formatFecha(informe.hasta)}) no tiene radicados en las ventanillas elegidas: no hay
          cifras que informar. Elija otra semana con las flechas.
        </p>
      ) : (
        <article className="informe" aria-labelledby="informe-encabezado">
          <h2 id="informe-encabezado">
            Semana <span className="mono">{informe.semana}</span>: del {formatFecha(informe.desde)} al {formatFecha(informe.hasta)}
          </h2>
          <p className="muted">
            {informe.entidad} · {informe.sedes.length === 1 ? `Sede ${informe.sedes[0]}` : `Sedes ${informe.sedes.join(', ')}`} · Generado el{' '}
            {formatFechaHora(informe.generadoEn)} por {informe.firmadoPor}
          </p>
          <dl className="cifras" aria-label="Totales de la semana">
            <div className="cifra">
              <dt>Radicados</dt>
              <dd data-campo="radicados">{formatNumero(informe.totales.radicados)}</dd>
            </div>
            <div className="cifra">
              <dt>Revisados</dt>
              <dd data-campo="revisados">{formatNumero(informe.totales.revisados)}</dd>
            </div>
            <div className="cifra">
              <dt>Errores de clasificación</dt>
              <dd data-campo="erroresClasificacion">{formatNumero(informe.totales.erroresClasificacion)}</dd>
            </div>
            <div className="cifra">
              <dt>Errores de direccionamiento</dt>
              <dd data-campo="erroresDireccionamiento">{formatNumero(informe.totales.erroresDireccionamiento)}</dd>
            </div>
            <div className="cifra">
              <dt>Tasa de error</dt>
              <dd data-campo="tasaError">{informe.totales.revisados > 0 ? formatPorcentaje(informe.totales.tasaError) : '—'}</dd>
            </div>
          </dl>
          {informe.totales.revisados === 0 ? (
            <p className="alert alert--warn">Ningún radicado de esta semana ha sido revisado todavía: márquelos en Revisión (Alt+S).</p>
          ) : null}

          <h3>Por ventanilla</h3>
          <TablaFiguras
            caption="Cifras por ventanilla"
            columnas={['Ventanilla']}
            filas={informe.ventanillas.map((v) => ({ ...v, clave: claveVentanilla(v), celdas: [nombreVentanilla(v)] }))}
            totales={informe.totales}
          />
          <h3>Por funcionario</h3>
          <TablaFiguras
            caption="Cifras por funcionario"
            columnas={['Funcionario', 'Ventanilla']}
            filas={informe.funcionarios.map((f) => ({ ...f, clave: `${f.funcionario}-${f.sede}-${f.ventanilla}`, celdas: [f.nombre, nombreVentanilla(f)] }))}
          />

          <h3>Confusión entre tipos documentales</h3>
          {informe.confusion.length === 0 ? (
            <p className="muted">Sin errores de clasificación en los radicados revisados.</p>
          ) : (
            <TablaConfusion caption="Tipo radicado y tipo correcto" de="Radicado como" a="Debió ser" filas={informe.confusion} nombres={informe.nombres.tipos} />
          )}
          <h3>Direccionamiento</h3>
          {informe.direccionamiento.length === 0 ? (
            <p className="muted">Sin errores de direccionamiento en los radicados revisados.</p>
          ) : (
            <TablaConfusion
              caption="Dependencia asignada y dependencia correcta"
              de="Enviado a"
              a="Debió ir a"
              filas={informe.direccionamiento}
              nombres={informe.nombres.dependencias}
            />
          )}

          <h3>Sugerencias del clasificador</h3>
          <p>
            Lo que sugirió la estación mientras se escribía el asunto
            {informe.sugerencias.alcance === 'central' ? ', en todas las ventanillas elegidas' : ''}, y cuántas veces acertó.
          </p>
          {informe.sugerencias.alcance === 'central' ? <AvisoCentral /> : null}
          {informe.sugerencias.radicados === 0 ? (
            <p className="muted">
              {informe.sugerencias.alcance === 'central' ? 'Ninguna estación informó sus sugerencias de los radicados de la semana.' : 'Sin radicados con sugerencias en la semana.'}
            </p>
          ) : (
            <>
              {informe.sugerencias.objetivos.map((o) => (
                <TablaObjetivo key={o.objetivo} o={o} prefijo="informe-sugerencias" Encabezado="h4" />
              ))}
              <ExplicacionAcierto />
            </>
          )}

          <h3>Observaciones</h3>
          <ListaObservaciones observaciones={informe.observaciones} conFuncionario vacio="Sin observaciones esta semana." />

          <h3>Tendencia</h3>
          <GraficoTendencia titulo={`Tasa de error en las ${informe.tendencia.length} semanas hasta la ${informe.semana}`} puntos={informe.tendencia} conVolumen />
        </article>
      )}
      {informe && alcance ? (
        <>
          <h2 className="informe-descargas-titulo">Descargar</h2>
          <DescargaInforme alcance={alcance} disabled={vacio} />
        </>
      ) : null}
    </section>
  );
}
