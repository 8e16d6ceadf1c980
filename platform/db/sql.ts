/**
 * The platform's whole view of its database: bound-parameter queries, multi-statement scripts
 * (migrations) and transactions. Two implementations, PGlite and PostgreSQL, run the same SQL.
 */
export type Row = Record<string, unknown>;

export interface Queryable {
  query<T extends Row = Row>(text: string, params?: readonly unknown[]): Promise<T[]>;
  /** Runs a script of several statements without parameters. */
  exec(text: string): Promise<void>;
}

export interface Sql extends Queryable {
  /** Commits when `fn` resolves, rolls back when it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** PostgreSQL's SQLSTATE of a failed statement, when the error came from the database. */
export function sqlState(error: unknown): string | null {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) ? code : null;
}

/**
 * int8 arrives as a string from node-postgres and as text to PGlite's parsers; money and versions
 * stay far below 2^53, so both backends hand out plain numbers.
 */
export function parseInt8(text: string): number {
  return Number(text);
}

export const INT8_OID = 20;
