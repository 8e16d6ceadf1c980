import { type KeyboardEvent, type RefObject, useCallback, useEffect, useMemo, useRef } from 'react';
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

  const take = useCallback(
    (event: KeyboardEvent<HTMLElement>) => {
      const code = readScanBurst(strokes.current, event.timeStamp, rules);
      strokes.current = [];
      return code;
    },
    [rules],
  );

  const reset = useCallback(() => {
    strokes.current = [];
  }, []);

  return useMemo(() => ({ take, reset }), [take, reset]);
}
