import { describe, expect, it } from 'vitest';
import {
  actionText,
  type ErrorCode,
  errorCodes,
  errorMessage,
  messagePlaceholders,
  roleText,
} from '../../shared/errors';
import type { Locale } from '../../shared/locale';
import { Permission } from '../../shared/roles';

const locales: Locale[] = ['en', 'zh-CN'];
// Owned by the approvals work, which rewrites them with the grant and lock-out rules.
const elsewhere = new Set<ErrorCode>(['approval_invalid', 'wrong_pin', 'locked_out']);

describe('messages built from parts', () => {
  it('say who may not do what, in a sentence that reads right', () => {
    const params = { role: roleText('cashier'), action: actionText('discount.override') };
    expect(errorMessage('forbidden', params, 'en')).toBe('A cashier may not give a large manual discount.');
    expect(errorMessage('forbidden', params, 'zh-CN')).toBe('收银员无权给予大额手工折扣。');
    expect(errorMessage('approval_required', params, 'en')).toBe('A manager must approve a large manual discount.');
    expect(errorMessage('approval_required', params, 'zh-CN')).toBe('大额手工折扣需要店长授权。');
  });

  it('a noun form for every action, so "approve …" never takes a verb', () => {
    for (const permission of Permission.options) {
      const phrase = actionText(permission);
      const noun = phrase.forms?.noun;
      expect(noun, permission).toBeDefined();
      if (!noun) continue;
      // "approve give…", "approve take…": a noun phrase never starts with a bare verb.
      expect(noun.en, permission).toMatch(/^(a |an |changes |[a-z]+ing )/);
      expect(noun.en).not.toBe(phrase.en);
      for (const locale of locales) expect(noun[locale].trim().length, `${permission} ${locale}`).toBeGreaterThan(0);
    }
  });

  it('every action fills every message that names an action, leaving no placeholder behind', () => {
    const withAction = errorCodes.filter(
      (code) => !elsewhere.has(code) && messagePlaceholders(code).some((p) => p.key === 'action'),
    );
    expect(withAction).toEqual(expect.arrayContaining(['forbidden', 'approval_required']));
    for (const code of withAction) {
      for (const permission of Permission.options) {
        for (const locale of locales) {
          const text = errorMessage(code, { role: roleText('manager'), action: actionText(permission) }, locale);
          expect(text, `${code} ${permission} ${locale}`).not.toMatch(/[{}]/);
          if (locale === 'en') expect(text).toMatch(/^[A-Z]/);
        }
      }
    }
  });

  it('every form a message asks for is one the phrases have', () => {
    const forms = new Set(Permission.options.flatMap((p) => Object.keys(actionText(p).forms ?? {})));
    for (const code of errorCodes) {
      for (const { key, form } of messagePlaceholders(code)) {
        if (form !== null && key === 'action') expect(forms.has(form), `${code} {${key}:${form}}`).toBe(true);
      }
    }
  });
});
