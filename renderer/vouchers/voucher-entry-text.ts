import { looksLikeVoucher, trimScan } from '../../shared/vouchers/cp1';

/**
 * What the checkout scan field should do with an Enter: check a voucher, or leave the text to the
 * product path. A scanner's burst wins over the field's text, as for products.
 */
export function voucherFromScanField(raw: string, scanned: string | null): string | null {
  const code = scanned ?? raw.trim();
  return code !== '' && looksLikeVoucher(code) ? trimScan(code) : null;
}

/** A voucher being typed or scanned into the field is no search: its text would only list nothing. */
export function searchText(text: string): string {
  return looksLikeVoucher(text) ? '' : text;
}

const voucherIdPattern = /^[0-9a-f]{24}$/;

/**
 * What a person typed or pasted by hand: the whole code (kept as it is, Base45 spaces and all), the
 * 24-character voucher id printed under the QR (spaces and dashes between its groups dropped,
 * read in lower case), or a short group-buy code. Null when there is nothing to check.
 */
export function manualVoucherCode(typed: string): string | null {
  const text = trimScan(typed).trim();
  if (text === '') return null;
  if (looksLikeVoucher(text)) return text;
  const compact = text.replace(/[\s-]+/g, '').toLowerCase();
  if (voucherIdPattern.test(compact)) return compact;
  return /^\d[\d\s-]*$/.test(text) ? compact : text;
}
