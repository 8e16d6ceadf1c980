import { beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from '../../shared/ids';
import { decimalForm, decodeVoucher } from '../../shared/vouchers/cp1';
import { hostileString, seededRandom } from '../support/random';
import { backends, usePlatform } from './support/backends';
import { Till } from './support/clients';
import { createCampaign, issue } from './support/vouchers';

const CASES = 10_000;
const IN_FLIGHT = 8;
const BASE45 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:';

type Case = { body: unknown; id: string };

describe.each(backends)('redemption endpoint fuzz on $name', (backend) => {
  const get = usePlatform(backend);
  let till: Till;
  let valid: string[];
  const originals = new Set<string>();

  beforeAll(async () => {
    const storeId = (await get().admin.createStore('Fuzz')).storeId;
    till = await Till.pair(get().url, (await get().admin.pairingCode(storeId)).code);
    const campaign = await createCampaign(get().admin, { storeId, rules: { offlineAllowed: true } });
    valid = (await issue(get().admin, campaign, 20)).map((voucher) => voucher.code);
    for (const code of valid) originals.add(fingerprint(code) as string);
  });

  /** The bytes a code stands for; two spellings of one voucher (QR, decimal, lower case) agree. */
  function fingerprint(code: unknown): string | null {
    if (typeof code !== 'string') return null;
    const decoded = decodeVoucher(code);
    if (!decoded.ok) return null;
    return Buffer.concat([decoded.voucher.signed, decoded.voucher.signature]).toString('hex');
  }

  function mutate(random: ReturnType<typeof seededRandom>, code: string): string {
    const at = random.int(code.length);
    switch (random.int(9)) {
      case 0:
        return code.slice(0, at) + random.pick([...BASE45]) + code.slice(at + 1);
      case 1:
        return code.slice(0, at) + random.pick([...BASE45]) + code.slice(at);
      case 2:
        return code.slice(0, at) + code.slice(at + 1);
      case 3:
        return code.slice(0, at);
      case 4: {
        const decoded = decodeVoucher(code);
        if (!decoded.ok) return code;
        const digits = decimalForm(decoded.voucher.signed, decoded.voucher.signature);
        const spot = 1 + random.int(digits.length - 1);
        // Untouched half the time: the decimal form of a valid voucher is that voucher.
        return random.next() < 0.5 ? digits : digits.slice(0, spot) + String(random.int(10)) + digits.slice(spot + 1);
      }
      case 5:
        return code.slice(0, at) + hostileString(random, 3) + code.slice(at);
      case 6:
        return code.slice(0, at) + String.fromCharCode(random.int(32)) + code.slice(at);
      case 7:
        return random.next() < 0.5 ? code.toLowerCase() : `${code}\n`;
      default:
        return code.repeat(1 + random.int(20));
    }
  }

  function randomBody(random: ReturnType<typeof seededRandom>, id: string): unknown {
    const base = { id, deviceId: till.deviceId, orderId: uuidv7(), amount: 500, mode: 'hold' };
    switch (random.int(10)) {
      case 0:
        return { ...base, code: hostileString(random) };
      case 1:
        return { ...base, code: `CP1:${hostileString(random)}` };
      case 2:
        return {
          ...base,
          code: `9${String(random.next())
            .slice(2)
            .repeat(1 + random.int(30))}`,
        };
      case 3:
        return { ...base, code: 'X'.repeat(1 + random.int(5_000)) };
      case 4:
        return random.pick([
          null,
          [],
          'text',
          42,
          { id },
          { ...base, code: 7 },
          { ...base, amount: -1, code: valid[0] },
        ]);
      case 5:
        return { ...base, code: random.pick(valid), mode: random.pick(['grab', '', null]) };
      case 6:
        return { ...base, code: random.pick(valid), amount: random.pick([1.5, '500', 2 ** 60]) };
      default:
        return { ...base, code: mutate(random, random.pick(valid)) };
    }
  }

  it(`never breaks and never accepts a changed voucher (${CASES} cases)`, async () => {
    const random = seededRandom(20_251_127);
    const cases: Case[] = Array.from({ length: CASES }, () => {
      const id = uuidv7();
      return { id, body: randomBody(random, id) };
    });
    const accepted: string[] = [];
    const failures: string[] = [];
    const seen = new Set<string>();
    let next = 0;
    async function worker() {
      while (next < cases.length) {
        const { id, body } = cases[next++];
        const answer = await till.signed('POST', '/v1/redemptions', body, { headers: { 'idempotency-key': id } });
        const code = (body as { code?: unknown } | null)?.code;
        if (answer.status >= 500) failures.push(`5xx for ${JSON.stringify(body).slice(0, 200)}`);
        if (answer.status === 200) {
          const print = fingerprint(code);
          if (!print || !originals.has(print)) failures.push(`accepted a changed code ${JSON.stringify(code)}`);
          accepted.push(print as string);
        }
        const refusal = (answer.body as { error?: { code?: string } } | null)?.error?.code;
        if (answer.status !== 200 && refusal === undefined) failures.push(`a refusal without a code: ${answer.status}`);
        if (refusal) seen.add(refusal);
      }
    }
    await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
    expect(failures.slice(0, 5)).toEqual([]);
    // Each voucher is held once at most, whatever form it came in.
    expect(new Set(accepted).size).toBe(accepted.length);
    expect(accepted.length).toBeGreaterThan(0);
    // The cases reached every layer: body checks, the envelope, the signature, the voucher's state.
    expect([...seen]).toEqual(
      expect.arrayContaining([
        'request_invalid',
        'voucher_not_a_voucher',
        'voucher_damaged',
        'voucher_bad_signature',
        'voucher_held',
      ]),
    );
  }, 600_000);
});
