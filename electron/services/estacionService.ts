import { AlmacenAnexos } from '../anexos/almacen';
import { randomBytes } from 'node:crypto';
import type { StationContext } from './context';
import { hashPin, PIN_DEMO, USUARIOS_DEMO } from './usuariosService';
import catalogoDefecto from '../../resources/catalogo.json';
import { catalogoSchema, findTipo, type Catalogo } from '../../shared/domain/catalog';
import { bogotaInstant } from '../../shared/domain/bogota';
import { FORMATO_NUMERO_DEFECTO, validarFormatoNumero } from '../../shared/domain/numbering';
import { calcularVencimiento } from '../../shared/domain/terms';
import { calendarioHabil } from '../../shared/domain/holidays';
import type { ConfiguracionEstacion, Verificacion, VerificacionSerie } from '../../shared/domain/radicado';
import type { ResultadoTermino, ValidadoDe } from '../../shared/ipc/contract';
import { RadicaError } from '../../shared/ipc/result';
import { terminoAplicado } from './radicacionService';

export function catalogoPorDefecto(): Catalogo {
  return catalogoSchema.parse(catalogoDefecto);
}

export class EstacionService {
  constructor(private readonly ctx: StationContext) {}

  config(): ConfiguracionEstacion | null {
    return this.ctx.config.estacion();
  }

  inicializar(input: ValidadoDe<'estacion:inicializar'>, actor: string): ConfiguracionEstacion {
    const formatoNumero = input.formatoNumero ?? FORMATO_NUMERO_DEFECTO;
    const problemas = validarFormatoNumero(formatoNumero);
    if (problemas.length > 0) throw new RadicaError('VALIDACION', problemas.join(' '), { formatoNumero: problemas[0]! });
    const config: ConfiguracionEstacion = {
      entidad: input.entidad,
      nit: input.nit ?? null,
      sede: input.sede,
      sedeNombre: input.sedeNombre ?? `Sede ${input.sede}`,
      ventanilla: input.ventanilla,
      formatoNumero,
      demo: input.usuariosDemo,
    };
    const { ctx } = this;
    ctx.db
      .transaction(() => {
        if (ctx.config.estacion()) {
          throw new RadicaError('CONFLICTO', 'Esta estación ya está configurada. Para cambiar sede o ventanilla, pida soporte a TI: la serie de números depende de ellas.');
        }
        const en = ctx.clock();
        ctx.config.guardarEstacion(config);
        // Identifies this installation to the central store (a copied disk must not claim the series).
        if (!ctx.config.valor('instalacion')) ctx.config.fijarValor('instalacion', randomBytes(16).toString('hex'));
        if (!ctx.config.valor('secreto')) ctx.config.fijarValor('secreto', randomBytes(32).toString('base64'));
        if (!ctx.config.catalogoVigente()) ctx.config.guardarCatalogo(catalogoPorDefecto(), en, actor);
        if (input.usuariosDemo) {
          for (const u of USUARIOS_DEMO) {
            if (!ctx.usuarios.existe(u.usuario)) ctx.usuarios.crear({ ...u, pinHash: hashPin(PIN_DEMO) }, en);
          }
        }
        ctx.audit.append({
          en,
          actor,
          accion: 'inicializar',
          radicadoId: null,
          detalle: { entidad: config.entidad, sede: config.sede, ventanilla: config.ventanilla, formatoNumero },
        });
      })
      .immediate();
    return config;
  }

