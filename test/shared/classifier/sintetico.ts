/**
 * Small synthetic Spanish corpora for the classifier tests: generated from templates with a
 * seeded generator, so every run sees the same texts (no real citizens' data in the repository).
 */
import { generador } from '../../../shared/classifier/azar';
import type { Ejemplo } from '../../../shared/classifier';

const PLANTILLAS: Record<string, string[]> = {
  Felicitación: ['Felicito a {quien} por la excelente atención', 'Muchas gracias a {quien}, el servicio fue muy amable', 'Quiero agradecer a {quien} por su buena labor', 'Excelente trabajo de {quien}, los felicito'],
  Información: ['¿Cuándo abren las inscripciones de {cosa}?', 'Solicito información sobre los requisitos de {cosa}', 'Quisiera saber el horario para {cosa}', '¿Dónde puedo consultar el estado de {cosa}?'],
  Queja: ['Me quejo porque {quien} no contestó en el plazo', 'Pésima atención de {quien}, nadie responde', 'Estoy inconforme con {quien}, me hicieron esperar horas', 'Queja: {quien} fue grosero y no resolvió'],
};
const QUIEN = ['la funcionaria', 'el personal de ventanilla', 'la Secretaría de Hacienda', 'el señor Núñez', 'la oficina de atención', 'los profesionales'];
const COSA = ['el subsidio', 'la matrícula', 'el predial', 'el certificado de residencia', 'el programa de vivienda', 'la licencia'];

export function corpus(porClase: Record<string, number>, semilla = 3): Ejemplo[] {
  const azar = generador(semilla);
  const elegir = <T>(xs: T[]) => xs[Math.floor(azar() * xs.length)]!;
  const out: Ejemplo[] = [];
  for (const [etiqueta, n] of Object.entries(porClase)) {
    for (let i = 0; i < n; i++) {
      out.push({ texto: elegir(PLANTILLAS[etiqueta]!).replace('{quien}', elegir(QUIEN)).replace('{cosa}', elegir(COSA)), etiqueta });
    }
  }
  return out;
}
