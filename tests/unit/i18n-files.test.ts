import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const folder = join(import.meta.dirname, '../../renderer/i18n');

/** Every key as a path; plural forms count as their base key, as languages pluralise differently. */
function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [prefix];
  return Object.entries(value).flatMap(([key, inner]) => keys(inner, prefix ? `${prefix}.${key}` : key));
}

function load(file: string): Record<string, unknown> {
  return JSON.parse(readFileSync(join(folder, file), 'utf8'));
}

const pairs = readdirSync(folder)
  .filter((file) => file.endsWith('.en.json') || file === 'en.json')
  .map((english) => [english, english.replace(/(^|\.)en\.json$/, '$1zh-CN.json')] as const);

describe('the translation files', () => {
  it.each(pairs)('%s and its Chinese pair hold the same keys', (english, chinese) => {
    const base = (list: string[]) => [...new Set(list.map((key) => key.replace(/_(one|other)$/, '')))].sort();
    expect(base(keys(load(chinese)))).toEqual(base(keys(load(english))));
  });

  it('never defines one top-level area in two files, where the later would silently win', () => {
    const seen = new Map<string, string>();
    for (const [english] of pairs) {
      for (const area of Object.keys(load(english))) {
        expect(seen.get(area), `${area} in ${english}`).toBeUndefined();
        seen.set(area, english);
      }
    }
  });
});