  termino(input: ValidadoDe<'terminos:calcular'>): ResultadoTermino {
    // Without a configured station the default catalog still answers: IT can check terms anywhere.
    const catalogo = this.ctx.config.estacion() ? this.ctx.catalogoVigente().catalogo : catalogoPorDefecto();
    const tipo = findTipo(catalogo, input.tipo.trim().toUpperCase());
    if (!tipo) throw new RadicaError('VALIDACION', `El tipo documental "${input.tipo}" no existe en el catálogo.`, { tipo: 'Elija un tipo del catálogo.' });
    const dado = input.cantidad ? { cantidad: input.cantidad, unidad: input.unidad ?? tipo.unidad } : null;
    const termino = terminoAplicado(tipo, dado);
    const desde = input.desde.length === 10 ? bogotaInstant(input.desde, 12) : Date.parse(input.desde);
    const v = calcularVencimiento(desde, termino, calendarioHabil(catalogo.diasNoHabiles));
    return { tipo: tipo.codigo, desde: input.desde, termino: termino.cantidad, unidad: termino.unidad, venceEl: v.venceEl, venceEn: v.venceEn };
  }

  /**
   * Checks what the law asks of the numbering and what the store promises: every series
   * consecutive from 1 without gaps or repeats, annulments accounted for, the audit chain intact,
   * SQLite's own integrity check.
   */
  verificar(): Verificacion {
    const { radicados, audit } = this.ctx;
    const problemas: string[] = [];
    const series: VerificacionSerie[] = [];
    for (const s of radicados.estadisticasSeries()) {
      series.push({ serie: s.serie, desde: s.desde ?? 0, hasta: s.hasta ?? 0, total: s.total, anulados: s.anulados });
      if (s.total === 0) {
        if (s.ultimo > 0) problemas.push(`La serie ${s.serie} tiene el contador en ${s.ultimo} pero ningún radicado.`);
        continue;
      }
      if (s.distintos !== s.total) problemas.push(`La serie ${s.serie} tiene consecutivos repetidos.`);
      if (s.desde !== 1) problemas.push(`La serie ${s.serie} no empieza en 1 (empieza en ${s.desde}).`);
      if (s.hasta !== s.total) {
        problemas.push(`La serie ${s.serie} tiene ${s.hasta! - s.total} huecos; faltan, entre otros: ${radicados.huecos(s.serieId).join(', ')}.`);
      }
      if (s.ultimo !== s.hasta) problemas.push(`El contador de la serie ${s.serie} (${s.ultimo}) no coincide con el último radicado (${s.hasta}).`);
    }
    const cadena = audit.verificar();
    const cuentas = radicados.contar();
    if (cadena.rotaEn !== null) problemas.push(`La cadena de auditoría está rota en la entrada ${cadena.rotaEn}: hubo cambios fuera de Radica.`);
    if (cadena.radicar !== cuentas.radicados) {
      problemas.push(`Hay ${cuentas.radicados} radicados pero ${cadena.radicar} entradas de auditoría de radicación.`);
    }
    if (cadena.anular !== cuentas.anulaciones) {
      problemas.push(`Hay ${cuentas.anulaciones} anulaciones pero ${cadena.anular} entradas de auditoría de anulación.`);
    }
    const archivos = new AlmacenAnexos(this.ctx.dataDir);
    const anexos = { archivos: 0, faltantes: 0, alterados: 0 };
    for (const h of this.ctx.anexos.hashesReferenciados()) {
      anexos.archivos++;
      if (!archivos.existe(h)) anexos.faltantes++;
      else if (!archivos.intacto(h)) anexos.alterados++;
    }
    if (anexos.faltantes) problemas.push(`Faltan ${anexos.faltantes} archivos de anexos en la carpeta de datos (¿se restauró un respaldo incompleto?).`);
    if (anexos.alterados) problemas.push(`${anexos.alterados} archivos de anexos ya no coinciden con su huella SHA-256: fueron modificados fuera de Radica.`);
    const integridad = radicados.integridad();
    if (integridad !== 'ok') problemas.push(`SQLite informa daños en la base de datos: ${integridad}`);
    return {
      ok: problemas.length === 0,
      series,
      auditoria: { entradas: cadena.entradas, valida: cadena.rotaEn === null },
      anexos,
      integridad,
      problemas,
    };
  }
}
