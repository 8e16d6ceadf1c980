import { parseArgs } from 'node:util';

export type HostArgs = { dataDir: string; port: number; demo: boolean; staticDir: string | null };

export const hostUsage = 'usage: npm run host -- --data-dir <dir> [--port <n>] [--demo] [--static-dir <dir>]';

export function parseHostArgs(argv: string[]): HostArgs {
  const { values } = parseArgs({
    args: argv,
    options: {
      'data-dir': { type: 'string' },
      port: { type: 'string', default: '5310' },
      demo: { type: 'boolean', default: false },
      'static-dir': { type: 'string' },
    },
    strict: true,
  });
  const port = Number(values.port);
  if (!values['data-dir']) throw new Error(`--data-dir is required\n${hostUsage}`);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new Error(`--port must be 0–65535\n${hostUsage}`);
  return { dataDir: values['data-dir'], port, demo: values.demo ?? false, staticDir: values['static-dir'] ?? null };
}
