import type { Queryable, Sql } from '../../platform/db/sql';

export type MemberHistoryOptions = {
  members: number;
  /** Sales credited to members (`member_orders`), over `days` business days up to `asOf`. */
  orders: number;
  stores: readonly string[];
  asOf: number;
  days: number;
  /** −1 … 1, PostgreSQL's setseed: the same seed writes the same history. */
  seed: number;
  /** Stores whose sales (with members and `withoutMember` more) go into `orders` too: all, or these. */
  ordersFor?: readonly string[];
  withoutMember?: number;
};

const DAY_MS = 86_400_000;

/**
 * A brand's member history written by SQL alone (generate_series and a seeded random()), so a test
 * and the bench get millions of rows in seconds: members with phone numbers and consent, their sales
 * at the stores (most at one store of their own, a fifth elsewhere; some members buy often, many
 * once or never), their first and last visits (the subqueries are fenced by OFFSET 0 so each random()
 * runs once a row), the stores that saw them, and the stores' `orders`
 * with sales made without a member. One transaction, so random() runs in one session in order.
 */
export async function writeMemberHistory(sql: Sql, o: MemberHistoryOptions): Promise<void> {
  await sql.transaction(async (tx) => {
    await tx.query('SELECT setseed($1)', [o.seed]);
    await tx.query(
      `INSERT INTO members (id, phone, tier, consent, created_via, created_at)
       SELECT md5('m:' || $2 || ':' || i)::uuid, '13' || lpad(i::text, 9, '0'), 1, random() < 0.7, 'platform', $3::bigint
       FROM generate_series(1, $1::int) AS i`,
      [o.members, o.seed, o.asOf - o.days * DAY_MS],
    );
    // Ten million rows into four B-trees and a foreign key one at a time take an hour on a small
    // machine; the same rows loaded bare and indexed once after take minutes. The schema ends as
    // migration 0011 left it.
    await tx.exec(`SET LOCAL maintenance_work_mem = '256MB';
      ALTER TABLE member_orders DROP CONSTRAINT member_orders_member_id_fkey;
      ALTER TABLE member_orders DROP CONSTRAINT member_orders_pkey;
      DROP INDEX member_orders_member, member_orders_store_day, member_orders_member_day`);
    await tx.query(
      `INSERT INTO member_orders (store_id, order_id, member_id, paid_at, growth, total, business_day)
       SELECT ($3::uuid[])[1 + CASE WHEN random() < 0.8 THEN p.member % $4 ELSE floor(random() * $4)::int END],
         md5('o:' || $5 || ':' || p.i)::uuid, md5('m:' || $5 || ':' || p.member)::uuid, p.paid, 0,
         100 + floor(power(random(), 2) * 30000)::bigint,
         (to_timestamp(p.paid / 1000.0) AT TIME ZONE 'Asia/Shanghai')::date
       FROM (SELECT i, 1 + floor($1::int * power(random(), 2))::int AS member,
               $6::bigint - floor(random() * $7::bigint)::bigint AS paid
             FROM generate_series(1, $2::int) AS i OFFSET 0) p`,
      [o.members, o.orders, o.stores, o.stores.length, o.seed, o.asOf, o.days * DAY_MS],
    );
    await tx.exec(`ALTER TABLE member_orders ADD PRIMARY KEY (store_id, order_id);
      ALTER TABLE member_orders ADD CONSTRAINT member_orders_member_id_fkey FOREIGN KEY (member_id) REFERENCES members (id);
      CREATE INDEX member_orders_member ON member_orders (member_id);
      CREATE INDEX member_orders_store_day ON member_orders (store_id, business_day) INCLUDE (member_id, total);
      CREATE INDEX member_orders_member_day ON member_orders (member_id, business_day)`);
    await tx.exec(`UPDATE members m SET first_visit_at = x.first, last_visit_at = x.last
      FROM (SELECT member_id, min(paid_at) AS first, max(paid_at) AS last FROM member_orders GROUP BY member_id) x
      WHERE m.id = x.member_id`);
    await tx.exec(`INSERT INTO store_members (store_id, member_id, seen_at, version)
      SELECT store_id, member_id, max(paid_at), 0 FROM member_orders GROUP BY store_id, member_id`);
    await writeStoreOrders(tx, o);
    await writeRefunds(tx, o);
  });
}

/**
 * Refunds of about one sale in fourteen, with or without a member: half whole, half a third, made up
 * to 40 days after the sale (never after `asOf`), so some fall after a span their sale is in. Some
 * sales refunded in part have a second refund of a sixth; no sale is refunded past its total.
 */
async function writeRefunds(tx: Queryable, o: MemberHistoryOptions): Promise<void> {
  await tx.query(
    `INSERT INTO refunds (store_id, id, device_id, order_id, business_day, amount, refunded_at, body)
     SELECT store_id, md5('r' || n || ':' || $1 || ':' || order_id)::uuid, '00000000-0000-7000-8000-000000000000',
       order_id, (to_timestamp(at / 1000.0) AT TIME ZONE 'Asia/Shanghai')::date,
       CASE WHEN n = 1 AND whole THEN total ELSE GREATEST(1, total / (3 * n)) END, at, '{}'
     FROM (SELECT s.*, get_byte(decode(md5(s.order_id::text), 'hex'), 0) < 128 AS whole,
             LEAST($2::bigint, s.paid_at + floor(random() * 40 * ${DAY_MS})::bigint) AS at, random() AS pick
           FROM (SELECT store_id, order_id, paid_at, total, generate_series(1, 2) AS n FROM
                   (SELECT store_id, order_id, paid_at, total FROM member_orders
                    UNION SELECT store_id, id, paid_at, total FROM orders) u) s OFFSET 0) x
     WHERE pick < CASE WHEN n = 1 THEN 0.07 ELSE 0.02 END AND (n = 1 OR NOT whole)
     ON CONFLICT DO NOTHING`,
    [o.seed, o.asOf],
  );
}

async function writeStoreOrders(tx: Queryable, o: MemberHistoryOptions): Promise<void> {
  const stores = o.ordersFor ?? o.stores;
  await tx.query(
    `INSERT INTO orders (store_id, id, device_id, number, business_day, channel, paid_at, total, body)
     SELECT store_id, order_id, '00000000-0000-7000-8000-000000000000', 'G', business_day, 'in_store', paid_at, total, '{}'
     FROM member_orders WHERE store_id = ANY($1::uuid[])`,
    [stores],
  );
  await tx.query(
    `INSERT INTO orders (store_id, id, device_id, number, business_day, channel, paid_at, total, body)
     SELECT p.store, md5('n:' || $4 || ':' || p.i)::uuid, '00000000-0000-7000-8000-000000000000', 'G',
       (to_timestamp(p.paid / 1000.0) AT TIME ZONE 'Asia/Shanghai')::date, 'in_store', p.paid,
       100 + floor(power(random(), 2) * 30000)::bigint, '{}'
     FROM (SELECT i, ($1::uuid[])[1 + floor(random() * cardinality($1::uuid[]))::int] AS store,
             $2::bigint - floor(random() * $3::bigint)::bigint AS paid
           FROM generate_series(1, $5::int) AS i OFFSET 0) p`,
    [stores, o.asOf, o.days * DAY_MS, o.seed, o.withoutMember ?? 0],
  );
}
