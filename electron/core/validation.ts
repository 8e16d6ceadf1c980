import type { z } from 'zod';
import { AppError } from '../../shared/errors';
import { describeRefusal, type Words } from '../../shared/field-messages';
import type { Locale } from '../../shared/locale';

/** A refusal names at most this many fields: the first ones are what the user fixes first. */
const shownIssues = 3;

/**
 * Parses, or refuses with `invalid_input` whose message names each field in the caller's words and
 * language ("Price must be ¥0.00 or more"). `currency` is asked only on a refusal, for amounts.
 */
export function parseInput<S extends z.ZodType>(
  schema: S,
  input: unknown,
  locale: Locale,
  currency: () => string = () => 'CNY',
): z.output<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  throw invalidInput(schema, input, { locale, currency: currency() });
}

function invalidInput(schema: z.ZodType, input: unknown, words: Words): AppError {
  const issues = describeRefusal(schema, input, words);
  const separator = words.locale === 'en' ? '. ' : '；';
  const detail = [...new Set(issues.map((issue) => issue.message))].slice(0, shownIssues).join(separator);
  return new AppError('invalid_input', { detail }, { issues });
}
