import type { Database } from 'better-sqlite3';
import type { ReconcileDifference, Reconciliation } from '../../../shared/contract/settlement-report';
import type { OnlineSettlement } from '../../../shared/reports/settlement';
import { SettlementFigures, type SettlementStatement } from '../../../shared/sync/settlement-wire';
import { saleQueue, settledOrdersOn } from './settlement-orders';
import { byChannel, noTotals } from './settlement-report';

const fields = SettlementFigures.keyof().options;

function figuresOf(line: OnlineSettlement): OnlineSettlement {
  return Object.fromEntries(fields.map((field) => [field, line[field]])) as OnlineSettlement;
}

/**
 * This till's platform sales of a day against the platform's statement, matched by the sale's id:
 * an order on one side only, or on both with figures that differ (each field named, both values).
 * The totals per channel beside each other, so a manager sees at once whether the day agrees.
 */
export function reconcile(db: Database, day: string, statement: SettlementStatement): Reconciliation {
  const mine = settledOrdersOn(db, day);
  const theirs = new Map(statement.lines.map((line) => [line.orderId, line]));
  const differences: ReconcileDifference[] = [];
  let matched = 0;
  for (const order of mine) {
    const line = theirs.get(order.orderId);
    theirs.delete(order.orderId);
    const base = { channel: order.channel, orderId: order.orderId, number: order.number, ref: order.ref };
    if (!line) {
      differences.push({ kind: 'only_till', ...base, queue: saleQueue(db, order.orderId), till: order.figures });
      continue;
    }
    const differing = fields.filter((field) => order.figures[field] !== line[field]);
    if (differing.length === 0 && line.channel === order.channel) matched += 1;
    else
      differences.push({ kind: 'amounts', ...base, fields: differing, till: order.figures, platform: figuresOf(line) });
  }
  for (const line of theirs.values()) {
    differences.push({
      kind: 'only_platform',
      channel: line.channel,
      orderId: line.orderId,
      number: line.number,
      ref: line.ref,
      deviceCode: line.deviceCode,
      platform: figuresOf(line),
    });
  }
  const till = byChannel(mine);
  return {
    status: 'compared',
    day,
    currency: statement.currency,
    channels: statement.totals.map((total) => {
      const { channel, orders, ...figures } = total;
      return { channel, till: till.get(channel) ?? noTotals, platform: { ...figuresOf(figures), orders } };
    }),
    matched,
    differences,
  };
}
