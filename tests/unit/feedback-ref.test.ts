import { generateKeyPairSync, sign, verify } from 'node:crypto';
import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import {
  decodeFeedbackRef,
  encodeFeedbackRef,
  feedbackSigned,
  feedbackUrl,
  uuidv7Time,
} from '../../shared/feedback/feedback-ref';
import { bandOf, countScores, npsOf } from '../../shared/feedback/nps';
import { uuidv7 } from '../../shared/ids';
import { seededRandom } from '../../shared/seeded-random';

const { privateKey, publicKey } = generateKeyPairSync('ed25519');

function reference(deviceId = uuidv7(), orderId = uuidv7()) {
  const claim = { deviceId, orderId };
  return { claim, text: encodeFeedbackRef(claim, sign(null, feedbackSigned(claim), privateKey)) };
}

describe('the receipt’s order reference', () => {
  it('round-trips the device and order and verifies only with the signing key', () => {
    const { claim, text } = reference();
    expect(text).toMatch(/^[1-9]\d{233}$/);
    const decoded = decodeFeedbackRef(text);
    expect(decoded).toMatchObject(claim);
    expect(verify(null, decoded?.signed ?? new Uint8Array(), publicKey, decoded?.signature ?? new Uint8Array())).toBe(
      true,
    );
  });

  it('fits a version-8 QR code at level M with a real platform address', () => {
    const url = feedbackUrl('https://counter-platform.example.com/', reference().text);
    expect(url).toMatch(/^https:\/\/counter-platform\.example\.com\/f\/\d{234}$/);
    expect(QRCode.create(url, { errorCorrectionLevel: 'M' }).version).toBeLessThanOrEqual(8);
  });

  it('decodes no other spelling, and nothing that is not exactly one reference', () => {
    const { text } = reference();
    for (const bad of ['', '0', `0${text}`, `${text}0`, text.slice(1), 'abc', '9'.repeat(301), `${text} `]) {
      expect([bad, decodeFeedbackRef(bad)]).toEqual([bad, null]);
    }
  });

  it('never verifies a changed digit: 2,000 mutations, none accepted', () => {
    const { text } = reference();
    const random = seededRandom(15);
    for (let i = 0; i < 2_000; i += 1) {
      const at = random.int(text.length);
      const digit = String((Number(text[at]) + 1 + random.int(9)) % 10);
      const mutated = text.slice(0, at) + digit + text.slice(at + 1);
      const decoded = decodeFeedbackRef(mutated);
      const ok = decoded !== null && verify(null, decoded.signed, publicKey, decoded.signature);
      expect([mutated, ok]).toEqual([mutated, false]);
    }
  });

  it('reads when an order id was minted, and nothing from a non-v7 id', () => {
    expect(uuidv7Time(uuidv7(1_796_622_293_432))).toBe(1_796_622_293_432);
    expect(uuidv7Time('01234567-89ab-4def-8123-456789abcdef')).toBeNull();
  });
});

describe('NPS', () => {
  it('is % promoters − % detractors, rounded half away from zero, flagged under 30 answers', () => {
    expect(bandOf(6)).toBe('detractor');
    expect(bandOf(7)).toBe('passive');
    expect(bandOf(9)).toBe('promoter');
    expect(npsOf(countScores([]))).toMatchObject({ answers: 0, nps: null, fewAnswers: true });
    expect(npsOf(countScores([10, 9, 8, 0]))).toMatchObject({ promoters: 2, passives: 1, detractors: 1, nps: 25 });
    // 1 of 8 is 12.5 → 13; −12.5 → −13; 0 stays 0 (never −0).
    expect(npsOf(countScores([10, 7, 7, 7, 7, 7, 7, 7])).nps).toBe(13);
    expect(npsOf(countScores([0, 7, 7, 7, 7, 7, 7, 7])).nps).toBe(-13);
    expect(Object.is(npsOf(countScores([10, 0])).nps, 0)).toBe(true);
    const thirty = countScores(Array.from({ length: 30 }, (_, i) => i % 11));
    expect(npsOf(thirty).fewAnswers).toBe(false);
    expect(npsOf(countScores(Array.from({ length: 29 }, () => 10)))).toMatchObject({ nps: 100, fewAnswers: true });
  });
});
