import { describe, expect, it } from 'vitest';
import { errorMessage } from '../../shared/errors';
import { MobilePhone, maskPhone, type PhoneRefusal, parseMobilePhone } from '../../shared/members/phone';
import { hostileString, seededRandom } from '../support/random';

const reason = (text: string) => {
  const parsed = parseMobilePhone(text);
  return parsed.ok ? parsed.phone : parsed.reason;
};

describe('a mainland mobile number', () => {
  it('reads the ways people type and paste one', () => {
    for (const typed of [
      '13812345678',
      '138 1234 5678',
      '138-1234-5678',
      ' 138 - 1234 - 5678 ',
      '+86 138 1234 5678',
      '+8613812345678',
      '86 13812345678',
      '0086-138-1234-5678',
      '１３８１２３４５６７８',
      '＋８６\u3000138 1234 5678',
    ]) {
      expect(reason(typed), typed).toBe('13812345678');
    }
  });

  it('refuses each kind of wrong number with its own reason', () => {
    const cases: [string, PhoneRefusal][] = [
      ['', 'phone_empty'],
      [' - ', 'phone_empty'],
      ['1'.repeat(33), 'phone_too_long'],
      ['138 1234 567a', 'phone_characters'],
      ['(138) 1234 5678', 'phone_characters'],
      ['138+12345678', 'phone_characters'],
      ['+1 415 555 0100', 'phone_characters'],
      ['1381234567', 'phone_length'],
      ['138123456789', 'phone_length'],
      ['8613812345678 0', 'phone_length'],
      ['12812345678', 'phone_not_mobile'],
      ['23812345678', 'phone_not_mobile'],
      ['+86 10 1234 5678', 'phone_length'],
      ['+86 128 1234 5678', 'phone_not_mobile'],
    ];
    for (const [typed, why] of cases) expect(reason(typed), typed).toBe(why);
  });

  it('has a message for every refusal in both languages', () => {
    const reasons: PhoneRefusal[] = [
      'phone_empty',
      'phone_too_long',
      'phone_characters',
      'phone_length',
      'phone_not_mobile',
    ];
    for (const why of reasons) {
      expect(errorMessage(`member_${why}`, {}, 'en')).toMatch(/^[A-Z].+\.$/);
      expect(errorMessage(`member_${why}`, {}, 'zh-CN')).toMatch(/。$/);
    }
  });

  it('is masked on screens and receipts as 138****5678', () => {
    expect(maskPhone(MobilePhone.parse('13812345678'))).toBe('138****5678');
  });

  it('never throws and accepts only 11-digit mobile numbers: 10,000 random and mutated texts', () => {
    const random = seededRandom(8613);
    const pieces = ['+86', '86', '0086', ' ', '-', '１', '３', '\u3000', '+', '138', '1234', '5678', '0', '9'];
    for (let i = 0; i < 10_000; i++) {
      const roll = random.next();
      const text =
        roll < 0.4
          ? Array.from({ length: 1 + random.int(8) }, () => random.pick(pieces)).join('')
          : roll < 0.7
            ? Array.from({ length: random.int(20) }, () => String(random.int(10))).join('')
            : hostileString(random);
      const parsed = parseMobilePhone(text);
      if (!parsed.ok) continue;
      expect(parsed.phone).toMatch(/^1[3-9]\d{9}$/);
      // What was read is what the digits said, with only separators and a country code around it.
      expect(text.normalize('NFKC').replace(/\D/g, '').endsWith(parsed.phone)).toBe(true);
      expect(parseMobilePhone(parsed.phone)).toEqual(parsed);
    }
  });
});
