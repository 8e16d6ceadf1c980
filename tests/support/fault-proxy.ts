import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { seededRandom } from './random';

export type Fault = 'none' | 'drop_request' | 'drop_response' | 'server_error' | 'delay' | 'deliver_twice';

export type FaultCounts = Record<Fault, number>;

/**
 * A request kept in flight: passed on, cut before the platform sees it, passed on and its answer
 * lost, or delivered twice (the second answer relayed).
 */
export type HeldRequest = { path: string; pass(): void; cut(): void; lose(): void; twice(): void };

/**
 * A man in the middle between a till and the platform: drops requests before the platform sees
 * them, drops answers after it acted, answers 503 itself, delays, and delivers a request twice.
 * Faults are drawn from a seed, so a failing run can be replayed.
 */
export async function startFaultProxy(target: () => string, options: { seed: number; faultRate: number }) {
  const random = seededRandom(options.seed);
  const counts: FaultCounts = {
    none: 0,
    drop_request: 0,
    drop_response: 0,
    server_error: 0,
    delay: 0,
    deliver_twice: 0,
  };
  const faults: Fault[] = ['drop_request', 'drop_response', 'server_error', 'delay', 'deliver_twice'];
  let rate = options.faultRate;
  // A platform out of reach: every connection is cut before anything is forwarded.
  let refusing = false;
  // A lossy link without chance: every nth request is cut, the others pass untouched.
  let failEvery: number | null = null;
  let seen = 0;
  let holds: { match: (path: string) => boolean; take: (held: HeldRequest) => void }[] = [];

  const server = createServer((request, response) => {
    void handle(request, response).catch(() => response.destroy());
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const body = await readBody(request);
    if (refusing) {
      response.socket?.destroy();
      return;
    }
    const hold = holds.find((h) => h.match(request.url ?? ''));
    if (hold) {
      holds = holds.filter((h) => h !== hold);
      const decision = await new Promise<'pass' | 'cut' | 'lose' | 'twice'>((decide) =>
        hold.take({
          path: request.url ?? '',
          pass: () => decide('pass'),
          cut: () => decide('cut'),
          lose: () => decide('lose'),
          twice: () => decide('twice'),
        }),
      );
      if (decision === 'cut') return void response.socket?.destroy();
      let answer = await forward(request, body);
      if (decision === 'lose') return void response.socket?.destroy();
      if (decision === 'twice') answer = await forward(request, body);
      return relay(answer, response);
    }
    seen += 1;
    if (failEvery !== null) {
      const fault: Fault = seen % failEvery === 0 ? 'drop_request' : 'none';
      counts[fault] += 1;
      if (fault === 'drop_request') return void response.socket?.destroy();
      return relay(await forward(request, body), response);
    }
    const fault: Fault = random.next() < rate ? random.pick(faults) : 'none';
    counts[fault] += 1;
    switch (fault) {
      case 'drop_request':
        response.socket?.destroy();
        return;
      case 'server_error':
        response.writeHead(503, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ error: { code: 'unavailable', message: 'injected' } }));
        return;
      case 'delay':
        await new Promise((resolve) => setTimeout(resolve, random.int(400)));
        return relay(await forward(request, body), response);
      case 'drop_response':
        await forward(request, body);
        response.socket?.destroy();
        return;
      case 'deliver_twice': {
        const first = await forward(request, body);
        const second = await forward(request, body);
        return relay(random.next() < 0.5 ? first : second, response);
      }
      case 'none':
        return relay(await forward(request, body), response);
      default: {
        const unreachable: never = fault;
        throw new Error(String(unreachable));
      }
    }
  }

  async function forward(request: IncomingMessage, body: Buffer) {
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(request.headers)) {
      if (typeof value === 'string' && !['host', 'connection', 'content-length'].includes(name)) headers[name] = value;
    }
    const upstream = await fetch(`${target()}${request.url}`, {
      method: request.method,
      headers,
      body: body.length > 0 ? new Uint8Array(body) : undefined,
    });
    return {
      status: upstream.status,
      type: upstream.headers.get('content-type') ?? 'application/json',
      body: await upstream.text(),
    };
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    counts,
    setFaultRate(next: number) {
      rate = next;
    },
    /** Cuts every nth request (null: back to the seeded faults). */
    setFailEvery(next: number | null) {
      failEvery = next;
      seen = 0;
    },
    /**
     * Holds the next request whose path matches until the test passes it on or cuts it: an
     * exchange kept in flight for exactly as long as the test needs.
     */
    holdNext(match: (path: string) => boolean): Promise<HeldRequest> {
      return new Promise((take) => {
        holds.push({ match, take });
      });
    },
    /** Cuts the till off (true) or lets it through again (false), whatever the fault rate. */
    setRefusing(next: boolean) {
      refusing = next;
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function relay(answer: { status: number; type: string; body: string }, response: ServerResponse): void {
  response.writeHead(answer.status, { 'content-type': answer.type });
  response.end(answer.body);
}

function readBody(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}
