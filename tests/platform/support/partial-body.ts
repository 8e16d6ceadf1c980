import { Agent, request } from 'node:http';

export type PartialAnswer = {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: unknown;
  /** Body bytes this client wrote; the platform cannot have read more. */
  sent: number;
  /** Resolves once the platform has closed the connection, without the rest of the body. */
  closed: Promise<void>;
};

/**
 * Sends a request's head and only `sent` of the body it announces, then stops writing and waits.
 * A platform that answers has decided without the rest of the body; one that waited for it would
 * never answer, and the test fails on its timeout instead of passing by luck. `declaredLength`
 * null sends the body chunked, with no length announced.
 */
export function sendPartBody(
  url: string,
  options: {
    method?: string;
    path: string;
    headers?: Record<string, string>;
    declaredLength: number | null;
    sent: Buffer;
  },
): Promise<PartialAnswer> {
  const length = options.declaredLength === null ? {} : { 'content-length': String(options.declaredLength) };
  // A client that would keep the connection: closing it is then the platform's doing.
  const agent = new Agent({ keepAlive: true });
  const req = request(`${url}${options.path}`, {
    method: options.method ?? 'POST',
    agent,
    headers: { 'content-type': 'application/json', ...options.headers, ...length },
  });
  const closed = new Promise<void>((resolve) =>
    req.on('socket', (socket) =>
      socket.once('close', () => {
        agent.destroy();
        resolve();
      }),
    ),
  );
  return new Promise((resolve, reject) => {
    let answered = false;
    // A reset after the answer is the platform dropping the unread rest; before it, a failure.
    req.on('error', (error) => {
      if (!answered) reject(error);
    });
    req.on('response', (response) => {
      answered = true;
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('error', reject);
      response.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        resolve({
          status: response.statusCode ?? 0,
          headers: response.headers,
          body: text ? JSON.parse(text) : null,
          sent: options.sent.length,
          closed,
        });
      });
    });
    req.write(options.sent);
  });
}

/** `{"deviceId":…,"mutations":[` and filler: what a 31 MB push starts with. */
export function pushOpening(bytes: number): Buffer {
  const head = Buffer.from('{"deviceId":"01900000-0000-7000-8000-000000000000","auditHead":null,"mutations":[');
  return Buffer.concat([head, Buffer.alloc(Math.max(0, bytes - head.length), ' ')]);
}
