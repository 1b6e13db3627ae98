/**
 * How a Word document's embedded images are named in the body until the
 * library has copied them into media/. Kept apart from the parser so that
 * main can recognise them without loading mammoth and jszip.
 */
export const DOCX_IMAGE_PREFIX = 'copydesk-docx-image/'
