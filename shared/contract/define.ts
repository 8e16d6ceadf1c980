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
  H extends boolean = boolean,
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
  /**
   * Head office answers it (electron/core/head-office): `call` asks the platform with the owner's
   * session, and the local dispatch only gives the refusals. Set by `headOfficeMethod`.
   */
  headOffice?: H;
};

export function method<I extends z.ZodType, O extends z.ZodType, P extends boolean = false>(
  spec: MethodSpec<I, O, P>,
): MethodSpec<I, O, P> {
  return spec;
}

/** A method head office answers: the owner's call to the platform (electron/core/head-office). */
export function headOfficeMethod<I extends z.ZodType, O extends z.ZodType>(
  spec: MethodSpec<I, O, false, false>,
): MethodSpec<I, O, false, true> & { headOffice: true } {
  return { ...spec, headOffice: true };
}

/** A group of head office's methods: one made with `method` instead would be left to the local dispatch. */
export type HeadOfficeGroup = Record<string, { headOffice: true }>;
