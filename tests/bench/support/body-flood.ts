import { Agent, request } from 'node:http';

/**
 * The flood of the issue-13 security review, in a process of its own so its sending does not share
 * an event loop with whoever measures the platform: `clients` connections each POST an unsigned
 * JSON body of `megabytes` MB to /v1/sync/push, over and over, until stdin closes. Then it prints
 * one JSON line: requests answered, refused by a closed socket, and the bytes each one got to send.
 *
 * Usage: tsx tests/bench/support/body-flood.ts <platform url> <clients> <megabytes>
 */

type Outcome = { status: number | null; sent: number };

/** Valid JSON of about `bytes` bytes shaped like a push, so a server that parses it does real work. */
function floodBody(bytes: number): Buffer {
  const mutation = JSON.stringify({
    seq: 1,
    id: '01900000-0000-7000-8000-000000000000',
    type: 'stock.moved',
    payload: { sku: 'DRK-0001', kind: 'receive', quantity: 5, at: 1_700_000_000_000, note: '到货 delivery' },
    createdAt: 1_700_000_000_000,
  });
  const count = Math.max(1, Math.floor(bytes / (mutation.length + 1)));
  const head = '{"deviceId":"01900000-0000-7000-8000-000000000000","auditHead":null,"mutations":[';
  return Buffer.from(`${head}${Array(count).fill(mutation).join(',')}]}`);
}

function attempt(url: string, body: Buffer, agent: Agent): Promise<Outcome> {
  return new Promise((resolve) => {
    let sent = 0;
    let settled = false;
    const finish = (status: number | null) => {
      if (settled) return;
      settled = true;
      req.destroy();
      resolve({ status, sent });
    };
    const req = request(`${url}/v1/sync/push`, {
      method: 'POST',
      agent,
      headers: { 'content-type': 'application/json', 'content-length': body.length },
    });
    req.on('response', (response) => {
      response.resume();
      response.on('end', () => finish(response.statusCode ?? null));
      response.on('error', () => finish(response.statusCode ?? null));
    });
    req.on('error', () => finish(null));
    const pump = () => {
      while (!settled && sent < body.length) {
        const chunk = body.subarray(sent, sent + 65_536);
        sent += chunk.length;
        if (!req.write(chunk)) return void req.once('drain', pump);
      }
      if (!settled) req.end();
    };
    pump();
  });
}

async function main(): Promise<void> {
  const [url, clients, megabytes] = [process.argv[2], Number(process.argv[3]), Number(process.argv[4])];
  if (!url || !(clients > 0) || !(megabytes > 0)) throw new Error('usage: body-flood <url> <clients> <megabytes>');
  const body = floodBody(megabytes * 1024 * 1024);
  const outcomes: Outcome[] = [];
  let running = true;
  // Keep-alive clients: a server that answered and then read on would serve them the next request.
  const client = async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    while (running) outcomes.push(await attempt(url, body, agent));
    agent.destroy();
  };
  const all = Array.from({ length: clients }, client);
  process.stdout.write('flooding\n');
  await new Promise<void>((resolve) => {
    process.stdin.on('end', resolve);
    process.stdin.on('close', resolve);
    process.stdin.resume();
  });
  running = false;
  await Promise.all(all);
  const statuses: Record<string, number> = {};
  for (const { status } of outcomes)
    statuses[String(status ?? 'closed')] = (statuses[String(status ?? 'closed')] ?? 0) + 1;
  const sent = outcomes.map((outcome) => outcome.sent).sort((a, b) => a - b);
  const report = {
    requests: outcomes.length,
    statuses,
    bodyBytes: body.length,
    medianSentBytes: sent[Math.floor(sent.length / 2)] ?? 0,
    maxSentBytes: sent.at(-1) ?? 0,
  };
  process.stdout.write(`${JSON.stringify(report)}\n`);
  process.exit(0);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
