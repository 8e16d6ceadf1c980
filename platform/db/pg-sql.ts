import pg from 'pg';
import { INT8_OID, parseInt8, type Queryable, type Row, type Sql } from './sql';

type ClientLike = Pick<pg.PoolClient, 'query'>;

function queryable(client: ClientLike): Queryable {
  return {
    async query<T extends Row>(text: string, params: readonly unknown[] = []) {
      const result = await client.query<T>(text, [...params]);
      return result.rows;
    },
    async exec(text: string) {
      // Without parameters node-postgres uses the simple protocol, which accepts several statements.
      await client.query(text);
    },
  };
}

const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8_OID ? parseInt8 : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

/** A real PostgreSQL server (production, and the second backend of the test suites). */
export async function openPgSql(databaseUrl: string): Promise<Sql> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 10, types });
  // An idle connection dropped by the server is replaced on next use; unhandled, it would end the process.
  pool.on('error', () => undefined);
  // A server that is down or refuses the login should fail the start, not the first request.
  const probe = await pool.connect();
  probe.release();
  return {
    ...queryable(pool),
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const value = await fn(queryable(client));
        await client.query('COMMIT');
        return value;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
