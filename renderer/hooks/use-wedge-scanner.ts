import { type KeyboardEvent, type RefObject, useCallback, useEffect, useMemo, useRef } from 'react';
import { isValidGtin } from '../../shared/barcodes';
import { MC1_PREFIX } from '../../shared/members/member-code';
import { CP1_PREFIX } from '../../shared/vouchers/cp1';
import { isEditableFocused, isOverlayOpen } from './overlay-open';

export type Keystroke = { key: string; at: number };

export type WedgeRules = {
  /** A scanner types faster than anyone: keys closer together than this belong to one burst. */
  maxGapMs: number;
  /** Enter may trail the last character a little longer (some scanners pause before the suffix). */
  maxEnterGapMs: number;
  /** Fewer characters than this is a person's quick double tap, not a code. */
  minLength: number;
  /**
   * The page may stall for a moment in the middle of a scan (a redraw, garbage collection), so
   * keys arrive late: up to `maxStalls` pauses this short still join the characters before them.
   */
  maxStallMs: number;
  maxStalls: number;
};

export const wedgeRules: WedgeRules = { maxGapMs: 35, maxEnterGapMs: 50, minLength: 4, maxStallMs: 400, maxStalls: 2 };

/**
 * Decides whether the keys that ended with Enter came from a keyboard-wedge scanner: a trailing run
 * of characters each within `maxGapMs` of the one before, at least `minLength` long, with Enter
 * right after it. Returns the scanned code, or null when a person typed. Letters typed well before
 * the scan are left out, so a code scanned after a few typed letters is read as the code alone.
 */
export function readScanBurst(strokes: readonly Keystroke[], enterAt: number, rules: WedgeRules = wedgeRules) {
  const last = strokes.at(-1);
  if (!last || enterAt - last.at > rules.maxEnterGapMs || enterAt < last.at) return null;
  const gapBefore = (index: number) => strokes[index].at - strokes[index - 1].at;
  let start = strokes.length - 1;
  while (start > 0 && gapBefore(start) >= 0 && gapBefore(start) <= rules.maxGapMs) start--;
  if (strokes.length - start < rules.minLength) return null;
  let stalls = 0;
  while (start > 0) {
    const gap = gapBefore(start);
    if (gap < 0) break;
    if (gap > rules.maxGapMs) {
      if (gap > rules.maxStallMs || stalls === rules.maxStalls) break;
      stalls++;
    }
    start--;
  }
  return strokes
    .slice(start)
    .map((stroke) => stroke.key)
    .join('');
}

const signedPrefixes = [MC1_PREFIX, CP1_PREFIX];

/** The text from the last signed-code prefix on, if the field holds one. */
function signedCodeAtEnd(text: string): string | null {
  const upper = text.toUpperCase();
  const at = Math.max(...signedPrefixes.map((prefix) => upper.lastIndexOf(prefix)));
  return at < 0 ? null : text.slice(at);
}

/** GTIN lengths, longest first: the longest valid code at the end of the field is the scan. */
const gtinLengths = [14, 13, 12, 8];

/**
 * The code a scan left at the end of the field, deciding by what the field holds, not only by when
 * the keys came. On a busy CPU the keys of one scan reach the page in clumps whatever the scanner
 * did, so the timed burst can be a code's tail (or nothing at all when Enter came late); every key
 * still reached the field. A product barcode carries its own check digit: the longest valid GTIN at
 * the end of the field that ends with the burst is the scan, and letters typed before it are left
 * out. A signed code (a member's `MC1:`, a voucher's `CP1:`) starts with its kind's prefix: the
 * field's text from the last prefix on is the scan when it ends with the burst, or when no burst
 * was read at all, since nobody types a hundred characters of Base45 by hand. Otherwise the burst
 * stands as read (null: a person typed).
 */
export function scannedCode(fieldText: string, burst: string | null): string | null {
  if (burst !== null && isValidGtin(burst)) return burst;
  const signed = signedCodeAtEnd(fieldText.trim());
  if (signed !== null && (burst === null || signed.endsWith(burst))) return signed;
  const digits = /\d*$/.exec(fieldText.trim())?.[0] ?? '';
  for (const length of gtinLengths) {
    if (length > digits.length || (burst !== null && length < burst.length)) continue;
    const candidate = digits.slice(-length);
    if (isValidGtin(candidate) && (burst === null || candidate.endsWith(burst))) return candidate;
  }
  return burst;
}

/**
 * Keeps only what a decision needs. A product code is a few dozen characters at most, but a voucher
 * is about 170 (its decimal form about 320), and cutting one short would only make it "damaged".
 */
const keepStrokes = 640;

/**
 * Watches the keys meant for the scan field and answers, on Enter, with the code when a scanner
 * typed it, else null (a person typed a search). Keys are read for the whole page, not the field
 * alone: after a dialog closes the first key of a scan lands on the page and only then moves focus
 * to the field (see use-keep-focus), and that key belongs to the code too.
 */
export function useWedgeScanner(fieldRef: RefObject<HTMLInputElement | null>, rules: WedgeRules = wedgeRules) {
  const strokes = useRef<Keystroke[]>([]);

  useEffect(() => {
    const onKeyDown = (event: globalThis.KeyboardEvent) => {
      const field = fieldRef.current;
      if (!field) return;
      const forField = document.activeElement === field || (!isOverlayOpen() && !isEditableFocused());
      if (!forField || event.key === 'Backspace' || event.key === 'Delete') {
        strokes.current = [];
        return;
      }
      if (event.key.length !== 1 || event.ctrlKey || event.metaKey || event.altKey) return;
      const list = strokes.current;
      list.push({ key: event.key, at: event.timeStamp });
      if (list.length > keepStrokes) list.splice(0, list.length - keepStrokes);
    };
    document.addEventListener('keydown', onKeyDown, true);
    return () => document.removeEventListener('keydown', onKeyDown, true);
  }, [fieldRef]);

  /** The scanned code at this Enter, or null; `fieldText` (what the field holds) corrects a burst a stall cut. */
  const take = useCallback(
    (event: KeyboardEvent<HTMLElement>, fieldText?: string) => {
      const burst = readScanBurst(strokes.current, event.timeStamp, rules);
      strokes.current = [];
      return fieldText === undefined ? burst : scannedCode(fieldText, burst);
    },
    [rules],
  );

  const reset = useCallback(() => {
    strokes.current = [];
  }, []);

  return useMemo(() => ({ take, reset }), [take, reset]);
}
