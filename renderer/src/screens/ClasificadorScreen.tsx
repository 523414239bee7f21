import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { parse } from 'csv-parse/browser/esm/sync';
import { NOMBRE_OBJETIVO, OBJETIVOS, objetivosDeLaEntidad, type EstadoClasificador, type ModeloVigente } from '../../../shared/sugerencias';
import {
  aplicarEquivalencias,
  describirLineas,
  etiquetasSinCatalogo,
  gruposRechazos,
  filasDeEjemplos,
  opcionesCsvEjemplos,
  textoDeCsv,
  type CampoEtiqueta,
  type EtiquetaSinCatalogo,
  type FilaEjemplo,
} from '../../../shared/sugerencias/importacion';
import type { Catalogo } from '../../../shared/domain/catalog';
import { formatFechaHora } from '../../../shared/domain/bogota';
import { llamar } from '../api';
import { Field } from '../components/Field';
import { SelectorArchivos } from '../components/SelectorArchivos';
import { DesempenoSugerencias } from '../components/DesempenoSugerencias';
import { formatNumero, formatPorcentaje } from '../revision';

interface Props {
  active: boolean;
  /** Importing a previous system's examples is the administrador's; retraining is also the coordinador's. */
  esAdmin: boolean;
  /** What a previous system's labels are matched against, and what they can be mapped to. */
  catalogo: Catalogo | null;
}

interface ArchivoCsv {
  nombre: string;
  registros: Record<string, string>[];
  columnas: string[];
}

type Columna = 'texto' | 'tipo' | 'dependencia' | 'peso';

const SONDEO_MS = 2_000;
/** Unknown labels listed for mapping; past this, the file needs cleaning (or the CLI's --equivalencias). */
const MAX_EQUIVALENCIAS = 100;
/** Reasons listed after an import (each with its rows' count and first lines). */
const MAX_MOTIVOS = 20;
/** The select's value for «drop this label, keep the row for the other field». */
const SIN_ETIQUETA = '\u0000';

/** Label → catalog code (or null: drop the label), per field; a label not here is rejected. */
type EquivalenciasElegidas = Record<CampoEtiqueta, Record<string, string | null>>;
const SIN_EQUIVALENCIAS: EquivalenciasElegidas = { tipo: {}, dependencia: {} };

/** The CSV's column whose name looks like the field (a previous system's export rarely matches exactly). */
function adivinar(columnas: string[], patrones: RegExp[]): string {
  for (const p of patrones) {
    const c = columnas.find((x) => p.test(x.normalize('NFD').replace(/\p{M}/gu, '')));
    if (c) return c;
  }
  return '';
}

/**
 * The station's classifier for coordination and IT: which models suggest (this station's or the
 * entity's), how good they measured, retraining now, and importing a previous system's labelled
 * CSV. Training runs in a worker thread: the windows keep radicating meanwhile.
 */
