import { z } from 'zod';
import { fieldMessage } from '../field-messages';
import { StaffId } from '../ids';
import { Role } from '../roles';
import { method } from './define';

export const Pin = z.string().regex(/^\d{4,8}$/, fieldMessage('pin_format'));
export const PersonName = z.string().trim().min(1).max(40);

export const StaffInfo = z.object({
  id: StaffId,
  name: z.string(),
  role: Role,
  active: z.boolean(),
});
export type StaffInfo = z.infer<typeof StaffInfo>;

/** What a wrong PIN counts against: a person's own sign-in, or their asking for approvals. */
export const PinGuardKind = z.enum(['sign_in', 'approval']);
export type PinGuardKind = z.infer<typeof PinGuardKind>;

export const Lockout = z.object({
  staffId: StaffId,
  name: z.string(),
  role: Role,
  kind: PinGuardKind,
  /** Until when a timed lock lasts; null when it is held until someone unlocks it. */
  lockedUntil: z.number().int().nullable(),
  held: z.boolean(),
  /** How many lock-outs in a row, each longer than the last. */
  rounds: z.number().int(),
});
export type Lockout = z.infer<typeof Lockout>;

const SignInOption = z.object({
  id: StaffId,
  name: z.string(),
  role: Role,
  /** Only in the demo store, so a first-time visitor can sign in. */
  demoPin: z.string().nullable(),
});

export const staffMethods = {
  'staff.signInOptions': method({
    input: z.object({}),
    output: z.object({ staff: z.array(SignInOption) }),
    access: 'public',
    mutates: false,
  }),
  'staff.signIn': method({
    input: z.object({ staffId: StaffId, pin: Pin }),
    output: z.object({ sessionToken: z.string(), staff: StaffInfo }),
    access: 'public',
    mutates: true,
  }),
  'staff.signOut': method({
    input: z.object({}),
    output: z.object({}),
    access: 'signedIn',
    mutates: true,
  }),
  'staff.lock': method({
    input: z.object({}),
    output: z.object({ locked: z.literal(true) }),
    access: 'signedIn',
    mutates: true,
  }),
  'staff.unlock': method({
    input: z.object({ pin: Pin }),
    output: z.object({ locked: z.literal(false) }),
    access: 'signedIn',
    mutates: true,
  }),
  'staff.me': method({
    input: z.object({}),
    output: z.object({ staff: StaffInfo, locked: z.boolean() }),
    access: 'signedIn',
    mutates: false,
  }),
  'staff.list': method({
    input: z.object({}),
    output: z.object({ staff: z.array(StaffInfo) }),
    access: 'staff.manage',
    mutates: false,
  }),
  'staff.create': method({
    input: z.object({ name: PersonName, role: Role, pin: Pin }),
    output: StaffInfo,
    access: 'staff.manage',
    mutates: true,
  }),
  'staff.update': method({
    input: z.object({
      id: StaffId,
      name: PersonName.optional(),
      role: Role.optional(),
      active: z.boolean().optional(),
      pin: Pin.optional(),
    }),
    output: StaffInfo,
    access: 'staff.manage',
    mutates: true,
  }),
  'staff.lockouts': method({
    input: z.object({}),
    output: z.object({ lockouts: z.array(Lockout) }),
    access: 'staff.unlock',
    mutates: false,
  }),
  'staff.clearLockout': method({
    input: z.object({ staffId: StaffId, kind: PinGuardKind }),
    output: z.object({ lockouts: z.array(Lockout) }),
    access: 'staff.unlock',
    mutates: true,
  }),
};
