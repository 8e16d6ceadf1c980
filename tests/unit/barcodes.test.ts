import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { gs1CheckDigit, isValidGtin, parseScaleLabel } from '../../shared/barcodes';

describe('barcodes', () => {
  it('checks GS1 check digits the way the demo catalog’s barcodes were made', () => {
    const csv = readFileSync(new URL('../../resources/demo/catalog.csv', import.meta.url), 'utf8');
    const codes = csv
      .split('\n')
      .slice(1)
      .flatMap((row) => (row.split(',')[1] ?? '').split('|'))
      .filter(Boolean);
    expect(codes.length).toBeGreaterThan(200);
    for (const code of codes) expect([code, isValidGtin(code)]).toEqual([code, true]);
    expect(isValidGtin('6921168478355')).toBe(false);
    expect(isValidGtin('036000291452')).toBe(true);
    expect(isValidGtin('96385074')).toBe(true);
    expect(isValidGtin('69211684783a4')).toBe(false);
  });

  it('reads a scale label with the price or the weight in it', () => {
    const body = '201000101580';
    const label = `${body}${gs1CheckDigit(body)}`;
    expect(parseScaleLabel(label, 'price')).toEqual({ plu: '10001', kind: 'price', amount: 1580 });
    expect(parseScaleLabel(label, 'weight')).toEqual({ plu: '10001', kind: 'weight', grams: 1580 });
  });

  it('leaves alone what is not a scale label', () => {
    expect(parseScaleLabel('6921168478354', 'price')).toBeNull();
    expect(parseScaleLabel('2010001015801', 'price')).toBeNull();
    const zero = '201000100000';
    expect(parseScaleLabel(`${zero}${gs1CheckDigit(zero)}`, 'price')).toBeNull();
    expect(parseScaleLabel('20100010158', 'price')).toBeNull();
  });
});
