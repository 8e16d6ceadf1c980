import { auditActionText } from '../../../shared/audit/audit-words';
import type { HandlerContext, Handlers } from '../handler-context';
import { readStore } from '../store/store-records';
import { listAudit, verifyAudit } from './audit-chain';
import { auditSubjectText } from './audit-subjects';

/** Entries as stored (what the chain's hashes cover) plus what they say in the reader's words. */
function readableAudit(ctx: HandlerContext, beforeSeq: number | undefined, limit: number) {
  const reader = { locale: ctx.locale, timeZone: readStore(ctx.db, ctx.now)?.timeZone ?? 'UTC' };
  return listAudit(ctx.db, beforeSeq, limit).map((entry) => ({
    ...entry,
    actionText: auditActionText(entry.action)[ctx.locale],
    subjectText: auditSubjectText(ctx.db, entry.subject, reader),
  }));
}

export const auditHandlers = {
  'audit.list': (ctx, input) => ({ entries: readableAudit(ctx, input.beforeSeq, input.limit) }),
  'audit.verify': (ctx) => verifyAudit(ctx.db, ctx.auditKey),
} satisfies Partial<Handlers>;
