/** The largest file the page reads and splits; the core takes it in parts of at most 2,000 rows. */
export const maxCsvBytes = 5_000_000;

/**
 * Reads a CSV as text. Excel in China saves CSV as GB18030 (GBK) unless told otherwise, so a file
 * that is not valid UTF-8 is read as GB18030 instead of turning every name into mojibake.
 */
export async function readCsvFile(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}
