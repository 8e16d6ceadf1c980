import type { ParsedInputOf } from '../../../shared/contract';
import { errorCodes } from '../../../shared/errors';
import { looksLikeMemberCode } from '../../../shared/members/member-code';
import { EnrolmentStarted, MemberAnswer, type MemberWire } from '../../../shared/members/member-wire';
import { parseMobilePhone } from '../../../shared/members/phone';
import { type Asking, askPlatform, type OnlineDomain, type PlatformRefusal } from '../sync/platform-ask';

/**
 * What the members' online step learned, as `HandlerContext.online.members`: the member the
 * platform found (and marked seen at this store), an enrolment it started, its refusal, or
 * nothing (decide offline: the cache, or "enrolment needs the platform").
 */
export type MemberAnswers =
  | { kind: 'none' }
  | { kind: 'member'; member: MemberWire }
  | { kind: 'enrolment'; enrolment: EnrolmentStarted }
  | PlatformRefusal;

// A function, so the type stays the whole union rather than narrowing to its one value.
const noAnswer = (): MemberAnswers => ({ kind: 'none' });
const nothing = noAnswer();

/**
 * Each member method asks the platform first (docs/members.md, "At the counter"). Input this till
 * refuses on its own (a number that is no mobile number, a scan that is no member code) is not
 * sent: the dispatch refuses it with its reason.
 */
export const memberOnline = {
  none: noAnswer(),
  steps: {
    'members.lookup': { gather: lookupStep },
    'members.identify': { gather: identifyStep },
    'members.enrolStart': { gather: enrolStartStep },
    'members.enrolConfirm': { gather: enrolConfirmStep },
  },
} satisfies OnlineDomain<MemberAnswers>;

async function memberCall(s: Asking, pathAndQuery: string, body: unknown): Promise<MemberAnswers> {
  const answer = await askPlatform(s, { method: 'POST', pathAndQuery, body, answer: MemberAnswer }, isMemberRefusal);
  if (answer === null) return nothing;
  return 'refused' in answer ? answer.refused : { kind: 'member', member: answer.value.member };
}

async function lookupStep(s: Asking, input: ParsedInputOf<'members.lookup'>): Promise<MemberAnswers> {
  const parsed = parseMobilePhone(input.phone);
  if (!parsed.ok) return nothing;
  return memberCall(s, '/v1/members/lookup', { phone: parsed.phone });
}

async function identifyStep(s: Asking, input: ParsedInputOf<'members.identify'>): Promise<MemberAnswers> {
  if (!looksLikeMemberCode(input.code)) return nothing;
  return memberCall(s, '/v1/members/identify', { code: input.code });
}

async function enrolStartStep(s: Asking, input: ParsedInputOf<'members.enrolStart'>): Promise<MemberAnswers> {
  const parsed = parseMobilePhone(input.phone);
  if (!parsed.ok) return nothing;
  const answer = await askPlatform(
    s,
    {
      method: 'POST',
      pathAndQuery: '/v1/members/enrolments',
      body: { id: input.enrolmentId, phone: parsed.phone, name: input.name || null, consent: input.consent },
      answer: EnrolmentStarted,
    },
    isMemberRefusal,
  );
  if (answer === null) return nothing;
  return 'refused' in answer ? answer.refused : { kind: 'enrolment', enrolment: answer.value };
}

async function enrolConfirmStep(s: Asking, input: ParsedInputOf<'members.enrolConfirm'>): Promise<MemberAnswers> {
  const code = enrolmentCode(input.code);
  if (code === null) return nothing;
  return memberCall(s, `/v1/members/enrolments/${input.enrolmentId}/confirm`, { code });
}

/** The six digits as read out: full-width digits and spaces between groups are fine. */
export function enrolmentCode(text: string): string | null {
  const plain = text.normalize('NFKC').replace(/\s+/g, '');
  return /^\d{6}$/.test(plain) ? plain : null;
}

const known = new Set<string>(errorCodes);

/** A refusal about the member or the enrolment, which the platform would repeat if asked again. */
function isMemberRefusal(code: string): boolean {
  return code.startsWith('member_') && known.has(code);
}
