import { createHash, randomInt, timingSafeEqual } from 'node:crypto';
import { memberCeilings } from '../../shared/members/member-limits';
import type { EnrolmentRequest, EnrolmentStarted, MemberMessage, MemberWire } from '../../shared/members/member-wire';
import { type MobilePhone, maskPhone } from '../../shared/members/phone';
import type { Sql } from '../db/sql';
import { ApiError } from '../errors';
import type { SignedDevice } from '../server/device-auth';
import { memberById, memberByPhone, toMemberWire } from './member-records';
import { insertMember, phoneOrRefuse } from './member-service';
import { readMemberSettings } from './member-settings';
import { markSeen } from './member-versions';

const LIFETIME_MS = memberCeilings.enrolmentMinutes * 60_000;

type EnrolmentRow = {
  id: string;
  store_id: string;
  device_id: string;
  phone: string | null;
  name: string | null;
  consent: boolean;
  code_hash: string;
  attempts: number;
  expires_at: number;
  member_id: string | null;
};

// Bound to the enrolment, so one code's hash says nothing about another enrolment's.
const codeHash = (enrolmentId: string, code: string) =>
  createHash('sha256').update(`${enrolmentId}:${code}`).digest('hex');

/**
 * `POST /v1/members/enrolments`: the customer's number and consent at a counter. The platform
 * makes a 6-digit code and "sends" it (there is no SMS gateway: it waits in `member_messages` for
 * the operator); the customer reads it to the cashier. The till's id is the idempotency key: the
 * same request again answers the same enrolment and sends nothing new.
 */
export async function startEnrolment(
  sql: Sql,
  device: SignedDevice,
  input: EnrolmentRequest,
  now: number,
): Promise<EnrolmentStarted> {
  const phone = phoneOrRefuse(input.phone);
  return sql.transaction(async (tx) => {
    const [earlier] = await tx.query<EnrolmentRow>('SELECT * FROM member_enrolments WHERE id = $1 FOR UPDATE', [
      input.id,
    ]);
    if (earlier) {
      if (earlier.device_id !== device.deviceId || (earlier.phone !== null && earlier.phone !== phone)) {
        throw new ApiError(409, 'idempotency_mismatch', { id: input.id });
      }
      return { enrolmentId: earlier.id, maskedPhone: maskPhone(phone), expiresAt: earlier.expires_at };
    }
    if (await memberByPhone(tx, phone, true)) throw new ApiError(409, 'member_exists');
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    const expiresAt = now + LIFETIME_MS;
    await tx.query(
      `INSERT INTO member_enrolments (id, store_id, device_id, phone, name, consent, code_hash, created_at, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        input.id,
        device.storeId,
        device.deviceId,
        phone,
        input.name || null,
        input.consent,
        codeHash(input.id, code),
        now,
        expiresAt,
      ],
    );
    await tx.query(
      'INSERT INTO member_messages (id, enrolment_id, phone, text, created_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6)',
      [input.id, input.id, phone, enrolmentText(code), now, expiresAt],
    );
    return { enrolmentId: input.id, maskedPhone: maskPhone(phone), expiresAt };
  });
}

function enrolmentText(code: string): string {
  const minutes = memberCeilings.enrolmentMinutes;
  return `【会员】验证码 ${code}，${minutes} 分钟内有效，请告知收银员。Your member code is ${code}, valid ${minutes} min.`;
}

type Confirmed = { member: MemberWire } | { refuse: ApiError };

/**
 * `POST /v1/members/enrolments/{id}/confirm`: the code the customer read out. Five wrong codes or
 * ten minutes end the enrolment; a wrong try is counted even though the answer is a refusal. The
 * right code makes the member (once: asking again answers the same member) and the store has seen
 * them. The number, name and message leave the enrolment once it is done.
 */
export async function confirmEnrolment(
  sql: Sql,
  device: SignedDevice,
  enrolmentId: string,
  code: string,
  now: number,
): Promise<MemberWire> {
  const outcome = await sql.transaction(async (tx): Promise<Confirmed> => {
    const [row] = await tx.query<EnrolmentRow>(
      'SELECT * FROM member_enrolments WHERE id = $1 AND store_id = $2 FOR UPDATE',
      [enrolmentId, device.storeId],
    );
    if (!row) return { refuse: new ApiError(404, 'member_enrolment_unknown') };
    const right = timingSafeEqual(Buffer.from(codeHash(row.id, code)), Buffer.from(row.code_hash));
    if (row.member_id !== null) {
      const member = await memberById(tx, row.member_id);
      if (!right || !member) return { refuse: new ApiError(409, 'member_enrolment_unknown') };
      if (member.erased_at !== null) return { refuse: new ApiError(409, 'member_erased') };
      return { member: toMemberWire(member, await readMemberSettings(tx), device.storeId) };
    }
    if (row.attempts >= memberCeilings.enrolmentAttempts)
      return { refuse: new ApiError(409, 'member_enrolment_attempts') };
    if (now >= row.expires_at || row.phone === null) {
      return { refuse: new ApiError(409, 'member_enrolment_expired', { minutes: memberCeilings.enrolmentMinutes }) };
    }
    if (!right) {
      await tx.query('UPDATE member_enrolments SET attempts = attempts + 1 WHERE id = $1', [row.id]);
      const left = memberCeilings.enrolmentAttempts - row.attempts - 1;
      return {
        refuse: new ApiError(
          left > 0 ? 400 : 409,
          left > 0 ? 'member_enrolment_code_wrong' : 'member_enrolment_attempts',
          { left },
        ),
      };
    }
    const phone = row.phone as MobilePhone;
    if (await memberByPhone(tx, phone, true)) return { refuse: new ApiError(409, 'member_exists') };
    const member = await insertMember(
      tx,
      { phone, name: row.name, consent: row.consent, via: 'counter', storeId: device.storeId },
      { kind: 'device', ...device },
      now,
    );
    await tx.query('UPDATE member_enrolments SET member_id = $2, phone = NULL, name = NULL WHERE id = $1', [
      row.id,
      member.id,
    ]);
    await tx.query('DELETE FROM member_messages WHERE enrolment_id = $1', [row.id]);
    await markSeen(tx, device.storeId, member.id, now);
    return { member: toMemberWire(member, await readMemberSettings(tx), device.storeId) };
  });
  if ('refuse' in outcome) throw outcome.refuse;
  return outcome.member;
}

/** Admin: the messages the platform would have sent and that are still good, newest first. */
export async function pendingMessages(sql: Sql, now: number): Promise<MemberMessage[]> {
  const rows = await sql.query<{ id: string; phone: string; text: string; created_at: number; expires_at: number }>(
    'SELECT id, phone, text, created_at, expires_at FROM member_messages WHERE expires_at > $1 ORDER BY created_at DESC LIMIT 100',
    [now],
  );
  return rows.map((r) => ({
    id: r.id,
    phone: r.phone,
    text: r.text,
    createdAt: r.created_at,
    expiresAt: r.expires_at,
  }));
}
