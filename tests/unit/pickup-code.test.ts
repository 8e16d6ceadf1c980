import { describe, expect, it } from 'vitest';
import { matchesTypedCode, normalisePickupText, pickupDigits } from '../../renderer/screens/online/pickup-code';

describe('the pickup field', () => {
  it('reads a scanned QR and six typed digits alike', () => {
    expect(pickupDigits('CPK1:123456')).toBe('123456');
    expect(pickupDigits('cpk1:123456')).toBe('123456');
    expect(pickupDigits('123456')).toBe('123456');
    expect(pickupDigits('12345')).toBeNull();
    expect(pickupDigits('6901234567892')).toBeNull();
    expect(pickupDigits('CP1:abc')).toBeNull();
  });

  it('turns what a Chinese input method types into plain ASCII, and drops spaces', () => {
    expect(normalisePickupText('１２３４５６')).toBe('123456');
    expect(normalisePickupText('CPK1：123456')).toBe('CPK1:123456');
    expect(normalisePickupText(' 123 456\u3000')).toBe('123456');
    expect(pickupDigits('１２３ ４５６')).toBe('123456');
  });

  it('picks out the orders a half-typed code could be, once it narrows things down', () => {
    expect(matchesTypedCode('123456', '12')).toBe(true);
    expect(matchesTypedCode('123456', '1')).toBe(false);
    expect(matchesTypedCode('123456', '13')).toBe(false);
    expect(matchesTypedCode('123456', 'CPK1:1234')).toBe(true);
    expect(matchesTypedCode('123456', 'ab')).toBe(false);
  });
});
