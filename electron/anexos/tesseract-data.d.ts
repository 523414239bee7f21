// @tesseract.js-data/spa ships no types: it exports where its traineddata lives.
declare module '@tesseract.js-data/spa' {
  const datos: { code: string; gzip: boolean; langPath: string };
  export = datos;
}
