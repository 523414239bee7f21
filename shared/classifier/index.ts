/** The station's classifier: pure functions, no I/O; the caller reads and writes model files. */
export { normalizar, tokens, raiz, MARCADORES } from './normalizar';
export { RASGOS_POR_DEFECTO, Vectorizador, hashTexto, calcularIdf, ponderar, type Crudo, type OpcionesRasgos, type Vector } from './rasgos';
export { entrenar, predecir, sugerir, OPCIONES_POR_DEFECTO, FORMATO_MODELO, VERSION_MODELO, type Ejemplo, type Modelo, type OpcionesEntrenamiento, type Prediccion } from './modelo';
export { explicar, APORTE_MINIMO, type Explicacion } from './explicar';
export { evaluar, metricas, validacionCruzada, type Metricas, type MetricasClase, type ResultadoValidacion } from './evaluacion';
export { pliegues, generador } from './azar';
