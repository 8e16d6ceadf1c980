import QRCode from 'qrcode';
import type { MemberAdminView, MemberMessage } from '../../shared/members/member-wire';
import { optional, readFlags, UsageError } from './args';
import { operatorFrom } from './operator-client';
import type { CommandResult } from './operator-commands';
import { wholeNumber } from './voucher-commands';

const connection = { url: { type: 'string' }, token: { type: 'string' } } as const;

const when = (epochMs: number | null) => (epochMs === null ? '—' : new Date(epochMs).toISOString());

function memberLine(m: MemberAdminView): string {
  const who = m.erased ? '(erased)' : `${m.maskedPhone}${m.name ? ` ${m.name}` : ''}`;
  return `${m.id}  ${who}  ${m.tier.nameEn}/${m.tier.nameZh}  growth ${m.growth}  points ${m.points}  last visit ${when(m.lastVisitAt)}`;
}

function memberId(values: { _: string[] }, usage: string): string {
  const id = values._[0];
  if (!id) throw new UsageError(usage);
  return encodeURIComponent(id);
}

export async function memberAdd(args: string[]): Promise<CommandResult> {
  const values = readFlags(args, { ...connection, name: { type: 'string' }, consent: { type: 'boolean' } }, 1);
  const phone = values._[0];
  if (!phone) throw new UsageError('members add <phone> [--name <name>] [--consent]');
  const { member } = await operatorFrom(values).call<{ member: MemberAdminView }>('POST', '/v1/admin/members', {
    phone,
    name: optional(values, 'name') ?? null,
    consent: values.consent === true,
  });
  return { json: { member }, text: `member added: ${memberLine(member)}` };
}

export async function memberList(args: string[]): Promise<CommandResult> {
  const values = readFlags(args, { ...connection, phone: { type: 'string' }, limit: { type: 'string' } });
  const query = new URLSearchParams();
  const phone = optional(values, 'phone');
  if (phone) query.set('phone', phone);
  query.set('limit', String(wholeNumber(values, 'limit', 1) ?? 50));
  const { members } = await operatorFrom(values).call<{ members: MemberAdminView[] }>(
    'GET',
    `/v1/admin/members?${query}`,
  );
  return { json: { members }, text: members.length === 0 ? 'no members' : members.map(memberLine).join('\n') };
}

export async function memberShow(args: string[]): Promise<CommandResult> {
  const values = readFlags(args, connection, 1);
  const id = memberId(values, 'members show <member id>');
  const { member } = await operatorFrom(values).call<{ member: MemberAdminView }>('GET', `/v1/admin/members/${id}`);
  const lines = [
    memberLine(member),
    `created ${when(member.createdAt)} via ${member.createdVia}${member.createdChannel ? ` (${member.createdChannel})` : ''}; consent ${member.consent ? `given ${when(member.consentAt)}` : 'not given'}`,
    `seen at ${member.stores} store(s); ${member.orders} order(s)${member.erased ? `; erased ${when(member.erasedAt)}` : ''}`,
  ];
  return { json: { member }, text: lines.join('\n') };
}

export async function memberErase(args: string[]): Promise<CommandResult> {
  const values = readFlags(args, connection, 1);
  const id = memberId(values, 'members erase <member id>');
  const { member } = await operatorFrom(values).call<{ member: MemberAdminView }>(
    'POST',
    `/v1/admin/members/${id}/erase`,
  );
  return { json: { member }, text: `member ${member.id} erased: number, name and consent removed; history kept` };
}

/** A fresh member code, as the customer's app would show it, printed as a QR code to scan. */
export async function memberCode(args: string[]): Promise<CommandResult> {
  const values = readFlags(args, { ...connection, age: { type: 'string' } }, 1);
  const id = memberId(values, 'members code <member id> [--age <seconds>]');
  const ageSeconds = wholeNumber(values, 'age') ?? 0;
  const answer = await operatorFrom(values).call<{ code: string; expires: number }>(
    'POST',
    `/v1/admin/members/${id}/code`,
    { ageSeconds },
  );
  const qr = await QRCode.toString(answer.code, { type: 'terminal', small: true, errorCorrectionLevel: 'M' });
  return { json: answer, text: `${qr}\n${answer.code}\nexpires ${when(answer.expires)}` };
}

/** The texts the platform would have sent (there is no SMS gateway), with the full number. */
export async function memberMessages(args: string[]): Promise<CommandResult> {
  const values = readFlags(args, connection);
  const { messages } = await operatorFrom(values).call<{ messages: MemberMessage[] }>(
    'GET',
    '/v1/admin/member-messages',
  );
  const text = messages.map((m) => `${m.phone}  ${m.text}  (until ${when(m.expiresAt)})`).join('\n');
  return { json: { messages }, text: text || 'no pending messages' };
}

type KeyRotation = {
  kid: number;
  previous: number | null;
  previousRetiresAt: number | null;
  retired: number[];
  keys: { kid: number; validFrom: number; validTo: number; retiredAt: number | null }[];
};

/** A new member-code key; the previous one stays good for the overlap (10 minutes unless told). */
export async function memberKeyRotate(args: string[]): Promise<CommandResult> {
  const values = readFlags(args, { ...connection, overlap: { type: 'string' } });
  const overlapSeconds = wholeNumber(values, 'overlap');
  const rotated = await operatorFrom(values).call<KeyRotation>(
    'POST',
    '/v1/admin/member-keys/rotate',
    overlapSeconds === undefined ? {} : { overlapSeconds },
  );
  const previous =
    rotated.previous === null
      ? ''
      : `; key ${rotated.previous} signs nothing more and is good until ${when((rotated.previousRetiresAt ?? 0) * 1000)}`;
  const retired = rotated.retired.length === 0 ? '' : `; retired now: ${rotated.retired.join(', ')}`;
  return { json: rotated, text: `member-code key ${rotated.kid} signs from now on${previous}${retired}` };
}
