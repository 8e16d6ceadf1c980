import { seededRandom } from '../../shared/seeded-random';

export { seededRandom };

const hostilePieces = [
  '"',
  "'",
  '""',
  '\u0000',
  '*',
  '^',
  ':',
  '(',
  ')',
  'NEAR(',
  'AND',
  'OR',
  'NOT',
  '-',
  '+',
  '{',
  '}',
  'terms:',
  'rowid',
  '; DROP TABLE products; --',
  "' OR 1=1 --",
  '\\',
  '%',
  '_',
  '\n',
  '\r',
  '\t',
  '牛奶',
  '可乐',
  'milk',
  '250ml',
  '😀',
  '\u202e',
  '\uFFFF',
  '\uD800',
  'é',
  'ｍｉｌｋ',
  '６９２',
  ' ',
];

/** Strings built from pieces that break naive query builders and parsers. */
export function hostileString(random: ReturnType<typeof seededRandom>, maxPieces = 12): string {
  let text = '';
  const pieces = 1 + random.int(maxPieces);
  for (let i = 0; i < pieces; i++) {
    text += random.next() < 0.7 ? random.pick(hostilePieces) : String.fromCharCode(random.int(0x3000));
  }
  return text;
}
