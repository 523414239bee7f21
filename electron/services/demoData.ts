/** Word lists for synthetic demo radicados. Invented people and places; no real data. */
export const NOMBRES = ['María', 'José', 'Luz', 'Carlos', 'Ana', 'Luis', 'Diana', 'Jorge', 'Sandra', 'Andrés', 'Paola', 'Juan', 'Claudia', 'Diego', 'Marta', 'Felipe', 'Gloria', 'Camilo', 'Yolanda', 'Óscar', 'Natalia', 'Héctor', 'Liliana', 'Julián', 'Adriana', 'Fabio', 'Rocío', 'Mauricio', 'Patricia', 'Iván', 'Nubia', 'Sebastián', 'Valentina', 'Edwin', 'Ángela', 'Wilson', 'Beatriz', 'Alejandro', 'Carolina', 'Germán'];
export const APELLIDOS = ['Rodríguez', 'Gómez', 'González', 'Martínez', 'García', 'López', 'Hernández', 'Sánchez', 'Ramírez', 'Pérez', 'Díaz', 'Muñoz', 'Rojas', 'Moreno', 'Jiménez', 'Vargas', 'Castro', 'Ortiz', 'Rubio', 'Marín', 'Suárez', 'Osorio', 'Cardona', 'Restrepo', 'Quintero', 'Ospina', 'Arango', 'Zapata', 'Montoya', 'Peña', 'Agudelo', 'Cárdenas', 'Londoño', 'Salazar', 'Mejía', 'Valencia', 'Patiño', 'Gutiérrez', 'Calle', 'Ibáñez'];
export const ENTIDADES = ['Junta de Acción Comunal Barrio El Carmen', 'Asociación de Comerciantes del Centro', 'Conjunto Residencial Los Almendros', 'Fundación Manos Unidas', 'Cooperativa de Transportadores del Sur', 'Personería Municipal', 'Contraloría Departamental', 'Procuraduría Provincial', 'Juzgado Segundo Civil Municipal', 'Juzgado Primero Penal del Circuito'];
export const BARRIOS = ['El Carmen', 'La Ferrería', 'Pueblo Viejo', 'San Isidro', 'Los Almendros', 'La Inmaculada', 'Bellavista', 'El Dorado', 'Santa Ana', 'La Chispa', 'Primavera', 'El Pedrero', 'Ancón', 'Tablaza', 'San Andrés'];
export const CALLES = ['Calle', 'Carrera', 'Diagonal', 'Transversal', 'Avenida'];

/** La Estrella 2020 (shared/seeds/000…): share of each tipo in its 7,433 PQRSFD. */
export const PROPORCION_TIPOS: [string, number][] = [
  ['EXO-PYP', 45.93],
  ['PET-GEN', 19.45],
  ['PET-DOC', 8.46 + 7.46],
  ['PET-CON', 5.76],
  ['QUE', 7.25],
  ['REC', 2.89],
  ['DEN', 0.93],
  ['TRA', 0.74],
  ['SUG', 0.7],
  ['FEL', 0.4],
  ['TUT', 0.01],
];

export const PROPORCION_CANALES: [string, number][] = [
  ['presencial', 55],
  ['correo_electronico', 20],
  ['web', 15],
  ['correo_postal', 7],
  ['verbal', 3],
];

/** Asunto templates per tipo and the dependencia that answers each; {b} barrio, {d} dirección, {p} placa, {n} número. */
export const ASUNTOS: Record<string, [string, string][]> = {
  'EXO-PYP': [
    ['Solicitud de exoneración de pico y placa para vehículo de placa {p} por condición de discapacidad', '900'],
    ['Solicito exoneración de pico y placa para el vehículo {p}, uso para transporte de adulto mayor', '900'],
    ['Renovación de la exoneración de pico y placa del vehículo de placa {p}', '900'],
    ['Exoneración de pico y placa para vehículo {p} de servicio de salud domiciliaria', '900'],
  ],
  'PET-GEN': [
    ['Solicito la reparación del alumbrado público en la {d}, barrio {b}', '800'],
    ['Derecho de petición: solicito visita técnica por hundimiento de la vía en el barrio {b}', '800'],
    ['Solicito inclusión en el programa de adulto mayor del barrio {b}', '1000'],
    ['Solicitud de revisión de la estratificación del predio ubicado en {d}', '400'],
    ['Solicito poda de árboles que amenazan caer sobre la vivienda en {d}', '1100'],
    ['Solicitud de cupo escolar para mi hijo en institución educativa cercana al barrio {b}', '600'],
    ['Petición de control por ruido de establecimiento comercial en {d}', '500'],
    ['Solicito acuerdo de pago del impuesto predial del predio en {d}', '300'],
  ],
  'PET-DOC': [
    ['Solicito copia del expediente de licencia de construcción del predio en {d}', '400'],
    ['Solicitud de certificado de residencia para trámite ante el Sisbén, barrio {b}', '500'],
    ['Solicito certificado de paz y salvo de impuesto predial del predio {n}', '300'],
    ['Solicitud de certificado laboral y de tiempo de servicio para trámite de pensión', '1200'],
    ['Información sobre requisitos para permiso de uso del espacio público en {d}', '500'],
    ['Solicito copia de la resolución de comparendo número {n}', '900'],
    ['Solicitud de información sobre el estado de la obra de pavimentación en el barrio {b}', '800'],
  ],
  'PET-CON': [
    ['Consulta sobre la norma de uso del suelo aplicable al predio en {d}', '400'],
    ['Consulta sobre el cobro de industria y comercio para pequeños negocios', '300'],
    ['Consulta sobre requisitos para legalizar construcción en el barrio {b}', '400'],
  ],
  QUE: [
    ['Queja por mala atención en la ventanilla de la Secretaría de Movilidad', '900'],
    ['Queja por demora en la respuesta a petición radicada anteriormente', '200'],
    ['Queja por acumulación de basuras en la {d}, barrio {b}', '1100'],
    ['Queja contra funcionario por trato inadecuado en la inspección de policía', '500'],
  ],
  REC: [
    ['Reclamo por cobro indebido de impuesto predial vigencia anterior, predio {n}', '300'],
    ['Reclamo por comparendo impuesto a vehículo {p} que ya había sido vendido', '900'],
    ['Reclamo por no pago del subsidio del programa adulto mayor', '1000'],
  ],
  DEN: [
    ['Denuncia por construcción sin licencia en la {d}, barrio {b}', '400'],
    ['Denuncia por posibles actos de corrupción en contratación de obra en el barrio {b}', '130'],
    ['Denuncia por maltrato animal en el barrio {b}', '1100'],
  ],
  TRA: [['Traslado por competencia de petición sobre servicio de acueducto en el barrio {b}', '200']],
  SUG: [
    ['Sugerencia: ampliar el horario de atención de la ventanilla los sábados', '200'],
    ['Sugiero instalar reductores de velocidad frente a la escuela del barrio {b}', '900'],
  ],
  FEL: [
    ['Felicito al personal de la Comisaría de Familia por la atención recibida', '510'],
    ['Felicitación a la Secretaría de Salud por la jornada de vacunación en el barrio {b}', '700'],
  ],
  TUT: [['Acción de tutela del Juzgado Segundo Civil Municipal, derecho de petición, auto admisorio {n}', '110']],
};
