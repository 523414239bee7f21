import { useEffect, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import type { RadicadoDetalle, Usuario } from '../../../shared/domain/radicado';
import { CANALES, TIPOS_DOCUMENTO_IDENTIDAD } from '../../../shared/domain/radicado';
import { describeTermino } from '../../../shared/domain/catalog';
import { formatFechaHora } from '../../../shared/domain/bogota';
import { describeVencimiento } from '../../../shared/domain/terms';
import { accionNombre, puedeAnular } from '../labels';
import { AnularForm } from './AnularForm';
import type { ConfigImpresion } from '../../../shared/domain/impresion';
import { ImpresionRadicado } from './ImpresionRadicado';
import { AnexosRadicado } from './AnexosRadicado';

interface Props {
  detalle: RadicadoDetalle;
  usuario: Usuario;
  active: boolean;
  onBack: () => void;
  onChanged: () => void;
  configImpresion: ConfigImpresion | null;
}

function Dato({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="dato">
      <dt>{label}</dt>
      <dd>{children || <span className="muted">—</span>}</dd>
    </div>
  );
}

/** Everything about one radicado, its state (ANULADO in red) and its audit history. */
export function DetalleRadicado({ detalle: d, usuario, active, onBack, onChanged, configImpresion }: Props) {
  const codigo = d.codigoVerificacion;
  const [anulando, setAnulando] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const anularBtn = useRef<HTMLButtonElement>(null);
  const mayAnnul = puedeAnular(usuario.rol) && d.estado === 'ACTIVO';

  useEffect(() => {
    headingRef.current?.focus();
  }, [d.numero, d.estado]);

  // Alt+A opens the annulment form; Escape goes back to the results (or closes the form).
  useEffect(() => {
    if (!active) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey && !e.ctrlKey && e.code === 'KeyA' && mayAnnul) {
        e.preventDefault();
        setAnulando(true);
      } else if (e.key === 'Escape' && !e.defaultPrevented) {
        e.preventDefault();
        if (anulando) {
          setAnulando(false);
          requestAnimationFrame(() => anularBtn.current?.focus());
        } else onBack();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [active, mayAnnul, anulando, onBack]);

  const r = d.remitente;
  return (
    <article className="detail" aria-labelledby="detalle-titulo">
      <div className="detail-head">
        <h2 id="detalle-titulo" ref={headingRef} tabIndex={-1}>
          Radicado N° <span className="mono">{d.numero}</span>
        </h2>
        <span className={d.estado === 'ANULADO' ? 'badge badge--anulado badge--big' : 'badge badge--activo badge--big'}>
          {d.estado}
        </span>
      </div>
      {d.estado === 'ANULADO' && d.anulacion ? (
        <div className="alert alert--anulado" role="note" aria-label="Anulación">
          <p className="alert-title">ANULADO — este número no tiene validez y no se reutiliza.</p>
          <dl className="facts">
            <Dato label="Justificación">{d.anulacion.justificacion}</Dato>
            <Dato label="Aprobado por">{d.anulacion.aprobadoPor}</Dato>
            <Dato label="Anulado por">{d.anulacion.anuladoPorNombre}</Dato>
            <Dato label="Fecha de anulación">{formatFechaHora(d.anulacion.anuladoEn)}</Dato>
          </dl>
        </div>
      ) : null}
      <div className="detail-actions">
        <button type="button" className="btn btn--ghost" onClick={onBack}>
          Volver a los resultados (Esc)
        </button>
        {mayAnnul && !anulando ? (
          <button type="button" ref={anularBtn} className="btn btn--danger" aria-keyshortcuts="Alt+A" onClick={() => setAnulando(true)}>
            Anular (Alt+A)
          </button>
        ) : null}
      </div>
      {anulando && mayAnnul ? (
        <AnularForm
          numero={d.numero}
          aprobadoPorDefecto={usuario.nombre}
          onCancel={() => setAnulando(false)}
          onDone={() => {
            setAnulando(false);
            onChanged();
          }}
        />
      ) : null}
      <div className="detail-grid">
        <section aria-labelledby="det-doc">
          <h3 id="det-doc">Documento</h3>
          <dl className="facts">
            <Dato label="Fecha y hora de radicación">{formatFechaHora(d.fechaHora)}</Dato>
            <Dato label="Vence">{describeVencimiento({ venceEl: d.venceEl, venceEn: d.venceEn })}</Dato>
            <Dato label="Término">{describeTermino({ termino: d.termino, unidad: d.unidadTermino })}</Dato>
            <Dato label="Tipo documental">
              {d.tipo} · {d.tipoNombre}
            </Dato>
            <Dato label="Dependencia">
              {d.dependencia} · {d.dependenciaNombre}
            </Dato>
            <Dato label="Canal">{CANALES[d.canal]}</Dato>
            <Dato label="Asunto">{d.asunto}</Dato>
            <Dato label="Folios">{String(d.folios)}</Dato>
            <Dato label="Anexos">{d.anexos}</Dato>
            <Dato label="Sede y ventanilla">
              Sede {d.sede} · Ventanilla {d.ventanilla}
            </Dato>
            <Dato label="Radicado por">{d.radicadorNombre}</Dato>
            {codigo ? (
              <Dato label="Código de verificación">
                <span className="mono">{codigo}</span>
              </Dato>
            ) : null}
            <Dato label="Versión del catálogo">{String(d.catalogoVersion)}</Dato>
          </dl>
        </section>
        <section aria-labelledby="det-rem">
          <h3 id="det-rem">Remitente</h3>
          <dl className="facts">
            <Dato label="Documento">
              {TIPOS_DOCUMENTO_IDENTIDAD[r.tipoDocumento]} {r.numeroDocumento}
            </Dato>
            <Dato label="Nombre">{r.nombres}</Dato>
            <Dato label="Teléfono">{r.telefono}</Dato>
            <Dato label="Correo electrónico">{r.correo}</Dato>
            <Dato label="Dirección">{r.direccion}</Dato>
            <Dato label="Autoriza tratamiento de datos">{r.autorizaDatos ? 'Sí' : 'No'}</Dato>
          </dl>
        </section>
      </div>
      <AnexosRadicado numero={d.numero} puedeAnexar={d.estado === 'ACTIVO'} onAnexado={onChanged} />
      <ImpresionRadicado
        numero={d.numero}
        config={configImpresion}
        active={active}
        modo="consulta"
        idBase="detalle"
        onImpreso={onChanged}
      />
      <section aria-labelledby="det-aud">
        <h3 id="det-aud">Historial (auditoría)</h3>
        {d.auditoria.length === 0 ? (
          <p className="muted">Sin entradas.</p>
        ) : (
          <table className="results audit">
            <thead>
              <tr>
                <th scope="col">Fecha</th>
                <th scope="col">Actor</th>
                <th scope="col">Acción</th>
              </tr>
            </thead>
            <tbody>
              {d.auditoria.map((a) => (
                <tr key={a.id}>
                  <td>{formatFechaHora(a.en)}</td>
                  <td>{a.actorNombre}</td>
                  <td>{accionNombre(a.accion)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </article>
  );
}
