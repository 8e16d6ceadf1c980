import { MemberKeyWire, MemberPolicy, MemberWire } from '../members/member-wire';
import { syncDomain } from './sync-domain';

/**
 * What a till needs to know members offline (docs/members.md, "On the till"): the members seen at
 * this store — looked up, identified, enrolled or sold to here — the member-code public keys, and
 * the store's member policy (brand number, phone lookup key). Members reach the platform on the
 * sales that name them (`order.paid`'s `memberId`), so the domain pushes no record of its own.
 */
export const memberSync = syncDomain({
  streams: {
    members: { item: MemberWire, words: { en: 'members', 'zh-CN': '会员' } },
    member_keys: { item: MemberKeyWire, words: { en: 'member code keys', 'zh-CN': '会员码密钥' } },
    member_policy: { item: MemberPolicy, words: { en: 'member settings', 'zh-CN': '会员设置' } },
  },
  mutations: {},
  events: {
    'members.changed': ['members.', 'orders.'],
  },
});
