import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCounterCore } from '../../electron/core/counter-core';
import { createHostServer } from '../../electron/host/host-server';
import { tempDir } from '../support/temp-dir';

describe('the browser host over HTTP', () => {
  const token = 'a-very-secret-token';
  let base: string;
  let port: number;
  const core = openCounterCore({ dataDir: tempDir() });
  const staticDir = tempDir();

  beforeAll(async () => {
    writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Counter</title>');
    mkdirSync(join(staticDir, 'assets'));
    writeFileSync(join(staticDir, 'assets', 'app.js'), 'console.log(1)');
    const server = createHostServer({ core, token, staticDir, maxBodyBytes: 1024 });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
    base = `http://127.0.0.1:${port}`;
    return () => {
      server.closeAllConnections();
      server.close();
      core.close();
    };
  });

  const post = (path: string, body: string, headers: Record<string, string> = { 'x-counter-token': token }) =>
    fetch(`${base}${path}`, { method: 'POST', body, headers: { 'content-type': 'application/json', ...headers } });

  it('answers 401 to any /api/ request without the launch token, or with a wrong one', async () => {
    expect((await post('/api/app.status', '{}', {})).status).toBe(401);
    const wrong = await post('/api/app.status', '{}', { 'x-counter-token': 'guess' });
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toMatchObject({ ok: false, error: { code: 'host_token_invalid' } });
    expect((await fetch(`${base}/api/events`)).status).toBe(401);
  });

  it('serves a call with the token', async () => {
    const response = await post('/api/app.status', JSON.stringify({ input: {} }));
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ ok: true, value: { setUp: false } });
  });

  it('refuses bodies that are not JSON objects or are too large, with a code', async () => {
    expect(await (await post('/api/app.status', '{nope')).json()).toMatchObject({ error: { code: 'invalid_input' } });
    expect(await (await post('/api/app.status', '[1]')).json()).toMatchObject({ error: { code: 'invalid_input' } });
    const big = await post('/api/app.status', JSON.stringify({ input: { x: 'y'.repeat(5000) } }));
    expect(big.status).toBe(413);
    expect(await big.json()).toMatchObject({ error: { code: 'payload_too_large' } });
  });

  it('refuses a foreign Host header (DNS rebinding)', async () => {
    const status = await new Promise<number>((resolve) => {
      const req = httpRequest({ host: '127.0.0.1', port, path: '/', headers: { host: 'evil.example:80' } }, (res) =>
        resolve(res.statusCode ?? 0),
      );
      req.end();
    });
    expect(status).toBe(403);
  });

  it('serves the screens with a strict CSP, client routes fall back to index.html, no path escapes', async () => {
    const page = await fetch(`${base}/checkout`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await page.text()).toContain('<title>Counter</title>');
    expect((await fetch(`${base}/assets/app.js`)).headers.get('content-type')).toContain('text/javascript');
    expect((await fetch(`${base}/assets/missing.js`)).status).toBe(404);
    const traversal = await fetch(`${base}/..%2f..%2f..%2f..%2fetc%2fpasswd`);
    expect(await traversal.text()).not.toContain('root:');
    expect((await fetch(`${base}/%E0%A4%A`)).status).toBe(400);
  });

  it('pushes core events over SSE', async () => {
    const controller = new AbortController();
    const response = await fetch(`${base}/api/events?token=${token}`, { signal: controller.signal });
    const reader = response.body!.getReader();
    await reader.read();
    await post('/api/store.createDemo', JSON.stringify({ input: {} }));
    let received = '';
    while (!received.includes('catalog.changed')) received += new TextDecoder().decode((await reader.read()).value);
    expect(received).toContain('data: {"type":"store.changed"}');
    controller.abort();
  });
});

describe('npm run host', () => {
  let child: ChildProcess;
  afterAll(() => child?.kill('SIGTERM'));

  it('prints the URL with its token, binds loopback only, and fills the demo store', async () => {
    const dataDir = tempDir();
    child = spawn(
      process.execPath,
      ['--import', 'tsx', 'electron/host/main.ts', '--data-dir', dataDir, '--port', '0', '--demo'],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout?.on('data', (chunk) => {
        out += chunk;
        const match = /http:\/\/127\.0\.0\.1:(\d+)\/\?token=([\w-]+)/.exec(out);
        if (match) resolve(match[0]);
      });
      child.on('exit', (code) => reject(new Error(`host exited ${code}: ${out}`)));
    });
    const { port, searchParams } = new URL(url);
    const response = await fetch(`http://127.0.0.1:${port}/api/app.status`, {
      method: 'POST',
      headers: { 'x-counter-token': searchParams.get('token') ?? '' },
      body: '{}',
    });
    expect(await response.json()).toMatchObject({ ok: true, value: { setUp: true, store: { demo: true } } });
    const viaOtherAddress = await fetch(`http://[::1]:${port}/`).then(
      () => 'reachable',
      () => 'refused',
    );
    expect(viaOtherAddress).toBe('refused');
  });

  it('refuses a second host on a data folder that is already open', async () => {
    const dataDir = tempDir();
    const first = spawn(
      process.execPath,
      ['--import', 'tsx', 'electron/host/main.ts', '--data-dir', dataDir, '--port', '0'],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    await new Promise<void>((resolve) =>
      first.stdout?.on('data', (chunk) => String(chunk).includes('token=') && resolve()),
    );
    const second = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'electron/host/main.ts', '--data-dir', dataDir, '--port', '0'],
      {
        encoding: 'utf8',
      },
    );
    first.kill('SIGTERM');
    expect(second.status).toBe(4);
    expect(second.stderr).toContain('already open in Counter');
  });

  it('says what is missing and exits non-zero without --data-dir', () => {
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'electron/host/main.ts'], { encoding: 'utf8' });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('--data-dir is required');
  });
});

describe('the browser host facing a hostile local process', () => {
  it('survives malformed request lines and keeps serving', async () => {
    const { connect } = await import('node:net');
    const core = openCounterCore({ dataDir: tempDir() });
    const server = createHostServer({ core, token: 'token-token-token', staticDir: tempDir() });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const raw = (line: string) =>
      new Promise<string>((resolve) => {
        const socket = connect(port, '127.0.0.1', () => socket.write(`${line}\r\nHost: 127.0.0.1:${port}\r\n\r\n`));
        let answer = '';
        socket.on('data', (chunk) => {
          answer += chunk;
        });
        socket.on('close', () => resolve(answer));
        socket.on('error', () => resolve(answer));
        setTimeout(() => socket.destroy(), 500);
      });
    for (const target of ['//[', '//%', '//:99999', '/%', '/api/%E0%A4%A', '/\u0000']) {
      await raw(`GET ${target} HTTP/1.1`);
    }
    const after = await fetch(`http://127.0.0.1:${port}/api/app.status`, {
      method: 'POST',
      headers: { 'x-counter-token': 'token-token-token' },
      body: '{}',
    });
    expect(after.status).toBe(200);
    server.closeAllConnections();
    server.close();
    core.close();
  });

  it('takes the token from the URL only for the event stream', async () => {
    const core = openCounterCore({ dataDir: tempDir() });
    const server = createHostServer({ core, token: 'token-token-token', staticDir: tempDir() });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const viaQuery = await fetch(`http://127.0.0.1:${port}/api/app.status?token=token-token-token`, {
      method: 'POST',
      body: '{}',
    });
    expect(viaQuery.status).toBe(401);
    server.closeAllConnections();
    server.close();
    core.close();
  });
});
