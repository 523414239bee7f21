/**
 * Schema v6: no new table; the text of some attachments is read again (issue 5, pdf.js).
 *
 * Before, the OCR queue only saw JPEG and Flate page images. A PDF whose pages were CCITT G4 or
 * JBIG2 (a multifunction printer's black-and-white scan) or that was born digital (a Word export)
 * got no text: 'sin_imagenes', or 'hecho' with the pages it could not see counted in `detalle`
 * (`paginasSinImagen`). Those go back to 'pendiente': the queue now decodes those images with
 * pdf.js and keeps a PDF's own text. The sealed files and their audit entries are not touched.
 */
export const sql = /* sql */ `
UPDATE anexos_texto SET estado = 'pendiente'
WHERE estado = 'sin_imagenes' OR (estado = 'hecho' AND detalle LIKE '%"paginasSinImagen"%');
`;
