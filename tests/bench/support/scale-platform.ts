import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import pg from 'pg';
import { newKekText } from '../../../platform/vouchers/key-sealing';
import { AdminClient } from '../../platform/support/clients';

/** The PostgreSQL the scale bench runs on: the one CI and the PostgreSQL suites use. */
export const scaleDatabaseUrl = process.env.COUNTER_BENCH_DATABASE_URL ?? process.env.COUNTER_TEST_DATABASE_URL;

async function onServer<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: scaleDatabaseUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export type ScalePlatform = { url: string; admin: AdminClient; pid: number; stop(): Promise<void> };

/**
 * `serve --workers N` on a database of its own, as an operator runs it: its own operating-system
 * processes (the primary and N workers), so the bench's own work does not share their threads.
 */
export async function startScalePlatform(workers: number): Promise<ScalePlatform> {
  const name = `counter_scale_${randomBytes(5).toString('hex')}`;
  await onServer((client) => client.query(`CREATE DATABASE ${name}`));
  const url = new URL(String(scaleDatabaseUrl));
  url.pathname = `/${name}`;
  const args = ['serve', '--database-url', url.toString(), '--port', '0', '--workers', String(workers), '--json'];
  const child: ChildProcessWithoutNullStreams = spawn(
    process.execPath,
    ['--import', 'tsx', 'platform/main.ts', ...args],
    {
      env: { ...process.env, COUNTER_PLATFORM_KEK: newKekText() },
    },
  );
  let output = '';
  const started = await new Promise<{ url: string; adminToken: string }>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const line = output.split('\n').find((text) => text.startsWith('{'));
      if (line) resolve(JSON.parse(line));
    });
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.once('exit', (code) => reject(new Error(`serve ended (${code}): ${output}`)));
  });
  return {
    url: started.url,
    admin: new AdminClient(started.url, started.adminToken),
    pid: child.pid ?? 0,
    async stop() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
      await onServer((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}

/** Proportional set size in MB (shared pages split between the processes that map them). */
function pssMb(pid: number): number {
  try {
    const line = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8')
      .split('\n')
      .find((text) => text.startsWith('Pss:'));
    return line ? Number(line.split(/\s+/)[1]) / 1_024 : 0;
  } catch {
    return 0;
  }
}

function childrenOf(pid: number): number[] {
  try {
    return readdirSync(`/proc/${pid}/task`).flatMap((task) =>
      readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number),
    );
  } catch {
    return [];
  }
}

/** The platform's processes (the primary and its workers) and every PostgreSQL server process, in MB. */
export function memoryMb(platformPid: number): { platform: number; postgres: number } {
  const platform = [platformPid, ...childrenOf(platformPid)].reduce((sum, pid) => sum + pssMb(pid), 0);
  const postgres = readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === 'postgres';
      } catch {
        return false;
      }
    })
    .reduce((sum, pid) => sum + pssMb(Number(pid)), 0);
  return { platform: +platform.toFixed(0), postgres: +postgres.toFixed(0) };
}

/**
 * The physical limit under the platform: how many one-row transactions PostgreSQL commits per
 * second with `synchronous_commit` on, from one connection (each commit waits for its own flush)
 * and from `clients` at once (commits waiting together share a flush).
 */
export async function commitRate(
  clients: number,
  seconds: number,
): Promise<{ one: number; many: number; setting: string }> {
  return onServer(async (admin) => {
    const setting = (await admin.query('SHOW synchronous_commit')).rows[0].synchronous_commit as string;
    await admin.query('CREATE TABLE IF NOT EXISTS counter_commit_probe (n int)');
    const run = async (count: number) => {
      const pool = new pg.Pool({ connectionString: scaleDatabaseUrl, max: count });
      let commits = 0;
      const until = performance.now() + seconds * 1_000;
      await Promise.all(
        Array.from({ length: count }, async () => {
          while (performance.now() < until) {
            await pool.query('INSERT INTO counter_commit_probe VALUES (1)');
            commits += 1;
          }
        }),
      );
      await pool.end();
      return Math.round(commits / seconds);
    };
    const one = await run(1);
    const many = await run(clients);
    await admin.query('DROP TABLE counter_commit_probe');
    return { one, many, setting };
  });
}
