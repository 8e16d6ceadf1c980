import type { Handlers } from '../handler-context';
import { listAudit, verifyAudit } from './audit-chain';

export const auditHandlers = {
  'audit.list': (ctx, input) => ({ entries: listAudit(ctx.db, input.beforeSeq, input.limit) }),
  'audit.verify': (ctx) => verifyAudit(ctx.db, ctx.auditKey),
} satisfies Partial<Handlers>;
