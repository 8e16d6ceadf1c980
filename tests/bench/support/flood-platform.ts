import { createInterface } from 'node:readline';
import { startPlatform } from '../../../platform/server/start-platform';

/**
 * The platform for the body-flood benchmark, in its own process (run with --expose-gc): prints one
 * JSON line with its URL, then answers each `gc` line on stdin with `rss <bytes>` after a full
 * collection, so the benchmark compares memory the platform holds, not garbage not yet collected
 * (PGlite's start-up leaves hundreds of MB of it). Ends when stdin closes.
 *
 * Usage: node --expose-gc --import tsx tests/bench/support/flood-platform.ts <data dir>
 */
async function main(): Promise<void> {
  const dataDir = process.argv[2];
  const collect = (globalThis as { gc?: () => void }).gc;
  if (!dataDir || !collect) throw new Error('usage: node --expose-gc --import tsx flood-platform.ts <data dir>');
  const platform = await startPlatform({ dataDir, port: 0 });
  process.stdout.write(`${JSON.stringify({ url: platform.url })}\n`);
  const lines = createInterface({ input: process.stdin });
  lines.on('line', (line) => {
    if (line !== 'gc') return;
    collect();
    collect();
    process.stdout.write(`rss ${process.memoryUsage().rss}\n`);
  });
  lines.on('close', () => void platform.close().finally(() => process.exit(0)));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
