/** GS1 check digit over all digits but the last: weights 3,1,3,… from the right. */
export function gs1CheckDigit(body: string): number {
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    const digit = body.charCodeAt(body.length - 1 - i) - 48;
    sum += digit * (i % 2 === 0 ? 3 : 1);
  }
  return (10 - (sum % 10)) % 10;
}

/** EAN-13, EAN-8, UPC-A (12) and GTIN-14 with a correct check digit. */
export function isValidGtin(code: string): boolean {
  if (!/^(\d{8}|\d{12,14})$/.test(code)) return false;
  return gs1CheckDigit(code.slice(0, -1)) === Number(code.at(-1));
}

/** The largest value a label's five digits print: 99,999 minor units, or grams. */
export const SCALE_LABEL_MAX = 99_999;

/** EAN-8, UPC-A and EAN-13: all digits, the last a check digit a mistyped code rarely passes. */
const checkedLengths = new Set([8, 12, 13]);

/** The check digit an all-digit EAN-8, UPC-A or EAN-13 code should end in; null for other codes. */
export function barcodeCheckDigit(code: string): number | null {
  if (!/^\d+$/.test(code) || !checkedLengths.has(code.length)) return null;
  return gs1CheckDigit(code.slice(0, -1));
}

/** A product barcode: other codes (in-house, Code 128) pass; an EAN/UPC must carry its right check digit. */
export function hasRightCheckDigit(code: string): boolean {
  const digit = barcodeCheckDigit(code);
  return digit === null || digit === Number(code.at(-1));
}

/** What a store's scales print into the 5 value digits of a 2x label. */
export type ScaleLabelValue = 'price' | 'weight';

export type ScaleLabel =
  | { plu: string; kind: 'price'; amount: number }
  | { plu: string; kind: 'weight'; grams: number };

/**
 * Reads an in-store scale label: EAN-13 `2F IIIII VVVVV C` — prefix 2 and a flag digit, a 5-digit
 * PLU, 5 digits of price (minor units) or weight (grams), check digit. Null when the code is not
 * one (wrong prefix, length or check digit), so it is then looked up as an ordinary barcode.
 */
export function parseScaleLabel(code: string, value: ScaleLabelValue): ScaleLabel | null {
  if (!/^2\d{12}$/.test(code) || !isValidGtin(code)) return null;
  const plu = code.slice(2, 7);
  const digits = Number(code.slice(7, 12));
  if (digits === 0) return null;
  return value === 'price' ? { plu, kind: 'price', amount: digits } : { plu, kind: 'weight', grams: digits };
}
