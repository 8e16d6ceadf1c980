import { z } from 'zod';
import { StaffId } from '../ids';
import { Permission } from '../roles';
import { method } from './define';
import { Pin } from './staff';

/** How long a manager's approval stays good for the one call it names. */
export const grantLifetimeMinutes = 2;

export const approvalMethods = {
  /**
   * A manager's PIN for one exact call: the method and its input as the screen will send them.
   * The answer's grant goes with that call as `approval: { grant }`, once, within the lifetime.
   */
  'approvals.grant': method({
    input: z.object({
      method: z.string().min(1).max(80),
      input: z.unknown(),
      /** The action the manager was shown (from `approval_required`), named in a refusal. */
      permission: Permission,
      staffId: StaffId,
      pin: Pin,
    }),
    output: z.object({ grant: z.string(), expiresAt: z.number().int(), approverName: z.string() }),
    access: 'sell',
    mutates: true,
  }),
};
