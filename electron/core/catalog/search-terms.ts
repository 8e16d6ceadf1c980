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

const maxTerms = 12;

/**
 * Turns whatever was typed or scanned into a safe FTS5 MATCH expression, or null when nothing
 * searchable is left. Only letters and digits survive, each inside double quotes, so quotes, NUL,
 * operators (AND, NEAR, *, ^, :) and column filters in the input are inert text.
 */
export function matchExpression(query: string): string | null {
  const parts = queryParts(query);
  return parts.length > 0 ? parts.map(term).join(' ') : null;
}

/**
 * The same query for the pinyin index (product_pinyin): words of Latin letters only ("njb", "niu")
 * are looked up there, the rest in the names, so "牛jb" and "niunai 250ml" find what they mean.
 * Null when no word could be pinyin.
 */
export function pinyinMatch(query: string): { pinyin: string; names: string | null } | null {
  const parts = queryParts(query);
  const latin = parts.filter((part) => pinyinLetters.test(part));
  if (latin.length === 0) return null;
  const rest = parts.filter((part) => !pinyinLetters.test(part));
  return { pinyin: latin.map(term).join(' '), names: rest.length > 0 ? rest.map(term).join(' ') : null };
}

const pinyinLetters = /^[a-z]+$/i;

/** Han runs become phrases, the rest prefix terms. */
function term(part: string): string {
  return han.test(part) ? `"${[...part].join(' ')}"` : `"${part}"*`;
}

function queryParts(query: string): string[] {
  const words = query.normalize('NFKC').match(/[\p{L}\p{N}]+/gu) ?? [];
  return words.flatMap(splitHan).slice(0, maxTerms);
}

/** "牛奶250ml" → ["牛奶", "250ml"]. */
function splitHan(word: string): string[] {
  return word.match(/\p{Script=Han}+|[^\p{Script=Han}]+/gu) ?? [];
}
