import { looksLikeMemberCode } from '../../shared/members/member-code';
import { CP1_PREFIX, looksLikeVoucher, trimScan } from '../../shared/vouchers/cp1';

/**
 * The voucher in what the checkout scan field holds at Enter, or null when it is a product code or
 * a search. The field's own text is trusted over the scanner's burst: a CPU stall in the middle of
 * a 170-character scan can make the burst start late, but every key still reached the field. A
 * `CP1:` anywhere in it starts the voucher (letters typed before the scan are left out).
 */
export function voucherFromScanField(raw: string, scanned: string | null): string | null {
  const text = trimScan(raw);
  const at = text.toUpperCase().lastIndexOf(CP1_PREFIX);
  if (at >= 0) return tidyVoucherText(text.slice(at));
  if (scanned !== null && looksLikeVoucher(scanned)) return tidyVoucherText(scanned);
  const whole = text.trim();
  return whole !== '' && looksLikeVoucher(whole) ? whole : null;
}

/**
 * Spaces are Base45 digits, but never the last one (a last group's final digit is at most 32), so
 * spaces around a code are strays from a paste or a scanner's suffix and go.
 */
export function tidyVoucherText(text: string): string {
  return trimScan(text).trim();
}

/**
 * A voucher or a member code being typed or scanned into the field is no search: its text would
 * only list nothing, and searching each half-typed 160-character code kept a busy page busier.
 */
export function searchText(text: string): string {
  return looksLikeVoucher(text) || looksLikeMemberCode(text) ? '' : text;
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
