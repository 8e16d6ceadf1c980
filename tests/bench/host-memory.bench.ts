import { readFileSync } from 'node:fs';
import { startHost } from '../e2e/support/host';
import { type BenchResult, record } from './bench-report';

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return kb / 1024;
}

type Call = (method: string, input: unknown, sessionToken?: string) => Promise<{ ok: boolean; value?: unknown }>;

/**
 * A shift compressed: the host's memory after start, then after a cashier's worth of searches and
 * barcode look-ups over HTTP. Linux only (reads /proc).
 */
export async function benchHostMemory(calls: number): Promise<BenchResult[]> {
  const host = await startHost({ demo: true });
  try {
    const url = new URL(host.url);
    const token = url.searchParams.get('token') ?? '';
    const call: Call = async (method, input, sessionToken) => {
      const response = await fetch(`${url.origin}/api/${method}`, {
        method: 'POST',
        headers: { 'x-counter-token': token, 'content-type': 'application/json' },
        body: JSON.stringify({ input, sessionToken }),
      });
      return (await response.json()) as { ok: boolean; value?: unknown };
    };
    const options = (await call('staff.signInOptions', {})).value as { staff: { id: string; demoPin: string }[] };
    const cashier = options.staff[0];
    const signIn = await call('staff.signIn', { staffId: cashier.id, pin: cashier.demoPin });
    const session = (signIn.value as { sessionToken: string }).sessionToken;
    const words = ['牛奶', 'cola', '面包', 'water', '苹果', 'chips', '咖啡', '6921168478354'];
    const shift = async (n: number) => {
      for (let i = 0; i < n; i++) {
        const word = words[i % words.length];
        await call('catalog.searchProducts', { query: word.slice(0, 1 + (i % word.length)) }, session);
        if (i % 4 === 0) await call('catalog.findByBarcode', { barcode: '6921168478354' }, session);
      }
    };
    await shift(2_000);
    const idle = rssMb(host.pid);
    await shift(calls);
    const after = rssMb(host.pid);
    const growth = ((after - idle) / idle) * 100;
    return [
      record({
        name: 'host-idle-memory',
        metric: 'RSS after start and 2,000 warm-up calls',
        value: idle,
        unit: 'MB',
        target: 250,
        pass: idle <= 250,
      }),
      record({
        name: 'host-memory-growth',
        metric: `RSS growth over ${calls.toLocaleString('en')} searches`,
        value: growth,
        unit: '%',
        target: 10,
        pass: growth < 10,
        notes: { idleMb: +idle.toFixed(1), afterMb: +after.toFixed(1) },
      }),
    ];
  } finally {
    await host.stop();
  }
}
