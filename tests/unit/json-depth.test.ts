import { describe, expect, it } from 'vitest';
import { nestsDeeperThan } from '../../platform/server/json-body';

const deeper = (text: string, max: number) => nestsDeeperThan(Buffer.from(text), max);
const nested = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;

describe('JSON nesting depth, counted without recursion', () => {
  it('counts arrays and objects alike, up to and past the limit', () => {
    expect(deeper(nested(64), 64)).toBe(false);
    expect(deeper(nested(65), 64)).toBe(true);
    expect(deeper('{"a":{"b":[{"c":[]}]}}', 5)).toBe(false);
    expect(deeper('{"a":{"b":[{"c":[]}]}}', 4)).toBe(true);
    // Depth, not count: many siblings are shallow.
    expect(deeper(`[${'[],'.repeat(10_000)}[]]`, 2)).toBe(false);
  });

  it('ignores brackets inside strings, whatever the escapes around them', () => {
    expect(deeper(JSON.stringify({ text: '[[[[{{{{' }), 1)).toBe(false);
    expect(deeper(JSON.stringify({ text: 'say \\"[[[[\\" \\\\' }), 1)).toBe(false);
    expect(deeper(JSON.stringify(['\\', '[[[[']), 1)).toBe(false);
    expect(deeper(JSON.stringify({ 名称: '【[农夫山泉]】', 'x"[': '"[{' }), 1)).toBe(false);
  });

  it('agrees with what JSON.stringify produced, for values of known depth', () => {
    let value: unknown = 'leaf "[" \\';
    for (let depth = 1; depth <= 80; depth++) {
      value = depth % 2 ? [value, '}]'] : { key: value, '[': ']' };
      const text = JSON.stringify(value);
      expect(deeper(text, depth)).toBe(false);
      expect(deeper(text, depth - 1)).toBe(true);
    }
  });

  it('measures a million levels in constant stack', () => {
    expect(deeper(nested(1_000_000), 64)).toBe(true);
    expect(deeper('['.repeat(1_000_000), 64)).toBe(true);
  });
});
