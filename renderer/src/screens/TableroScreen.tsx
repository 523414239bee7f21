import { useEffect, useRef } from 'react';
import type { Conteo } from '../../../shared/domain/revision';
import { formatFecha } from '../../../shared/domain/bogota';
import { SelectorPeriodo, usePeriodo } from '../components/revision/SelectorPeriodo';
import { GraficoBarras } from '../components/revision/GraficoBarras';
import type { Barra } from '../components/revision/GraficoBarras';
import { GraficoTendencia } from '../components/revision/GraficoTendencia';
import { formatNumero, formatPorcentaje } from '../revision';
import '../components/revision/revision.css';

interface Props {
  active: boolean;
}

const SEMANAS = [4, 8, 12, 26, 52];

/** Tipos are drawn by code, the rest by name; the tables list "código · nombre". */
const porCodigo = (xs: readonly Conteo[]): Barra[] =>
  xs.map((c) => ({ etiqueta: c.codigo, nombre: c.nombre && c.nombre !== c.codigo ? `${c.codigo} · ${c.nombre}` : c.codigo, valor: c.cantidad }));
const conNombre = (xs: readonly Conteo[]): Barra[] => porCodigo(xs).map((b, i) => ({ ...b, etiqueta: xs[i]!.nombre || b.etiqueta }));
const porNombre = (xs: readonly Conteo[]): Barra[] => xs.map((c) => ({ etiqueta: c.nombre || c.codigo, nombre: c.nombre || c.codigo, valor: c.cantidad }));

/** The coordinator's dashboard: volumes by tipo, canal, dependencia and ventanilla, and the error rate over the weeks. */
export function TableroScreen({ active }: Props) {
  const { hasta, semanas, datos: tablero, error, cargando, recargar, cambiar } = usePeriodo(
    (h, n) => window.api.tablero({ hasta: h, semanas: n }),
    8,
  );
  const tituloRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (!active) return;
    // Fresh figures each time the dashboard is opened.
    void recargar();
    requestAnimationFrame(() => tituloRef.current?.focus());
    // Only when the screen is shown.
  }, [active]);

  const total = tablero?.serie.reduce((s, p) => s + p.radicados, 0) ?? 0;
  const revisados = tablero?.serie.reduce((s, p) => s + p.revisados, 0) ?? 0;

  return (
    <section className="screen" hidden={!active} aria-labelledby="tablero-titulo">
      <h1 id="tablero-titulo" ref={tituloRef} tabIndex={-1}>
        Tablero
      </h1>
      <SelectorPeriodo
        id="tab"
        nombre="Periodo del tablero"
        hasta={hasta}
        semanas={semanas}
        opciones={SEMANAS}
        onCambiar={cambiar}
      />
      <div role="alert" className={error ? 'alert alert--error' : 'live-empty'}>
        {error}
      </div>
      <p role="status" className="visually-hidden">
        {cargando ? 'Cargando el tablero…' : tablero ? 'Tablero actualizado.' : ''}
      </p>
      {tablero ? (
        <>
          <p className="lead">
            Del {formatFecha(tablero.desde)} al {formatFecha(tablero.hasta)} ({tablero.semanas.length} semanas): <strong>{formatNumero(total)}</strong> radicados,{' '}
            <strong>{formatNumero(revisados)}</strong> revisados
            {revisados > 0
              ? `, tasa de error ${formatPorcentaje(tablero.serie.reduce((s, p) => s + p.tasaError * p.revisados, 0) / revisados)}`
              : ''}
            .
          </p>
          {total === 0 ? <p className="rev-vacia">No hay radicados en este periodo.</p> : null}
          <GraficoTendencia titulo="Tasa de error y radicados por semana" puntos={tablero.serie} conVolumen />
          <div className="graficos">
            <GraficoBarras titulo="Radicados por tipo documental" unidad="Radicados" datos={porCodigo(tablero.porTipo)} />
            <GraficoBarras titulo="Radicados por canal" unidad="Radicados" datos={porNombre(tablero.porCanal)} />
            <GraficoBarras titulo="Radicados por dependencia" unidad="Radicados" datos={conNombre(tablero.porDependencia)} />
            <GraficoBarras titulo="Radicados por ventanilla" unidad="Radicados" datos={porNombre(tablero.porVentanilla)} />
          </div>
        </>
      ) : null}
    </section>
  );
}
