import { parseArgs } from 'node:util';

export class UsageError extends Error {}

type FlagSpec = Record<string, { type: 'string' | 'boolean'; multiple?: boolean }>;

/** `--json` is known to every command; any other flag must be in `spec`. */
export function readFlags(
  args: string[],
  spec: FlagSpec,
  positionals = 0,
): Record<string, string | boolean | string[] | undefined> & { _: string[] } {
  try {
    const parsed = parseArgs({
      args,
      options: { ...spec, json: { type: 'boolean' } },
      strict: true,
      allowPositionals: true,
    });
    if (parsed.positionals.length > positionals) {
      throw new UsageError(`unexpected argument "${parsed.positionals[positionals]}"`);
    }
    return { ...(parsed.values as Record<string, string | boolean | string[] | undefined>), _: parsed.positionals };
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError((error as Error).message);
  }
}

export function required(values: Record<string, unknown>, name: string): string {
  const value = values[name];
  if (typeof value !== 'string' || value.trim() === '') throw new UsageError(`--${name} is required`);
  return value.trim();
}

export function optional(values: Record<string, unknown>, name: string): string | undefined {
  const value = values[name];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** `DRK-0001:2,SNK-0023:500` → items; quantities are whole (grams for goods sold by weight). */
export function parseItems(text: string): { sku: string; quantity: number }[] {
  return text.split(',').map((part) => {
    const match = /^\s*([^:\s]+)\s*:\s*(\d{1,7})\s*$/.exec(part);
    if (!match || Number(match[2]) < 1) throw new UsageError(`"${part}" is not sku:quantity`);
    return { sku: match[1], quantity: Number(match[2]) };
  });
}
