import { AppError } from '../../../shared/errors';
import { uuidv7 } from '../../../shared/ids';
import { breach } from '../../../shared/limits';
import type { HandlerContext, Handlers } from '../handler-context';
import { requireSession } from '../handler-context';
import { shiftReportHtml } from '../receipts/shift-report-html';
import { refuseBreach } from '../store/limit-refusals';
import { requireStore } from '../store/store-records';
import { enqueue } from '../sync/outbox';
import {
  listZReports,
  openShiftOf,
  readZReport,
  requireOpenShift,
  shiftStatements,
  toShiftInfo,
} from './shift-records';
import { shiftReport } from './shift-report';

type CashInput = { id: string; amount: number; reason: string };

/** Cash in and out of the drawer; the client's id makes a retried movement count once. */
function moveCash(ctx: HandlerContext, kind: 'in' | 'out', input: CashInput) {
  const q = shiftStatements(ctx.db);
  const existing = q.cashMovementById.get(input.id) as { kind: string; amount: number; reason: string } | undefined;
  if (existing) {
    if (existing.kind !== kind || existing.amount !== input.amount || existing.reason !== input.reason) {
      throw new AppError('id_reused', { what: { en: 'cash movement', 'zh-CN': '现金存取' } });
    }
    ctx.describe(`cash:${input.id}`, { replayed: true });
    return { id: input.id, replayed: true };
  }
  const session = requireSession(ctx);
  const shift = requireOpenShift(ctx.db, ctx.deviceId);
  const store = requireStore(ctx.db, ctx.now);
  refuseBreach(breach(store.settings, kind === 'in' ? 'cashIn' : 'cashOut', input.amount), store, ctx.locale);
  // DOMAIN.md: a cash in above the store's limit needs a manager, as a cash out always does.
  if (kind === 'in' && input.amount > store.settings.cashInApprovalAmount) ctx.approve('cash.inAboveLimit');
  q.insertCashMovement.run({
    id: input.id,
    shiftId: shift.id,
    kind,
    amount: input.amount,
    reason: input.reason,
    staffId: session.staffId,
    approverId: ctx.approver?.id ?? null,
    at: ctx.now,
  });
  ctx.describe(`shift:${shift.id}`, { cash: kind, amount: input.amount, reason: input.reason });
  ctx.emit({ type: 'shift.changed' });
  return { id: input.id, replayed: false };
}

export const shiftHandlers = {
  'shift.current': (ctx) => {
    const shift = openShiftOf(ctx.db, ctx.deviceId);
    return { shift: shift && toShiftInfo(shift) };
  },

  'shift.open': (ctx, input) => {
    const open = openShiftOf(ctx.db, ctx.deviceId);
    if (open) throw new AppError('shift_already_open', { name: open.opened_by_name });
    const session = requireSession(ctx);
    const store = requireStore(ctx.db, ctx.now);
    // The float is cash put in the drawer like any cash in.
    refuseBreach(breach(store.settings, 'cashIn', input.float), store, ctx.locale);
    const id = uuidv7(ctx.now);
    shiftStatements(ctx.db).insertShift.run({
      id,
      deviceId: ctx.deviceId,
      businessDay: store.businessDay,
      openedBy: session.staffId,
      openedAt: ctx.now,
      float: input.float,
    });
    ctx.describe(`shift:${id}`, { float: input.float });
    ctx.emit({ type: 'shift.changed' });
    return toShiftInfo(requireOpenShift(ctx.db, ctx.deviceId));
  },

  'shift.cashIn': (ctx, input) => moveCash(ctx, 'in', input),

  'shift.cashOut': (ctx, input) => moveCash(ctx, 'out', input),

  'shift.xReport': (ctx, input) => {
    const store = requireStore(ctx.db, ctx.now);
    const report = shiftReport(ctx.db, store, requireOpenShift(ctx.db, ctx.deviceId), ctx.now, null);
    return {
      report,
      html: shiftReportHtml(report, store.timeZone, ctx.locale, input.width ?? store.settings.receiptWidth),
    };
  },

  // The count is blind: expected cash is worked out only here, after the count was sent.
  'shift.close': (ctx, input) => {
    const session = requireSession(ctx);
    const store = requireStore(ctx.db, ctx.now);
    const shift = requireOpenShift(ctx.db, ctx.deviceId);
    const q = shiftStatements(ctx.db);
    const draft = shiftReport(ctx.db, store, shift, ctx.now, null);
    const variance = input.countedCash - draft.expectedCash;
    const approver =
      Math.abs(variance) > store.settings.varianceApprovalAmount ? ctx.approve('shift.closeWithVariance') : null;
    const { next } = q.nextZ.get(ctx.deviceId) as { next: number };
    const report = shiftReport(ctx.db, store, shift, ctx.now, {
      zNumber: next,
      closedAt: ctx.now,
      closedByName: session.name,
      countedCash: input.countedCash,
      approvedByName: approver?.name ?? null,
    });
    q.closeShift.run({
      id: shift.id,
      closedBy: session.staffId,
      closedAt: ctx.now,
      zNumber: next,
      countedCash: input.countedCash,
      expectedCash: report.expectedCash,
      approvedBy: approver?.id ?? null,
      zReport: JSON.stringify(report),
    });
    enqueue(ctx.db, { id: shift.id, type: 'shift.closed', now: ctx.now });
    ctx.describe(`shift:${shift.id}`, {
      z: next,
      expected: report.expectedCash,
      counted: input.countedCash,
      variance: report.variance,
    });
    ctx.emit({ type: 'shift.changed' });
    return {
      report,
      html: shiftReportHtml(report, store.timeZone, ctx.locale, input.width ?? store.settings.receiptWidth),
    };
  },

  'shift.zReports': (ctx, input) => ({ reports: listZReports(ctx.db, ctx.deviceId, input.limit) }),

  'shift.reprintZ': (ctx, input) => {
    const store = requireStore(ctx.db, ctx.now);
    const report = readZReport(ctx.db, ctx.deviceId, input.zNumber);
    if (!report)
      throw new AppError('not_found', {
        what: { en: `Z report #${input.zNumber}`, 'zh-CN': `Z 报表 #${input.zNumber}` },
      });
    ctx.describe(`shift:${report.shiftId}`, { reprintZ: input.zNumber });
    const width = input.width ?? store.settings.receiptWidth;
    return { report, html: shiftReportHtml(report, store.timeZone, ctx.locale, width, true) };
  },
} satisfies Partial<Handlers>;
