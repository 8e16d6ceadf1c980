import { z } from 'zod';
import { BusinessDay } from '../business-day';
import { platformApi } from '../platform-api';
import { OWNER_PASSWORD_MAX } from '../platform-api/franchise';
import { OWNER_LOGIN_MAX } from '../platform-api/organisations';
import { type HeadOfficeGroup, headOfficeMethod } from './define';
import { ReportRequest } from './sales-report';
import { PlatformUrl } from './sync';

/**
 * Whether an owner is signed in to the platform here, and where. `headOffice`: this install has no
 * store of its own (a head-office console), so nobody signs in locally and the platform's owner
 * session is the only key.
 */
export const OwnerStatus = z.discriminatedUnion('signedIn', [
  z.object({ signedIn: z.literal(false), headOffice: z.boolean(), platformUrl: z.string().nullable() }),
  z.object({
    signedIn: z.literal(true),
    headOffice: z.boolean(),
    platformUrl: z.string(),
    owner: z.object({ login: z.string(), name: z.string() }),
    organisation: z.object({ name: z.string() }),
    expiresAt: z.number().int(),
  }),
]);
export type OwnerStatus = z.infer<typeof OwnerStatus>;

export const FranchiseStores = platformApi['franchise.stores'].output;
export type FranchiseStores = z.infer<typeof FranchiseStores>;
export const FranchiseSales = platformApi['franchise.sales'].output;
export type FranchiseSales = z.infer<typeof FranchiseSales>;
export const FranchiseComparison = platformApi['franchise.compare'].output;
export type FranchiseComparison = z.infer<typeof FranchiseComparison>;

/**
 * The franchise owner's side of the platform, reached from a paired till (by its owner) or from a
 * head-office console. Each asks the platform before answering (electron/core/head-office).
 */
export const headOfficeMethods = {
  /** A paired till signs in to its own platform; an unpaired install to the address given. */
  'owner.signIn': headOfficeMethod({
    input: z.object({
      platformUrl: PlatformUrl.optional(),
      login: z.string().trim().min(1).max(OWNER_LOGIN_MAX),
      password: z.string().min(1).max(OWNER_PASSWORD_MAX),
    }),
    output: OwnerStatus,
    access: 'franchise.view',
    mutates: true,
  }),
  /** Ends the session on the platform when it answers, and forgets it here either way. */
  'owner.signOut': headOfficeMethod({
    input: z.object({}),
    output: OwnerStatus,
    access: 'franchise.view',
    mutates: true,
  }),
  'owner.status': headOfficeMethod({
    input: z.object({}),
    output: OwnerStatus,
    access: 'franchise.view',
    mutates: false,
  }),
  /** The organisation's stores with their last sync. */
  'franchise.stores': headOfficeMethod({
    input: z.object({}),
    output: FranchiseStores,
    access: 'franchise.view',
    mutates: false,
  }),
  /** Sales per store over business days, as the platform holds them. */
  'franchise.sales': headOfficeMethod({
    input: z.object({ firstDay: BusinessDay, lastDay: BusinessDay }),
    output: FranchiseSales,
    access: 'franchise.view',
    mutates: false,
  }),
  /**
   * The stores compared: a period as the store reports take it (a day, week, month or range, and a
   * comparison), by store and channel, with the loss-prevention signals against the median.
   */
  'franchise.compare': headOfficeMethod({
    input: ReportRequest,
    output: FranchiseComparison,
    access: 'franchise.view',
    mutates: false,
  }),
} satisfies HeadOfficeGroup;
