/** A seeded generator, so a failing fuzz case can be replayed from its seed. */
export function seededRandom(seed: number) {
  let state = seed >>> 0 || 1;
  const next = () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 0x1_0000_0000;
  };
  const int = (max: number) => Math.floor(next() * max);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)];
  return { next, int, pick };
}

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
