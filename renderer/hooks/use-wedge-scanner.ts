import { type KeyboardEvent, useCallback, useMemo, useRef } from 'react';

export type Keystroke = { key: string; at: number };

export type WedgeRules = {
  /** A scanner types faster than anyone: keys closer together than this belong to one burst. */
  maxGapMs: number;
  /** Enter may trail the last character a little longer (some scanners pause before the suffix). */
  maxEnterGapMs: number;
  /** Fewer characters than this is a person's quick double tap, not a code. */
  minLength: number;
};

export const wedgeRules: WedgeRules = { maxGapMs: 35, maxEnterGapMs: 50, minLength: 4 };

/**
 * Decides whether the keys that ended with Enter came from a keyboard-wedge scanner: the trailing
 * run of characters each within `maxGapMs` of the one before, at least `minLength` long, with Enter
 * right after it. Returns the scanned code, or null when a person typed. Only the trailing run
 * counts, so a code scanned after a few typed letters is still read as the code alone.
 */
export function readScanBurst(strokes: readonly Keystroke[], enterAt: number, rules: WedgeRules = wedgeRules) {
  const last = strokes.at(-1);
  if (!last || enterAt - last.at > rules.maxEnterGapMs || enterAt < last.at) return null;
  let start = strokes.length - 1;
  while (start > 0) {
    const gap = strokes[start].at - strokes[start - 1].at;
    if (gap < 0 || gap > rules.maxGapMs) break;
    start--;
  }
  const burst = strokes.slice(start);
  if (burst.length < rules.minLength) return null;
  return burst.map((stroke) => stroke.key).join('');
}

/** Keeps only what a decision needs: a scan is at most a few dozen characters. */
const keepStrokes = 128;

/**
 * Watches the keys of the scan field. `record` goes in the field's keydown handler, `take` on
 * Enter: it answers with the code when a scanner typed it, else null (a person typed a search).
 */
export function useWedgeScanner(rules: WedgeRules = wedgeRules) {
  const strokes = useRef<Keystroke[]>([]);

  const record = useCallback((event: KeyboardEvent<HTMLElement>) => {
    if (event.key.length !== 1 || event.ctrlKey || event.metaKey || event.altKey) return;
    const list = strokes.current;
    list.push({ key: event.key, at: event.timeStamp });
    if (list.length > keepStrokes) list.splice(0, list.length - keepStrokes);
  }, []);

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

  return useMemo(() => ({ record, take, reset }), [record, take, reset]);
}
