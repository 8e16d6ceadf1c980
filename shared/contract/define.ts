import type { z } from 'zod';
import type { Permission } from '../roles';

/**
 * Who may call a method: anyone (first run, sign-in), anyone signed in (even while the screen is
 * locked, for unlocking), or whoever holds a permission.
 */
export type Access = 'public' | 'signedIn' | Permission;

export type MethodSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> = {
  input: I;
  output: O;
  access: Access;
  /** Mutating methods run in one write transaction and leave an audit entry. */
  mutates: boolean;
};

export function method<I extends z.ZodType, O extends z.ZodType>(spec: MethodSpec<I, O>) {
  return spec;
}
