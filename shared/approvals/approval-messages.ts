import type { Text } from '../errors';

/**
 * Refusals of the approval grants and of the PIN lock-outs. Counts and durations arrive as texts
 * built by the functions below, so each language gets its own plural and word order.
 */
export const approvalMessages = {
  approvals_paused: {
    en: 'Too many wrong approving PINs. {name} can ask for approvals again {when}.',
    'zh-CN': '授权 PIN 错误次数过多，{name}需{when}后才能再申请授权。',
  },
  approval_not_needed: {
    en: 'This action never needs a manager’s approval.',
    'zh-CN': '此操作无需店长授权。',
  },
  approval_grant_unknown: {
    en: 'This approval is not valid for this sign-in. Ask the manager to approve again.',
    'zh-CN': '该授权对当前登录无效，请店长重新授权。',
  },
  approval_grant_used: {
    en: 'This approval was already used: each approval is for one action. Ask the manager to approve again.',
    'zh-CN': '该授权已经用过：每次授权只对应一次操作。请店长重新授权。',
  },
  approval_grant_expired: {
    en: 'This approval has expired (it lasts {duration}). Ask the manager to approve again.',
    'zh-CN': '该授权已过期（有效期 {duration}），请店长重新授权。',
  },
  approval_grant_other_action: {
    en: 'This approval was given to {action}, not for this action. Ask the manager to approve this one.',
    'zh-CN': '该授权是用于{action}的，不能用于此操作。请店长为此操作授权。',
  },
  approval_grant_changed: {
    en: 'The details changed after the manager approved them. Ask the manager to approve what is on screen now.',
    'zh-CN': '店长授权后内容有变动，请店长对当前内容重新授权。',
  },
  unlock_self: {
    en: 'You cannot lift your own lock-out; ask another manager or the owner.',
    'zh-CN': '不能为自己解除锁定，请另一位店长或店主操作。',
  },
} satisfies Record<string, Text>;

/** How long a PIN lock lasts: a number of minutes, or until a manager or owner lifts it. */
export type PinLock = { kind: 'timed'; minutes: number } | { kind: 'held' };

/** "1 minute", "5 minutes"; "5 分钟". */
export function durationText(minutes: number): Text {
  return { en: minutes === 1 ? '1 minute' : `${minutes} minutes`, 'zh-CN': `${minutes} 分钟` };
}

/** "1 try", "4 tries" in English; the bare count in Chinese, whose sentence says 次. */
export function triesText(left: number): Text {
  return { en: left === 1 ? '1 try' : `${left} tries`, 'zh-CN': String(left) };
}

/** The lock a wrong sign-in PIN leads to: "a 5-minute lock-out"; "锁定 5 分钟". */
export function signInLockText(lock: PinLock): Text {
  if (lock.kind === 'held') {
    return { en: 'a lock-out only a manager or owner can lift', 'zh-CN': '锁定，须由店长或店主解锁' };
  }
  return { en: `a ${lock.minutes}-minute lock-out`, 'zh-CN': `锁定 ${lock.minutes} 分钟` };
}

/** The pause a wrong approving PIN leads to for the person who asked. */
export function approvalLockText(asker: string, lock: PinLock): Text {
  if (lock.kind === 'held') {
    return {
      en: `approvals for ${asker} stop until a manager or owner unlocks them`,
      'zh-CN': `${asker}将无法申请授权，须由店长或店主解锁`,
    };
  }
  const duration = durationText(lock.minutes);
  return {
    en: `approvals for ${asker} pause for ${duration.en}`,
    'zh-CN': `${asker}将有 ${duration['zh-CN']}无法申请授权`,
  };
}

/** When someone locked out may try again: "in 5 minutes"; "等待 5 分钟". */
export function retryWhenText(lock: PinLock): Text {
  if (lock.kind === 'held') return { en: 'once a manager or owner unlocks them', 'zh-CN': '经店长或店主解锁' };
  const duration = durationText(lock.minutes);
  return { en: `in ${duration.en}`, 'zh-CN': `等待 ${duration['zh-CN']}` };
}
