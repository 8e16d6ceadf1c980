import { execFileSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type CoreOptions, type CounterCore, openCounterCore } from '../../../electron/core/counter-core';
import { databaseFileName } from '../../../electron/core/db/open-database';
import { writeOrderHistory } from '../../../electron/core/demo/sales-history';
import type { Product } from '../../../shared/contract/catalog';
import { addDays } from '../../../shared/reports/periods';
import type { Role } from '../../../shared/roles';

export type BenchCore = {
  core: CounterCore;
  dataDir: string;
  /** Signs in the demo store's first member with this role and returns the session token. */
  signIn(role: Role): string;
  /** What sits under the numbers: the file system (fsync cost) and the pragmas the core set. */
  environment(): Record<string, string | number>;
  close(): Promise<void>;
};

/** A real core on a real file in a fresh temp folder, holding the demo store. */
export function openDemoCore(options: Pick<CoreOptions, 'sync'> = {}): BenchCore {
  const dataDir = mkdtempSync(join(tmpdir(), 'counter-bench-'));
  const core = openCounterCore({ dataDir, ...options });
  unwrap(core.dispatch({ method: 'store.createDemo', input: { locale: 'en' } }), 'store.createDemo');
  return wrap(core, dataDir);
}

/**
 * A demo store with `orders` of seeded history over `days` (two years unless said) before today,
 * or through today, written fast (synchronous off, then checkpointed) and reopened as a till would
 * open it.
 */
export async function openCoreWithHistory(
  orders: number,
  seed: number,
  options: Pick<CoreOptions, 'reportWorker'> & { days?: number; throughToday?: boolean } = {},
): Promise<{ bench: BenchCore; today: string; generationSeconds: number }> {
  const { days = 730, throughToday = false, ...coreOptions } = options;
  const cached = historyCache(`${orders}-${seed}-${days}-${throughToday}`);
  const reused = cached.copy();
  if (reused) {
    const clock = () => Date.now() - reused.behind;
    return {
      bench: reopenBenchCore(reused.dataDir, { ...coreOptions, clock }),
      today: reused.today,
      generationSeconds: 0,
    };
  }
  const generated = openDemoCore();
  try {
    const db = generated.core.environment.db;
    const today = unwrap<{ store: { businessDay: string } }>(
      generated.core.dispatch({ method: 'app.status', input: {} }),
      'app.status',
    ).store.businessDay;
    const started = performance.now();
    db.pragma('synchronous = OFF');
    // Ten million orders' indexes outgrow SQLite's default page cache many times over; without a
    // cache that holds them, each insert reads its index pages back from the OS again.
    // Each insert's statement journal (triggers may undo it) goes to a temporary file otherwise.
    const cacheSize = db.pragma('cache_size', { simple: true });
    db.pragma(`cache_size = ${-Math.min(4_000_000, Math.max(64_000, orders / 2))}`);
    db.pragma('temp_store = MEMORY');
    const lastDay = throughToday ? today : addDays(today, -1);
    writeOrderHistory(db, { orders, days, lastDay, seed, batchOrders: Math.max(10_000, orders / 40) });
    db.pragma(`cache_size = ${cacheSize}`);
    db.pragma('temp_store = DEFAULT');
    db.pragma('synchronous = FULL');
    db.pragma('wal_checkpoint(TRUNCATE)');
    const generationSeconds = (performance.now() - started) / 1_000;
    await generated.core.close();
    cached.keep(generated.dataDir, { today });
    return { bench: reopenBenchCore(generated.dataDir, coreOptions), today, generationSeconds };
  } catch (error) {
    await generated.close();
    throw error;
  }
}

/**
 * Generated history kept for the next bench of the same size (ten million orders take most of an
 * hour to write): a copy of the closed file. A copy runs on a clock that starts at the moment the
 * history was kept, so its today is the day it was generated through, on any later day: `behind`
 * is how far that clock is behind the real one.
 */
