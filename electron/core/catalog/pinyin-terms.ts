import { createRequire } from 'node:module';

/**
 * Cashiers find 牛角包 by typing "njb" or "niujiaobao", from any character on ("jb", "jiaobao"),
 * and a query is a prefix ("nj", "niujiao"). So for every character of the name this indexes one
 * token running from it to the end (capped): its full pinyin joined, and its initials joined. A prefix
 * query on such a token is a substring of the name's pinyin, answered from the FTS index. Each
 * syllable is a token too, for "niu jiao" typed with spaces.
 */
const maxSyllables = 32;
const maxWindow = 10;
/** Reading variants per name: the word's own reading, then one changed character each. */
const maxVariants = 12;
const syllable = /^[a-z]+$/;
const hanGlobal = /\p{Script=Han}/gu;

export function pinyinTerms(nameZh: string): string {
  const chars = (nameZh.normalize('NFKC').match(hanGlobal) ?? []).slice(0, maxSyllables);
  const readings = characterReadings(chars).filter((options) => options.length > 0);
  if (readings.length === 0) return '';
  const tokens = new Set<string>();
  for (const variant of readingVariants(readings)) addTokens(tokens, variant);
  return [...tokens].join(' ');
}

/**
 * Each character's readings: the one pinyin-pro gives in context first (银行 hang, 行李 xing), then
 * the first two of its list (the common ones), so a cashier who reads 长 or 行 the other way still
 * finds it. ü is indexed as "v", as pinyin keyboards type it, and as "u".
 */
function characterReadings(chars: string[]): string[][] {
  const inContext = syllables(chars.join(''), { multiple: false });
  const aligned = inContext.length === chars.length;
  return chars.map((char, i) => {
    const first = aligned ? [inContext[i]] : [];
    const all = [...first, ...commonReadings(char)].flatMap((r) => (r.includes('v') ? [r, r.replace(/v/g, 'u')] : [r]));
    return [...new Set(all.filter((r) => syllable.test(r)))];
  });
}

const readingCache = new Map<string, string[]>();

function commonReadings(char: string): string[] {
  let readings = readingCache.get(char);
  if (!readings) {
    readings = syllables(char, { multiple: true }).slice(0, 2);
    readingCache.set(char, readings);
  }
  return readings;
}

function readingVariants(readings: string[][]): string[][] {
  const base = readings.map((options) => options[0]);
  const variants = [base];
  readings.forEach((options, i) => {
    for (const other of options.slice(1)) {
      if (variants.length === maxVariants) return;
      variants.push(base.map((reading, j) => (j === i ? other : reading)));
    }
  });
  return variants;
}

function addTokens(tokens: Set<string>, reading: string[]): void {
  reading.forEach((first, start) => {
    tokens.add(first);
    const window = reading.slice(start, start + maxWindow);
    if (window.length < 2) return;
    tokens.add(window.join(''));
    tokens.add(window.map((s) => s[0]).join(''));
  });
}

/**
 * Loaded on the first product saved, not at start: reading pinyin-pro's dictionary costs about
 * 0.2 s of CPU, and searching never needs it (queries are matched as typed).
 */
let library: typeof import('pinyin-pro') | undefined;

/** Toneless syllables, ü written v: each character's reading in context, or one character's readings. */
function syllables(text: string, options: { multiple: boolean }): string[] {
  library ??= createRequire(import.meta.url)('pinyin-pro') as typeof import('pinyin-pro');
  return library.pinyin(text, { toneType: 'none', type: 'array', v: true, ...options });
}
