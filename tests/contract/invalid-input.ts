import type { z } from 'zod';

type Def = {
  type: string;
  shape?: Record<string, z.core.$ZodType>;
  element?: z.core.$ZodType;
  innerType?: z.core.$ZodType;
  in?: z.core.$ZodType;
  options?: z.core.$ZodType[];
  entries?: Record<string, string>;
  values?: unknown[];
  valueType?: z.core.$ZodType;
  checks?: { _zod: { def: { check: string; value?: number; maximum?: number; minimum?: number } } }[];
};

const defOf = (schema: z.core.$ZodType) => schema._zod.def as unknown as Def;
const maxDepth = 12;

/** Bounds the schema's own checks set, for values just past them. */
function bounds(def: Def): { min?: number; max?: number } {
  const found: { min?: number; max?: number } = {};
  for (const check of def.checks ?? []) {
    const { check: kind, value, maximum, minimum } = check._zod.def;
    if (kind === 'greater_than') found.min = value;
    if (kind === 'less_than') found.max = value;
    if (kind === 'min_length') found.min = minimum;
    if (kind === 'max_length') found.max = maximum;
  }
  return found;
}

/** A value shaped like the schema wants (not necessarily valid), so a bad one can sit deep inside it. */
export function sample(schema: z.core.$ZodType, depth = 0): unknown {
  const def = defOf(schema);
  if (depth > maxDepth) return null;
  switch (def.type) {
    case 'object':
      return Object.fromEntries(Object.entries(def.shape ?? {}).map(([key, value]) => [key, sample(value, depth + 1)]));
    case 'array':
      return [];
    case 'string':
      return 'x'.repeat(Math.max(1, bounds(def).min ?? 1));
    case 'number':
      return bounds(def).min ?? 1;
    case 'boolean':
      return false;
    case 'enum':
      return Object.values(def.entries ?? {})[0];
    case 'literal':
      return def.values?.[0];
    case 'union':
      return def.options?.[0] ? sample(def.options[0], depth + 1) : null;
    case 'pipe':
      return def.in ? sample(def.in, depth + 1) : null;
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'catch':
    case 'nonoptional':
      return def.innerType ? sample(def.innerType, depth + 1) : null;
    default:
      return 'x';
  }
}

/**
 * Inputs that are wrong in one place each, for every place of the schema: wrong types, strings past
 * their length, numbers negative, huge or fractional, empty objects, bad items inside lists. Walks
 * the zod definitions, so a new method or field is covered without touching the test.
 */
export function invalidInputs(schema: z.core.$ZodType, depth = 0): unknown[] {
  const def = defOf(schema);
  if (depth > maxDepth) return [];
  const { min, max } = bounds(def);
  switch (def.type) {
    case 'object': {
      const base = sample(schema, depth) as Record<string, unknown>;
      const inside = Object.entries(def.shape ?? {}).flatMap(([key, field]) =>
        invalidInputs(field, depth + 1).map((bad) => ({ ...base, [key]: bad })),
      );
      return ['not an object', 42, null, [], {}, ...inside];
    }
    case 'array': {
      const element = def.element as z.core.$ZodType;
      const one = sample(element, depth + 1);
      const tooMany = max === undefined ? [] : [Array.from({ length: max + 1 }, () => one)];
      const items = invalidInputs(element, depth + 1).map((bad) => [one, bad]);
      return ['not a list', { 0: one }, [], ...tooMany, ...items];
    }
    case 'string':
      return [12345, true, '', '   ', 'x'.repeat((max ?? 5_000) + 1), 'a.b.1', '{x}', 'msg:nothing'];
    case 'number':
      return ['12', -1e15, 1e15, 1.5, -1, 0, (min ?? 0) - 1, (max ?? 0) + 1, Number.MAX_SAFE_INTEGER + 2];
    case 'boolean':
      return ['yes', 1];
    case 'enum':
    case 'literal':
      return ['no-such-choice', 7];
    case 'union':
      return ['not a choice', {}, ...(def.options ?? []).flatMap((option) => invalidInputs(option, depth + 1))];
    case 'pipe':
      return def.in ? invalidInputs(def.in, depth + 1) : [];
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'catch':
    case 'nonoptional':
      return def.innerType ? invalidInputs(def.innerType, depth + 1) : [];
    case 'record':
      return [
        'not a map',
        ...(def.valueType ? invalidInputs(def.valueType, depth + 1).map((bad) => ({ k: bad })) : []),
      ];
    default:
      return [12345, 'x'.repeat(5_001)];
  }
}

/** Every object key of a schema, however deep: the names a refusal may have to put in words. */
export function fieldNames(schema: z.core.$ZodType, into = new Set<string>(), depth = 0): Set<string> {
  const def = defOf(schema);
  if (depth > maxDepth) return into;
  for (const [key, field] of Object.entries(def.shape ?? {})) {
    into.add(key);
    fieldNames(field, into, depth + 1);
  }
  for (const inner of [def.element, def.innerType, def.in, def.valueType, ...(def.options ?? [])]) {
    if (inner) fieldNames(inner, into, depth + 1);
  }
  return into;
}
