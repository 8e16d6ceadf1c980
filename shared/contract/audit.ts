import { z } from 'zod';
import { method } from './define';

export const AuditEntry = z.object({
  seq: z.number().int(),
  at: z.number().int(),
  action: z.string(),
  staffId: z.string().nullable(),
  staffName: z.string().nullable(),
  approverId: z.string().nullable(),
  approverName: z.string().nullable(),
  subject: z.string().nullable(),
  detail: z.unknown(),
  /** The action in the reader's language ("Sale paid", "平台下发商品和价格"). */
  actionText: z.string(),
  /** The subject as a person knows it: an order number, a product or staff name. */
  subjectText: z.string().nullable(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

export const AuditVerdict = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), entries: z.number().int(), head: z.string() }),
  z.object({
    ok: z.literal(false),
    entries: z.number().int(),
    problem: z.enum(['edited', 'missing', 'truncated']),
    atSeq: z.number().int(),
  }),
]);
export type AuditVerdict = z.infer<typeof AuditVerdict>;

export const auditMethods = {
  'audit.list': method({
    input: z.object({
      beforeSeq: z.number().int().positive().optional(),
      limit: z.number().int().min(1).max(500).default(100),
    }),
    output: z.object({ entries: z.array(AuditEntry) }),
    access: 'audit.view',
    mutates: false,
  }),
  'audit.verify': method({
    input: z.object({}),
    output: AuditVerdict,
    access: 'audit.view',
    mutates: false,
  }),
};
