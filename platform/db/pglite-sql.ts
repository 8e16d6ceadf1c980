import { PGlite } from '@electric-sql/pglite';
import { tightenTree } from './owner-only';
import { INT8_OID, parseInt8, type Queryable, type Row, type Sql } from './sql';

type PgliteLike = Pick<PGlite, 'query' | 'exec'>;

function queryable(db: PgliteLike): Queryable {
  return {
    async query<T extends Row>(text: string, params: readonly unknown[] = []) {
      const result = await db.query<T>(text, [...params]);
      return result.rows;
    },
    async exec(text: string) {
      await db.exec(text);
    },
  };
}

/**
 * The embedded default: Postgres compiled to WASM, one connection. PGlite runs every query and
 * transaction under one lock, so transactions never interleave.
 * `dataDir` null keeps the database in memory.
 *
 * PGlite's files do not follow the umask (its cluster is written 0666, its relation cache 0644 on
 * every open), so the folder is made owner-only once it is open and again once it is closed.
 */
export async function openPgliteSql(dataDir: string | null): Promise<Sql> {
  const db = await PGlite.create(dataDir ?? 'memory://', { parsers: { [INT8_OID]: parseInt8 } });
  if (dataDir !== null) tightenTree(dataDir);
  return {
    ...queryable(db),
    transaction: (fn) => db.transaction((tx) => fn(queryable(tx))),
    async close() {
      await db.close();
      if (dataDir !== null) tightenTree(dataDir);
    },
  };
}
