import { describe, expect, it } from 'vitest';
import { auditActionText, hasAuditWords, internalAuditActions } from '../../shared/audit/audit-words';
import { contract } from '../../shared/contract';
import { PullStream } from '../../shared/sync/wire';

const han = /\p{Script=Han}/u;

describe('words for every action in the audit log', () => {
  const methods = Object.keys(contract);
  const internal: string[] = [...internalAuditActions];

  it('names every contract method and every action the core writes by itself', () => {
    expect(methods.length).toBeGreaterThan(50);
    for (const stream of PullStream.options) expect(internal).toContain(`sync.pull.${stream}`);
    expect(internal).toEqual(expect.arrayContaining(['staff.pinRefused', 'sync.paired', 'voucher.confirmed']));
    for (const action of [...methods, ...internal]) expect(hasAuditWords(action), action).toBe(true);
  });

  it('in both languages, in words rather than the program name', () => {
    for (const action of [...methods, ...internal]) {
      const words = auditActionText(action);
      expect(words.en, action).not.toBe(action);
      expect(words.en, action).toMatch(/^[A-Z][^.]*[A-Za-z)]$/);
      expect(words.en, action).not.toMatch(/[._]|[a-z][A-Z]/);
      expect(words['zh-CN'], action).toMatch(han);
      expect(words['zh-CN'], action).not.toMatch(/[._]|[a-z][A-Z]/);
    }
  });

  it('each action reads differently from the others', () => {
    const all = [...methods, ...internal];
    for (const locale of ['en', 'zh-CN'] as const) {
      const texts = all.map((action) => auditActionText(action)[locale]);
      const repeated = texts.filter((text, i) => texts.indexOf(text) !== i);
      expect(repeated, locale).toEqual([]);
    }
  });

  it('shows an action it does not know (from another build) as it was written', () => {
    expect(auditActionText('some.futureAction')).toEqual({ en: 'some.futureAction', 'zh-CN': 'some.futureAction' });
  });
});
