import { describe, expect, it } from 'vitest';
import { type Keystroke, readScanBurst, scannedCode, wedgeRules } from '../../renderer/hooks/use-wedge-scanner';

/** Keys typed `gap` ms apart from `start`; returns them and when Enter would come `enterGap` later. */
function typed(text: string, gap: number, start = 1_000, enterGap = gap): { strokes: Keystroke[]; enterAt: number } {
  const strokes = [...text].map((key, i) => ({ key, at: start + i * gap }));
  return { strokes, enterAt: (strokes.at(-1)?.at ?? start) + enterGap };
}

describe('telling a keyboard-wedge scanner from a person typing', () => {
  it('reads a fast burst ending in Enter as a scan, even when it looks like a word', () => {
    const barcode = typed('6921168478354', 8);
    expect(readScanBurst(barcode.strokes, barcode.enterAt)).toBe('6921168478354');
    const word = typed('MILK', 5);
    expect(readScanBurst(word.strokes, word.enterAt)).toBe('MILK');
  });

  it('reads slow typing as a person, whatever they typed', () => {
    const digits = typed('6921168478354', 120);
    expect(readScanBurst(digits.strokes, digits.enterAt)).toBeNull();
    const word = typed('milk', 90);
    expect(readScanBurst(word.strokes, word.enterAt)).toBeNull();
  });

  it('puts the limits where the rules say: a gap above the limit ends the burst', () => {
    const atLimit = typed('12345678', wedgeRules.maxGapMs);
    expect(readScanBurst(atLimit.strokes, atLimit.enterAt)).toBe('12345678');
    const above = typed('12345678', wedgeRules.maxGapMs + 1, 1_000, 10);
    expect(readScanBurst(above.strokes, above.enterAt)).toBeNull();
  });

  it('needs Enter right after the burst: a fast burst followed by a pause and Enter is a person', () => {
    const late = typed('6921168478354', 8, 1_000, wedgeRules.maxEnterGapMs + 1);
    expect(readScanBurst(late.strokes, late.enterAt)).toBeNull();
    const onTime = typed('6921168478354', 8, 1_000, wedgeRules.maxEnterGapMs);
    expect(readScanBurst(onTime.strokes, onTime.enterAt)).toBe('6921168478354');
  });

  it('keeps only the trailing burst when someone had typed a few letters before scanning', () => {
    const person = typed('ab', 200);
    const scanner = typed('6921168478354', 6, person.enterAt + 2_000);
    expect(readScanBurst([...person.strokes, ...scanner.strokes], scanner.enterAt)).toBe('6921168478354');
  });

  it('joins a scan the page stalled in the middle of, but not letters typed long before', () => {
    const head = typed('69', 8);
    const tail = typed('21168478354', 8, head.enterAt + 120);
    expect(readScanBurst([...head.strokes, ...tail.strokes], tail.enterAt)).toBe('6921168478354');
    const rest = typed('1168478354', 8, 1_300);
    const stalledTwice = [...typed('6', 8, 1_000).strokes, ...typed('92', 8, 1_150).strokes, ...rest.strokes];
    expect(readScanBurst(stalledTwice, rest.enterAt)).toBe('6921168478354');
    const longAgo = typed('ab', 8, tail.strokes[0].at - wedgeRules.maxStallMs - 20);
    expect(readScanBurst([...longAgo.strokes, ...tail.strokes], tail.enterAt)).toBe('21168478354');
  });

  it('ignores a quick double tap: too short to be a code', () => {
    const tap = typed('12', 10);
    expect(readScanBurst(tap.strokes, tap.enterAt)).toBeNull();
    expect(readScanBurst([], 1_000)).toBeNull();
  });

  it('does not trust clocks that run backwards', () => {
    const strokes = [
      { key: '1', at: 1_000 },
      { key: '2', at: 990 },
      { key: '3', at: 995 },
      { key: '4', at: 1_000 },
    ];
    expect(readScanBurst(strokes, 1_005)).toBeNull();
    expect(readScanBurst(typed('12345', 5).strokes, 0)).toBeNull();
  });

  it('honours rules handed in, for slower scanners', () => {
    const slow = typed('6921168478354', 60);
    expect(readScanBurst(slow.strokes, slow.enterAt)).toBeNull();
    const rules = { ...wedgeRules, maxGapMs: 70, maxEnterGapMs: 80 };
    expect(readScanBurst(slow.strokes, slow.enterAt, rules)).toBe('6921168478354');
  });
});

describe('the code a scan left in the field, when a busy CPU bunched its keys', () => {
  const code = '6921168478354';

  it('keeps a whole scanned barcode as the burst read it', () => {
    expect(scannedCode(`ab${code}`, code)).toBe(code);
  });

  it('takes the whole barcode from the field when a stall cut the burst to its tail', () => {
    const head = typed('6921', 8);
    const tail = typed('168478354', 8, head.enterAt + wedgeRules.maxStallMs + 300);
    const burst = readScanBurst([...head.strokes, ...tail.strokes], tail.enterAt);
    expect(burst).toBe('168478354');
    expect(scannedCode(code, burst)).toBe(code);
    // Letters typed before it are still left out.
    expect(scannedCode(`milk ${code}`, burst)).toBe(code);
    expect(scannedCode(`12${code}`, burst)).toBe(code);
  });

  it('takes a whole member or voucher code from the field when a busy page cut off its first keys', () => {
    const member = 'MC1:6BF%AN-/EW8GX+H3$MOE8B0E5T3J2';
    const voucher = 'CP1:NCFOXN%TSMAHN-H7/E/9SCD4PJR';
    // The first key came too long before the rest: the burst is the code without it.
    expect(scannedCode(member, member.slice(1))).toBe(member);
    expect(scannedCode(`milk ${voucher}`, voucher.slice(3))).toBe(voucher);
    // Enter came late, so no burst at all: still nobody types that by hand.
    expect(scannedCode(member, null)).toBe(member);
    // A burst that is not the field's code's tail stands as read.
    expect(scannedCode(member, 'ABC123')).toBe('ABC123');
    expect(scannedCode('milk', 'milk')).toBe('milk');
  });

  it('reads a barcode typed slowly with a late Enter as that barcode', () => {
    const slow = typed(code, 120, 1_000, 600);
    const burst = readScanBurst(slow.strokes, slow.enterAt);
    expect(burst).toBeNull();
    expect(scannedCode(code, burst)).toBe(code);
    expect(scannedCode('96385272', null)).toBe('96385272');
  });

  it('leaves what is not a valid barcode as the timing read it', () => {
    expect(scannedCode('milk', null)).toBeNull();
    expect(scannedCode('6921168478355', null)).toBeNull();
    expect(scannedCode('DRK-0001', 'DRK-0001')).toBe('DRK-0001');
    // The burst is the end of what was typed: a valid code elsewhere in the field does not replace it.
    expect(scannedCode(`${code}9999`, '9999')).toBe('9999');
  });
});
