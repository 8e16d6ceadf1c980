import type { TillDomain } from '../sync/till-domain';
import {
  cacheMember,
  cacheMemberKey,
  cacheMemberPolicy,
  forgetMemberKeys,
  forgetMemberPolicy,
  forgetMembers,
} from './member-cache';

const told = { told: () => [{ type: 'members.changed' as const }], toldAfterPull: true as const };

/**
 * The member streams (docs/members.md, "On the till"). A key or policy skipped would refuse good
 * codes or miss cached members until the next change: those pages are taken again instead. A
 * member skipped is named in the audit log like a catalog item. An erased member overwrites its
 * row here, so the till forgets the number and name the moment the change is pulled.
 */
export const memberTill: TillDomain<'members' | 'member_keys' | 'member_policy', never> = {
  streams: {
    member_keys: {
      ...told,
      strict: true,
      apply: (db, key) => {
        cacheMemberKey(db, key);
        return false;
      },
      forget: forgetMemberKeys,
    },
    member_policy: {
      ...told,
      strict: true,
      apply: (db, policy, { now }) => {
        cacheMemberPolicy(db, policy, now);
        return false;
      },
      forget: forgetMemberPolicy,
    },
    members: {
      ...told,
      apply: (db, member, { now }) => {
        cacheMember(db, member, now);
        return false;
      },
      forget: forgetMembers,
    },
  },
  mutations: {},
  payloadSql: {},
};