function historyCache(key: string) {
  const folder = join(tmpdir(), 'counter-bench-history', key);
  const metaFile = join(folder, 'meta.json');
  return {
    copy(): { dataDir: string; today: string; behind: number } | null {
      if (!existsSync(metaFile)) return null;
      const meta = JSON.parse(readFileSync(metaFile, 'utf8')) as { today: string };
      const keptAt = Math.floor(statSync(metaFile).mtimeMs);
      const dataDir = mkdtempSync(join(tmpdir(), 'counter-bench-'));
      for (const file of readdirSync(folder))
        if (file !== 'meta.json') copyFileSync(join(folder, file), join(dataDir, file));
      return { dataDir, today: meta.today, behind: Math.max(0, Date.now() - keptAt) };
    },
    keep(dataDir: string, meta: { today: string }): void {
      rmSync(folder, { recursive: true, force: true });
      mkdirSync(folder, { recursive: true });
      for (const file of readdirSync(dataDir)) copyFileSync(join(dataDir, file), join(folder, file));
      writeFileSync(metaFile, JSON.stringify(meta));
    },
  };
}

/** The core again on a folder a bench filled and closed: what a restarted till opens. */
export function reopenBenchCore(dataDir: string, options: Pick<CoreOptions, 'reportWorker' | 'clock'> = {}): BenchCore {
  return wrap(openCounterCore({ dataDir, ...options }), dataDir);
}

function wrap(core: CounterCore, dataDir: string): BenchCore {
  return {
    core,
    dataDir,
    signIn(role) {
      const { staff } = unwrap<{ staff: { id: string; role: Role; demoPin: string | null }[] }>(
        core.dispatch({ method: 'staff.signInOptions', input: {} }),
        'staff.signInOptions',
      );
      const person = staff.find((s) => s.role === role && s.demoPin);
      if (!person) throw new Error(`demo store has no ${role}`);
      return unwrap<{ sessionToken: string }>(
        core.dispatch({ method: 'staff.signIn', input: { staffId: person.id, pin: person.demoPin } }),
        'staff.signIn',
      ).sessionToken;
    },
    environment() {
      const db = core.environment.db;
      const size = (suffix: string) => {
        try {
          return statSync(join(dataDir, databaseFileName + suffix)).size;
        } catch {
          return 0;
        }
      };
      return {
        fileSystem: fileSystemOf(dataDir),
        journalMode: String(db.pragma('journal_mode', { simple: true })),
        synchronous: ['OFF', 'NORMAL', 'FULL', 'EXTRA'][Number(db.pragma('synchronous', { simple: true }))] ?? '?',
        dbMb: +(size('') / 1_048_576).toFixed(1),
        walMb: +(size('-wal') / 1_048_576).toFixed(1),
      };
    },
    async close() {
      await core.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export function unwrap<T>(
  envelope: { ok: true; value: unknown } | { ok: false; error: { code: string; message: string } },
  what: string,
): T {
  if (!envelope.ok) throw new Error(`${what} failed: ${envelope.error.code}: ${envelope.error.message}`);
  return envelope.value as T;
}

/** `ext4`, `tmpfs`, …: on tmpfs an fsync costs nothing and commit figures mean little. */
function fileSystemOf(dir: string): string {
  try {
    return execFileSync('stat', ['-f', '-c', '%T', dir], { encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
}

/** Every product of the store, as the checkout's search pages them. */
export function allProducts(core: CounterCore, sessionToken: string): Product[] {
  const products: Product[] = [];
  for (let offset = 0; ; offset += 200) {
    const page = unwrap<{ items: Product[]; hasMore: boolean }>(
      core.dispatch({ method: 'catalog.searchProducts', input: { limit: 200, offset }, sessionToken }),
      'catalog.searchProducts',
    );
    products.push(...page.items);
    if (!page.hasMore) return products;
  }
}
