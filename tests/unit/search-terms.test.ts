import { describe, expect, it } from 'vitest';
import { indexTerms, matchExpression } from '../../electron/core/catalog/search-terms';

describe('search terms', () => {
  it('spaces Han characters so any fragment of a Chinese name is a phrase', () => {
    expect(indexTerms('纯牛奶 250ml', 'Whole Milk')).toBe('纯 牛 奶 250ml Whole Milk');
    expect(matchExpression('牛奶')).toBe('"牛 奶"');
  });

  it('makes Latin words prefixes and keeps mixed input apart', () => {
    expect(matchExpression('coca col')).toBe('"coca"* "col"*');
    expect(matchExpression('牛奶250')).toBe('"牛 奶" "250"*');
  });

  it('drops FTS syntax, quotes and control characters instead of passing them on', () => {
    expect(matchExpression('"milk" OR NEAR(a b)*')).toBe('"milk"* "OR"* "NEAR"* "a"* "b"*');
    expect(matchExpression('\u0000\'";--')).toBeNull();
    expect(matchExpression('terms:cola')).toBe('"terms"* "cola"*');
  });

  it('folds full-width input a scanner or IME may send', () => {
    expect(matchExpression('ｍｉｌｋ６９２')).toBe('"milk692"*');
  });

  it('caps the number of terms', () => {
    expect(matchExpression('a '.repeat(100))?.split(' ')).toHaveLength(12);
  });
});
