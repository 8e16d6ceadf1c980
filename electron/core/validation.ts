import { locales, type z } from 'zod';
import { AppError } from '../../shared/errors';
import { localizeFieldMessage } from '../../shared/field-messages';
import type { Locale } from '../../shared/locale';

const zodLocale: Record<Locale, { localeError: z.core.$ZodErrorMap }> = {
  en: locales.en(),
  'zh-CN': locales.zhCN(),
};

/** Parses with messages in the caller's language; a failure is an `invalid_input` naming each field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, locale: Locale): z.output<S> {
  const parsed = schema.safeParse(input, { error: zodLocale[locale].localeError });
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    code: issue.code,
    message: localizeFieldMessage(issue.message, locale),
  }));
  const detail = issues
    .slice(0, 3)
    .map((issue) => (issue.path ? `${issue.path}: ${issue.message}` : issue.message))
    .join('; ');
  throw new AppError('invalid_input', { detail }, { issues });
}
