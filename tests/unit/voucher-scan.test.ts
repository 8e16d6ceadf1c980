import { describe, expect, it } from 'vitest';
import { readScanBurst } from '../../renderer/hooks/use-wedge-scanner';
import { cameraProblem, pickCamera } from '../../renderer/vouchers/camera-choice';
import {
  manualVoucherCode,
  searchText,
  tidyVoucherText,
  voucherFromScanField,
} from '../../renderer/vouchers/voucher-entry-text';
import { decimalForm, decodeVoucher, encodeVoucher, voucherBytes } from '../../shared/vouchers/cp1';

/** A CP1 code with a made-up signature: enough for the envelope, which is all the scan field reads. */
function sampleCode() {
  const signed = voucherBytes({
    kid: 3,
    voucherId: '0123456789abcdef01234567',
    campaignId: 12,
    type: 'cash_off',
    value: 1_000,
    notBefore: 1_790_000_000,
    expires: 1_800_000_000,
    storeScope: 1,
    flags: 1,
    nonce: null,
  });
  const signature = new Uint8Array(64).fill(7);
  return { qr: encodeVoucher(signed, signature), decimal: decimalForm(signed, signature) };
}

/** A wedge scanner typing `text` 4 ms a key, then Enter. */
function wedge(text: string) {
  const strokes = [...text].map((key, i) => ({ key, at: 1_000 + i * 4 }));
  return readScanBurst(strokes, (strokes.at(-1)?.at ?? 1_000) + 4);
}

describe('one scan field for products and vouchers', () => {
  const { qr, decimal } = sampleCode();

  it('reads a whole voucher a wedge typed, its decimal form too, without cutting it', () => {
    expect(qr.length).toBeGreaterThan(120);
    expect(decimal.length).toBeGreaterThan(200);
    const scanned = wedge(qr);
    expect(scanned).toBe(qr);
    expect(voucherFromScanField(qr, scanned)).toBe(qr);
    expect(decodeVoucher(voucherFromScanField(decimal, wedge(decimal)) ?? '').ok).toBe(true);
  });

  it('keeps a scanned voucher a voucher when caps lock made it lower case or a Tab ended it', () => {
    const lower = qr.toLowerCase();
    expect(voucherFromScanField(lower, wedge(lower))).toBe(lower);
    expect(voucherFromScanField(`${qr}\t`, null)).toBe(qr);
  });

  it('leaves product barcodes, SKUs and searches to the product path', () => {
    expect(voucherFromScanField('6921168478354', '6921168478354')).toBeNull();
    expect(voucherFromScanField('DRK-0001', null)).toBeNull();
    expect(voucherFromScanField('milk', null)).toBeNull();
    expect(voucherFromScanField('', null)).toBeNull();
  });

  it('reads the whole voucher from the field when a stall made the burst start late', () => {
    const late = qr.slice(30);
    expect(voucherFromScanField(qr, late)).toBe(qr);
    expect(voucherFromScanField(`milk${qr}`, late)).toBe(qr);
  });

  it('drops stray spaces around a code: Base45 never ends in one', () => {
    expect(tidyVoucherText(`  ${qr}  \r\n`)).toBe(qr);
    expect(voucherFromScanField(`${qr} `, null)).toBe(qr);
  });

  it('a pasted voucher is a voucher too, though no scanner typed it', () => {
    expect(voucherFromScanField(`  ${qr} `, null)).toBe(qr);
  });

  it('never searches the catalog for a voucher or a member code being typed in', () => {
    expect(searchText(qr)).toBe('');
    expect(searchText(decimal)).toBe('');
    expect(searchText('MC1:6BFOXN*TS0BI$ZDFRH')).toBe('');
    expect(searchText('mc1:6bf')).toBe('');
    expect(searchText('milk')).toBe('milk');
    expect(searchText('6921168478354')).toBe('6921168478354');
  });
});

describe('typing a voucher code by hand', () => {
  it('reads the 24-character id printed under the QR, however it was grouped', () => {
    expect(manualVoucherCode('0123 4567 89AB CDEF 0123 4567')).toBe('0123456789abcdef01234567');
    expect(manualVoucherCode('0123-4567-89ab-cdef-0123-4567')).toBe('0123456789abcdef01234567');
  });

  it('keeps a pasted full code as it is, Base45 spaces and all', () => {
    const { qr } = sampleCode();
    expect(manualVoucherCode(` ${qr}\n`)).toBe(qr);
  });

  it('passes a short numeric group-buy code on without its spaces, and refuses nothing typed', () => {
    expect(manualVoucherCode('8812 3456 77')).toBe('8812345677');
    expect(manualVoucherCode('   ')).toBeNull();
  });
});

describe('the camera', () => {
  const cameras = [
    { id: 'front', label: 'Integrated Camera' },
    { id: 'usb', label: 'USB Scanner Cam' },
  ];

  it('uses the camera chosen in Settings while it is plugged in, else the first one', () => {
    expect(pickCamera(cameras, 'usb')?.id).toBe('usb');
    expect(pickCamera(cameras, 'gone')?.id).toBe('front');
    expect(pickCamera(cameras, null)?.id).toBe('front');
    expect(pickCamera([], 'usb')).toBeNull();
  });

  it('tells a refused permission from a missing or busy camera', () => {
    expect(cameraProblem(new DOMException('Permission denied', 'NotAllowedError'))).toBe('denied');
    expect(cameraProblem('NotAllowedError: Permission denied')).toBe('denied');
    expect(cameraProblem(new DOMException('Requested device not found', 'NotFoundError'))).toBe('none');
    expect(cameraProblem(new DOMException('Could not start video source', 'NotReadableError'))).toBe('busy');
    expect(cameraProblem(new Error('something else'))).toBe('failed');
  });
});