export function ClasificadorScreen({ active, esAdmin, catalogo }: Props) {
  const [estado, setEstado] = useState<EstadoClasificador | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [aviso, setAviso] = useState<string | null>(null);
  const [pidiendo, setPidiendo] = useState(false);
  const [csv, setCsv] = useState<ArchivoCsv | null>(null);
  const [columnas, setColumnas] = useState<Record<Columna, string>>({ texto: '', tipo: '', dependencia: '', peso: '' });
  const [rechazados, setRechazados] = useState<{ fila: number; motivo: string }[]>([]);
  const [equivalencias, setEquivalencias] = useState<EquivalenciasElegidas>(SIN_EQUIVALENCIAS);
  const tituloRef = useRef<HTMLHeadingElement>(null);

  const cargar = useCallback(async () => {
    const r = await llamar(() => window.api.estadoClasificador({}));
    if (r.ok) setEstado(r.value);
    else setError(r.error.message);
  }, []);

  useEffect(() => {
    if (!active) return;
    // Coming back to the screen: the last action's message would describe models no longer in use.
    setAviso(null);
    setError(null);
    void cargar();
    requestAnimationFrame(() => tituloRef.current?.focus());
  }, [active, cargar]);

  // A training started elsewhere (the schedule, the CLI) shows up and its end is noticed.
  useEffect(() => {
    if (!active || !estado?.entrenando) return;
    const id = window.setInterval(() => void cargar(), SONDEO_MS);
    return () => window.clearInterval(id);
  }, [active, estado?.entrenando, cargar]);

  // The file's rows under the chosen columns, and the labels the catalog does not know.
  const lectura = useMemo((): { filas: FilaEjemplo[]; sinCatalogo: EtiquetaSinCatalogo[] } | { error: string } | null => {
    if (!csv) return null;
    try {
      const filas = filasDeEjemplos(csv.registros, { texto: columnas.texto, tipo: columnas.tipo || null, dependencia: columnas.dependencia || null, peso: columnas.peso || null });
      return { filas, sinCatalogo: catalogo ? etiquetasSinCatalogo(filas, catalogo) : [] };
    } catch (err) {
      return { error: (err as Error).message };
    }
  }, [csv, columnas, catalogo]);

  const gruposRechazados = useMemo(() => gruposRechazos(rechazados), [rechazados]);
  const deLaEntidad = estado ? objetivosDeLaEntidad(estado.modelos) : [];
  // Both models are the entity's: nothing here trains; with one, the station still trains the other.
  const todoDeLaEntidad = deLaEntidad.length === OBJETIVOS.length;

  const reentrenar = async () => {
    setError(null);
    setAviso('Entrenando el clasificador… la ventanilla sigue radicando mientras tanto.');
    setPidiendo(true);
    const r = await llamar(() => window.api.entrenarClasificador({}));
    setPidiendo(false);
    if (!r.ok) {
      setAviso(null);
      setError(r.error.message);
      return;
    }
    setEstado(r.value);
    const describir = (m: ModeloVigente) => `${NOMBRE_OBJETIVO[m.objetivo].toLowerCase()} versión ${m.version} (${formatNumero(m.ejemplos)} ejemplos)`;
    const propios = r.value.modelos.filter((m) => m.origen === 'local');
    const deEntidad = r.value.modelos.filter((m) => m.origen === 'central');
    setAviso(
      `Listo: ${propios.map(describir).join(' y ')}. Las sugerencias ya los usan.` +
        (deEntidad.length ? ` ${deEntidad.map((m) => `${NOMBRE_OBJETIVO[m.objetivo]}: el de la entidad, versión ${m.version}`).join('; ')}.` : ''),
    );
  };

  const elegirArchivo = async (files: FileList | null, input: HTMLInputElement) => {
    const f = files?.[0];
    input.value = '';
    if (!f) return;
    setError(null);
    setAviso(null);
    setRechazados([]);
    try {
      const texto = textoDeCsv(new Uint8Array(await f.arrayBuffer()));
      const registros = parse(texto, opcionesCsvEjemplos(texto)) as Record<string, string>[];
      const cols = registros.length ? Object.keys(registros[0]!) : [];
      if (registros.length === 0) throw new Error('no tiene filas después del encabezado');
      setCsv({ nombre: f.name, registros, columnas: cols });
      setEquivalencias(SIN_EQUIVALENCIAS);
      setColumnas({
        texto: adivinar(cols, [/^(texto|asunto|reporte|descripcion)$/i, /texto|asunto|reporte|descrip/i]) || cols[0]!,
        tipo: adivinar(cols, [/^tipo/i, /tipo|categoria/i]),
        dependencia: adivinar(cols, [/^dependencia/i, /dependencia|oficina|area/i]),
        peso: adivinar(cols, [/^peso$/i]),
      });
    } catch (err) {
      setCsv(null);
      setError(`No se pudo leer ${f.name}: ${(err as Error).message}. Debe ser un CSV con una fila de encabezado.`);
    }
  };

  const importar = async () => {
    if (!csv) return;
    setError(null);
    setAviso(null);
    if (!lectura || 'error' in lectura) {
      setError(lectura?.error ?? 'Elija un CSV.');
      return;
    }
    const filas = aplicarEquivalencias(lectura.filas, equivalencias);
    setPidiendo(true);
    const r = await llamar(() => window.api.importarEjemplos({ origen: csv.nombre, filas }));
    setPidiendo(false);
    if (!r.ok) {
      setError(r.error.message);
      return;
    }
    setRechazados(r.value.rechazados);
    setAviso(
      `Se importaron ${formatNumero(r.value.importados)} ejemplos de ${formatNumero(filas.length)} filas de ${csv.nombre}` +
        `${r.value.rechazados.length ? `; ${formatNumero(r.value.rechazados.length)} rechazadas (abajo)` : ''}. ` +
        (todoDeLaEntidad ? '' : 'Pulse «Reentrenar ahora» para que las sugerencias aprendan de ellos.'),
    );
    setCsv(null);
    await cargar();
  };

  const selector = (c: Columna, label: string, opcional: boolean) => (
    <Field id={`clf-col-${c}`} label={label} className="field--medium">
      <select
        id={`clf-col-${c}`}
        value={columnas[c]}
        onChange={(ev) => {
          setColumnas((x) => ({ ...x, [c]: ev.target.value }));
          // Another column has other labels: what was chosen for the old ones would not apply.
          if (c === 'tipo' || c === 'dependencia') setEquivalencias((e) => ({ ...e, [c]: {} }));
        }}
      >
        {opcional ? <option value="">— ninguna —</option> : null}
        {csv!.columnas.map((x) => (
          <option key={x} value={x}>
            {x}
          </option>
        ))}
      </select>
    </Field>
  );

  const ocupado = pidiendo || estado?.entrenando === true;
  return (
    <section className="screen" hidden={!active} aria-labelledby="clasificador-titulo">
      <h1 id="clasificador-titulo" ref={tituloRef} tabIndex={-1}>
        Clasificador
      </h1>
      <div role="alert" className={error ? 'alert alert--error' : 'live-empty'}>
        {error}
      </div>
      <p role="status" className="notice notice--plegable">
        {aviso}
      </p>
      {estado === null ? (
        <p className="muted">{error ? '' : 'Cargando el estado del clasificador…'}</p>
      ) : (
        <>
          <h2>Modelos en uso</h2>
          {estado.modelos.length === 0 ? (
            <p>Aún no hay modelos entrenados: las sugerencias salen de las frases del catálogo (acción de tutela, queja, derecho de petición…).</p>
          ) : (
            <div className="table-wrap">
              <table className="results tabla-figuras">
                <caption>Lo que sugiere tipo y dependencia mientras el funcionario escribe el asunto</caption>
                <thead>
                  <tr>
                    <th scope="col">Clasifica</th>
                    <th scope="col">Origen</th>
                    <th scope="col" className="num">
                      Versión
                    </th>
                    <th scope="col" className="num">
                      Ejemplos
                    </th>
                    <th scope="col" className="num">
                      Exactitud
                    </th>
                    <th scope="col" className="num">
                      Macro-F1
                    </th>
                    <th scope="col">Entrenado el</th>
                  </tr>
                </thead>
                <tbody>
                  {estado.modelos.map((m) => (
                    <tr key={m.id}>
                      <th scope="row">{NOMBRE_OBJETIVO[m.objetivo]}</th>
                      <td>{m.origen === 'central' ? 'La entidad (servidor central)' : 'Esta estación'}</td>
                      <td className="num">{m.version}</td>
                      <td className="num">{formatNumero(m.ejemplos)}</td>
                      <td className="num">{typeof m.metricas.accuracy === 'number' ? formatPorcentaje(m.metricas.accuracy) : '—'}</td>
                      <td className="num">{typeof m.metricas.macroF1 === 'number' ? formatPorcentaje(m.metricas.macroF1) : '—'}</td>
                      <td>{formatFechaHora(m.creadoEn)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <p className="hint">
            Exactitud y macro-F1: medidas al entrenar, con la quinta parte de los ejemplos apartada. «—»: muy pocos ejemplos para medir.
          </p>

          <DesempenoSugerencias active={active} />

          <h2>Reentrenar</h2>
          {todoDeLaEntidad ? (
            <p>
              Esta estación usa el modelo de la entidad, entrenado en el servidor central con los radicados de todas las ventanillas, las
              correcciones de los coordinadores y el histórico importado allí. Se actualiza cuando TI ejecuta <code>radica central modelo entrenar</code>; la estación lo
              recibe al sincronizar.
            </p>
          ) : (
            <>
              <p>
                {estado.radicadosNuevos === 1 ? 'Un radicado' : `${formatNumero(estado.radicadosNuevos)} radicados`} desde el último entrenamiento · {formatNumero(estado.ejemplosImportados)} ejemplos
                importados. La estación también reentrena sola cada día, tras 200 radicados nuevos o 25 correcciones de la revisión.
              </p>
              <button id="clf-reentrenar" type="button" className="btn btn--primary" onClick={() => void reentrenar()} disabled={ocupado} aria-describedby="clf-reentrenar-hint">
                {ocupado ? 'Entrenando…' : 'Reentrenar ahora'}
              </button>
              <p className="hint" id="clf-reentrenar-hint">
                Usa los radicados de esta estación (las correcciones de los coordinadores pesan el triple) y los ejemplos importados.
                {deLaEntidad.length
                  ? ` El modelo de ${NOMBRE_OBJETIVO[deLaEntidad[0]!].toLowerCase()} es el de la entidad (servidor central): se entrena solo el de ${NOMBRE_OBJETIVO[OBJETIVOS.find((o) => !deLaEntidad.includes(o))!].toLowerCase()}.`
                  : ''}
              </p>
            </>
          )}
          {estado.ultimoEntrenamiento?.error ? <p className="texto-error">El último entrenamiento falló: {estado.ultimoEntrenamiento.error}</p> : null}

          {esAdmin && todoDeLaEntidad ? (
            <>
              <h2>Importar ejemplos de un sistema anterior</h2>
              <p>
                Esta estación usa el modelo de la entidad, que el servidor central entrena con los radicados de las estaciones, las correcciones
                de los coordinadores y el histórico importado en el servidor. Un CSV de un sistema anterior se importa allí, una vez para todas
                las ventanillas: <code>radica central modelo importar --csv ARCHIVO --texto COL --tipo COL --dependencia COL</code> con la
                dirección del administrador, y después <code>radica central modelo entrenar</code>. Importado aquí solo serviría al modelo
                propio de esta ventanilla, que no está en uso.
              </p>
            </>
          ) : null}
          {esAdmin && !todoDeLaEntidad ? (
            <>
              <h2>Importar ejemplos de un sistema anterior</h2>
              <p>
                Un CSV con encabezado (el que guarda Excel sirve: con «,» o «;», en UTF-8 o Windows-1252): una columna con el texto y otra con el tipo documental, la dependencia o ambas (código o nombre
                del catálogo). Opcional: una columna de peso.
              </p>
              <SelectorArchivos id="clf-csv" label="Elegir CSV…" hint="Se leen aquí; nada sale de la estación." accept=".csv,text/csv" disabled={ocupado} onFiles={(f, i) => void elegirArchivo(f, i)} />
              {csv ? (
                <form
                  className="clf-columnas"
                  aria-label={`Columnas de ${csv.nombre}`}
                  onSubmit={(ev) => {
                    ev.preventDefault();
                    void importar();
                  }}
                >
                  <p>
                    {csv.nombre}: {formatNumero(csv.registros.length)} filas. Elija las columnas.
                  </p>
                  <div className="row">
                    {selector('texto', 'Texto', false)}
                    {selector('tipo', 'Tipo documental', true)}
                    {selector('dependencia', 'Dependencia', true)}
                    {selector('peso', 'Peso', true)}
                  </div>
                  {lectura && 'sinCatalogo' in lectura && lectura.sinCatalogo.length ? (
                    <TablaEquivalencias
                      sinCatalogo={lectura.sinCatalogo}
                      catalogo={catalogo!}
                      equivalencias={equivalencias}
                      conOtroCampo={{ tipo: !!columnas.dependencia, dependencia: !!columnas.tipo }}
                      onCambiar={(campo, valor, codigo) =>
                        setEquivalencias((e) => {
                          const tabla = { ...e[campo] };
                          if (codigo === undefined) delete tabla[valor];
                          else tabla[valor] = codigo;
                          return { ...e, [campo]: tabla };
                        })
                      }
                    />
                  ) : null}
                  <div className="actions">
                    <button id="clf-importar" type="submit" className="btn btn--primary" disabled={ocupado}>
                      Importar {formatNumero(csv.registros.length)} filas
                    </button>{' '}
                    <button type="button" className="btn btn--ghost" onClick={() => setCsv(null)}>
                      Cancelar
                    </button>
                  </div>
                </form>
              ) : null}
              {rechazados.length ? (
                <>
                  <h3 id="clf-rechazadas-titulo">Filas rechazadas: {formatNumero(rechazados.length)}</h3>
                  <ul aria-labelledby="clf-rechazadas-titulo">
                    {gruposRechazados.slice(0, MAX_MOTIVOS).map((g) => (
                      <li key={g.motivo}>
                        {g.motivo}: {describirLineas(g.lineas)} del CSV
                      </li>
                    ))}
                    {gruposRechazados.length > MAX_MOTIVOS ? <li>… y {formatNumero(gruposRechazados.length - MAX_MOTIVOS)} motivos más.</li> : null}
                  </ul>
                </>
              ) : null}
            </>
          ) : null}
        </>
      )}
    </section>
  );
}

interface TablaEquivalenciasProps {
  sinCatalogo: EtiquetaSinCatalogo[];
  catalogo: Catalogo;
  equivalencias: EquivalenciasElegidas;
  /** Whether a row can still teach the other field once this label is dropped. */
  conOtroCampo: Record<CampoEtiqueta, boolean>;
  /** codigo: a catalog code, null to drop the label, undefined to reject the rows again. */
  onCambiar: (campo: CampoEtiqueta, valor: string, codigo: string | null | undefined) => void;
}


/**
 * The old system's labels that the catalog does not have, most rows first, each with what it is in
 * this catalog. Left as «rechazar», its rows are not imported (and are listed as rejected).
 */
function TablaEquivalencias({ sinCatalogo, catalogo, equivalencias, conOtroCampo, onCambiar }: TablaEquivalenciasProps) {
  const opciones = {
    tipo: catalogo.tipos.filter((t) => t.activo),
    dependencia: catalogo.dependencias.filter((d) => d.activo),
  };
  const filasSinTraducir = sinCatalogo.filter((e) => !Object.hasOwn(equivalencias[e.campo], e.valor)).reduce((n, e) => n + e.filas, 0);
  const mostradas = sinCatalogo.slice(0, MAX_EQUIVALENCIAS);
  return (
    <div className="clf-equivalencias" role="group" aria-labelledby="clf-equivalencias-titulo">
      <h3 id="clf-equivalencias-titulo">Etiquetas que el catálogo no tiene</h3>
      <p id="clf-equivalencias-ayuda">
        Elija a qué equivale cada una en el catálogo de la entidad. Las que queden en «rechazar» no se importan
        {filasSinTraducir ? ` (por ahora, ${filasSinTraducir === 1 ? 'una fila' : `${formatNumero(filasSinTraducir)} filas`})` : ''}.
      </p>
      <div className="table-wrap">
        <table className="results tabla-compacta">
          <thead>
            <tr>
              <th scope="col">Campo</th>
              <th scope="col">En el archivo</th>
              <th scope="col" className="num">
                Filas
              </th>
              <th scope="col">Equivale a</th>
            </tr>
          </thead>
          <tbody>
            {mostradas.map((e, i) => {
              const id = `clf-eq-${i}`;
              const elegido = equivalencias[e.campo][e.valor];
              const valor = elegido === undefined ? '' : elegido === null ? SIN_ETIQUETA : elegido;
              return (
                <tr key={`${e.campo}:${e.valor}`}>
                  <td>{NOMBRE_OBJETIVO[e.campo]}</td>
                  <th scope="row" id={`${id}-valor`}>
                    {e.valor}
                  </th>
                  <td className="num">{formatNumero(e.filas)}</td>
                  <td>
                    <select
                      id={id}
                      aria-labelledby={`${id}-valor`}
                      aria-describedby="clf-equivalencias-ayuda"
                      value={valor}
                      onChange={(ev) => {
                        const v = ev.target.value;
                        onCambiar(e.campo, e.valor, v === '' ? undefined : v === SIN_ETIQUETA ? null : v);
                      }}
                    >
                      <option value="">— rechazar esas filas —</option>
                      {conOtroCampo[e.campo] ? (
                        <option value={SIN_ETIQUETA}>{e.campo === 'tipo' ? '— sin tipo: aprenden solo la dependencia —' : '— sin dependencia: aprenden solo el tipo —'}</option>
                      ) : null}
                      {opciones[e.campo].map((o) => (
                        <option key={o.codigo} value={o.codigo}>
                          {o.codigo} · {o.nombre}
                        </option>
                      ))}
                    </select>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {sinCatalogo.length > MAX_EQUIVALENCIAS ? (
        <p className="hint">
          … y {formatNumero(sinCatalogo.length - MAX_EQUIVALENCIAS)} etiquetas más. Con tantas, conviene corregir el archivo o importarlo con{' '}
          <code>radica clasificador importar --equivalencias ARCHIVO</code>.
        </p>
      ) : null}
    </div>
  );
}
