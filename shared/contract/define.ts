import type { z } from 'zod';
import type { Permission } from '../roles';

/**
 * Who may call a method: anyone (first run, sign-in), anyone signed in (even while the screen is
 * locked, for unlocking), or whoever holds a permission.
 */
export type Access = 'public' | 'signedIn' | Permission;

export type MethodSpec<
  I extends z.ZodType = z.ZodType,
  O extends z.ZodType = z.ZodType,
  P extends boolean = boolean,
> = {
  input: I;
  output: O;
  access: Access;
  /** Mutating methods run in one write transaction and leave an audit entry. */
  mutates: boolean;
  /**
   * The method needs the platform's answer first: the core asks it (within PROTOCOL.md's answer
   * budget) before the synchronous dispatch, and the handler decides offline without an answer.
   * What is asked is each domain's online step in the core (`electron/core/sync/platform-first.ts`).
   */
  platformFirst?: P;
};

export function method<I extends z.ZodType, O extends z.ZodType, P extends boolean = false>(
  spec: MethodSpec<I, O, P>,
): MethodSpec<I, O, P> {
  return spec;
}
