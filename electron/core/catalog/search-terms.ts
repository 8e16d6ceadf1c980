import { pinyinTerms } from './pinyin-terms';

/**
 * FTS5's unicode61 tokenizer reads a run of Chinese characters as one word, so "牛奶" would never
 * find "纯牛奶". Spacing every Han character into a token of its own makes a Chinese query a phrase
 * of adjacent tokens: indexed, any length, no table scan.
 */
const han = /\p{Script=Han}/u;
const hanGlobal = /(\p{Script=Han})/gu;

export function indexTerms(...texts: (string | null | undefined)[]): string {
  return texts
    .filter((text): text is string => Boolean(text))
    .map((text) => text.replace(hanGlobal, ' $1 '))
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A product's row in product_search: its names, and the pinyin of its Chinese name. */
export function productTerms(nameZh: string, nameEn: string): { terms: string; pinyin: string } {
  return { terms: indexTerms(nameZh, nameEn), pinyin: pinyinTerms(nameZh) };
}

const maxTerms = 12;

/**
 * Turns whatever was typed or scanned into a safe FTS5 MATCH expression, or null when nothing
 * searchable is left. Only letters and digits survive, each inside double quotes, so quotes, NUL,
 * operators (AND, NEAR, *, ^, :) and column filters in the input are inert text.
 */
export function matchExpression(query: string): string | null {
  const words = query.normalize('NFKC').match(/[\p{L}\p{N}]+/gu) ?? [];
  const terms: string[] = [];
  for (const word of words) {
    for (const part of splitHan(word)) {
      terms.push(han.test(part) ? `"${[...part].join(' ')}"` : `"${part}"*`);
      if (terms.length === maxTerms) return terms.join(' ');
    }
  }
  return terms.length > 0 ? terms.join(' ') : null;
}

/** The same expression held to the names, for ranking name matches above pinyin ones. */
export function namesOnly(match: string): string {
  return `{terms} : (${match})`;
}

/** Pinyin is Latin letters: a query without one (牛奶, 250) can only match names. */
export function mayMatchPinyin(match: string): boolean {
  return /[a-z]/i.test(match);
}

/** "牛奶250ml" → ["牛奶", "250ml"]: Han runs become phrases, the rest prefix terms. */
function splitHan(word: string): string[] {
  return word.match(/\p{Script=Han}+|[^\p{Script=Han}]+/gu) ?? [];
}
