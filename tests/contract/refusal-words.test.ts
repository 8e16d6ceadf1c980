import { beforeAll, describe, expect, it } from 'vitest';
import { contract, type MethodName, methodNames } from '../../shared/contract';
import { fieldLabels } from '../../shared/field-labels';
import type { Locale } from '../../shared/locale';
import { type Harness, openHarness } from '../support/callers';
import { createDemo } from '../support/demo-session';
import { fieldNames, invalidInputs } from './invalid-input';

/** What must never reach a person: the validator's words, a field path, a key nobody translated. */
const leaks: [string, RegExp][] = [
  ['a field path', /\b[A-Za-z_]\w*(\.\w+)+/],
  ['a field key with a colon', /(^|[\s;；])[A-Za-z_]\w*:(\s|$)/],
  ['a camelCase field name', /\b[a-z]+[A-Z]\w*\b/],
  ['a schema word', /expected|Too big|Too small|Invalid|\b(string|number|int|boolean|undefined|NaN)\b/],
  ['a zod phrase in Chinese', /期望|数值过小|数值过大|字符串|无效输入|无效选项/],
  ['an untranslated key', /msg:|\{\w+\}/],
];

/** The receipt link's own placeholders are what the owner types, so they stay as written. */
const typedPlaceholders = /\{(number|id)\}/g;

function leaksIn(message: string): string[] {
  const text = message.replace(typedPlaceholders, '');
  return leaks.filter(([, pattern]) => pattern.test(text)).map(([what]) => `${what} in "${message}"`);
}

type Refusal = { code: string; message: string; details?: { issues?: { message: string }[] } };

describe('every refusal of bad input is in the reader’s words', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await openHarness('in-process');
    await createDemo(h.call);
  });

  it('labels every input field of every method in both languages', () => {
    const unlabelled = methodNames.flatMap((name) =>
      [...fieldNames(contract[name].input)].filter((field) => !fieldLabels[field]).map((f) => `${name}: ${f}`),
    );
    expect(unlabelled).toEqual([]);
  });

  it.each<Locale>(['en', 'zh-CN'])('walks every method with generated invalid inputs (%s)', async (locale) => {
    const problems: string[] = [];
    const refusedSomething = new Set<MethodName>();
    let refusals = 0;
    for (const name of methodNames) {
      for (const input of invalidInputs(contract[name].input)) {
        // No session: a call the validator lets through stops at sign-in and changes nothing.
        const result = await h.call({ method: name, input, locale });
        if (result.ok) continue;
        const error = result.error as Refusal;
        const messages = [error.message, ...(error.details?.issues ?? []).map((issue) => issue.message)];
        for (const message of messages) problems.push(...leaksIn(message).map((leak) => `${name}: ${leak}`));
        if (error.code === 'invalid_input') {
          refusedSomething.add(name);
          refusals++;
          if (locale === 'zh-CN' && !/\p{Script=Han}/u.test(error.message)) {
            problems.push(`${name}: not in Chinese: "${error.message}"`);
          }
        }
      }
    }
    expect([...new Set(problems)].slice(0, 20)).toEqual([]);
    const withFields = methodNames.filter((name) => fieldNames(contract[name].input).size > 0);
    expect(withFields.filter((name) => !refusedSomething.has(name))).toEqual([]);
    expect(refusals).toBeGreaterThan(1_000);
  });

  it('says which field and what it allows, money as money', async () => {
    const refusal = async (method: MethodName, input: unknown, locale: Locale) => {
      const result = await h.call({ method, input, locale });
      return result.ok ? 'accepted' : result.error.message;
    };
    expect(await refusal('catalog.searchProducts', { query: 'x'.repeat(500) }, 'en')).toBe(
      'The scanned or typed text is too long (at most 200 characters).',
    );
    expect(await refusal('catalog.searchProducts', { query: 'x'.repeat(500) }, 'zh-CN')).toBe(
      '扫码或输入的内容过长（最多 200 个字符）。',
    );
    expect(await refusal('shift.close', { countedCash: -300 }, 'en')).toBe('Counted cash must be ¥0.00 or more.');
    expect(await refusal('shift.close', { countedCash: -300 }, 'zh-CN')).toBe('实点现金不能低于 ¥0.00。');
    expect(await refusal('orders.list', { limit: 1_000 }, 'en')).toBe('The page size must be 200 or less.');
    const cashIn = { id: '01a20826-1249-7646-a0ae-afa67bdf5f2e', amount: 0, reason: 'Change' };
    expect(await refusal('shift.cashIn', cashIn, 'en')).toBe('Amount must be more than ¥0.00.');
    expect(await refusal('shift.cashIn', cashIn, 'zh-CN')).toBe('金额必须大于 ¥0.00。');
  });
});
