import { AppError, type ErrorCode, type ErrorParams } from '../../../shared/errors';
import { judgeMemberCode, looksLikeMemberCode } from '../../../shared/members/member-code';
import { type MobilePhone, parseMobilePhone } from '../../../shared/members/phone';
import type { Handler, HandlerContext } from '../handler-context';
import type { PlatformRefusal } from '../sync/platform-ask';
import { verifyEd25519 } from '../vouchers/ed25519';
import {
  cachedMember,
  cachedMemberByPhone,
  cacheMember,
  cacheMemberById,
  type MemberRow,
  memberKeys,
  memberPolicy,
} from './member-cache';
import { memberCard } from './member-card';
import { enrolmentCode } from './online-step';

function phoneOf(text: string): MobilePhone {
  const parsed = parseMobilePhone(text);
  if (!parsed.ok) throw new AppError(`member_${parsed.reason}`);
  return parsed.phone;
}

/** The platform's refusal in the cashier's words (only `member_…` codes this till knows reach here). */
function refusalError(refusal: PlatformRefusal): AppError {
  return new AppError(refusal.code as ErrorCode, refusal.params as ErrorParams);
}

/**
 * The card of the member the platform sent, written to the cache first so the member is known
 * here offline from now on. The audit entry names the member by id only: nothing personal.
 */
function fromPlatform(ctx: HandlerContext, row: MemberRow | null, how: string) {
  if (!row) throw new Error('member vanished inside its own transaction');
  ctx.describe(`member:${row.id}`, { how, source: 'platform' });
  return memberCard(row, true, ctx.now, ctx.locale, memberPolicy(ctx.db)?.recencyBands ?? null);
}

function fromCache(ctx: HandlerContext, row: MemberRow, how: string) {
  if (row.erased === 1) throw new AppError('member_erased');
  ctx.describe(`member:${row.id}`, { how, source: 'cache' });
  return memberCard(row, false, ctx.now, ctx.locale, memberPolicy(ctx.db)?.recencyBands ?? null);
}

const seconds = (ms: number) => Math.floor(ms / 1000);

export const memberHandlers: {
  'members.lookup': Handler<'members.lookup'>;
  'members.identify': Handler<'members.identify'>;
  'members.enrolStart': Handler<'members.enrolStart'>;
  'members.enrolConfirm': Handler<'members.enrolConfirm'>;
} = {
  /** The platform's word when it answered (it is the truth about who has a number), else the cache. */
  'members.lookup': (ctx, input) => {
    const phone = phoneOf(input.phone);
    const answer = ctx.online.members;
    switch (answer.kind) {
      case 'member':
        cacheMember(ctx.db, answer.member, ctx.now);
        return fromPlatform(ctx, cachedMember(ctx.db, answer.member.id), 'phone');
      case 'refused':
        throw refusalError(answer);
      case 'enrolment':
      case 'none': {
        const row = cachedMemberByPhone(ctx.db, phone);
        if (!row) throw new AppError('member_unknown_offline');
        return fromCache(ctx, row, 'phone');
      }
      default: {
        const unreachable: never = answer;
        throw new Error(`unknown member answer ${JSON.stringify(unreachable)}`);
      }
    }
  },

  /**
   * A scanned code is judged here first, on this till's keys and clock, so a code that is not
   * genuine is refused with its reason whether the platform answers or not; then the platform's
   * word (it also refuses a showing already used at another till), else the code alone.
   */
  'members.identify': (ctx, input) => {
    if (!looksLikeMemberCode(input.code)) throw new AppError('member_code_not_a_member_code');
    const policy = memberPolicy(ctx.db);
    const verdict = judgeMemberCode(input.code, {
      keys: policy ? memberKeys(ctx.db) : new Map(),
      now: seconds(ctx.now),
      brand: policy?.brand ?? -1,
      verify: verifyEd25519,
    });
    const answer = ctx.online.members;
    if (answer.kind === 'member') {
      cacheMember(ctx.db, answer.member, ctx.now);
      return fromPlatform(ctx, cachedMember(ctx.db, answer.member.id), 'code');
    }
    if (answer.kind === 'refused') throw refusalError(answer);
    if (!verdict.ok) throw new AppError(`member_code_${verdict.reason}`);
    const row =
      cachedMember(ctx.db, verdict.claims.memberId) ?? cacheMemberById(ctx.db, verdict.claims.memberId, ctx.now);
    return fromCache(ctx, row, 'code');
  },

  'members.enrolStart': (ctx, input) => {
    phoneOf(input.phone);
    const answer = ctx.online.members;
    if (answer.kind === 'refused') throw refusalError(answer);
    if (answer.kind !== 'enrolment') throw new AppError('member_enrol_offline');
    ctx.describe(`enrolment:${answer.enrolment.enrolmentId}`, { consent: input.consent });
    return answer.enrolment;
  },

  'members.enrolConfirm': (ctx, input) => {
    if (enrolmentCode(input.code) === null) throw new AppError('member_enrolment_code_format');
    const answer = ctx.online.members;
    if (answer.kind === 'refused') throw refusalError(answer);
    if (answer.kind !== 'member') throw new AppError('member_enrol_offline');
    cacheMember(ctx.db, answer.member, ctx.now);
    return fromPlatform(ctx, cachedMember(ctx.db, answer.member.id), 'enrolment');
  },
};
