/**
 * What the pickup field read, as the core should see it. A Chinese input method types full-width
 * digits and colons (１２３４５６, CPK1：…), and people type the code in groups ("123 456"); the
 * core wants plain ASCII. Everything else, including the `CPK1:` prefix, goes on as it came.
 */
export function normalisePickupText(text: string): string {
  return text
    .replace(/[\uFF01-\uFF5E]/g, (char) => String.fromCharCode(char.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u3000]+/g, '');
}

const pickupPattern = /^(?:CPK1:)?(\d{6})$/i;

/** The six digits of a scanned `CPK1:123456` or typed `123456`, or null when it is neither. */
export function pickupDigits(text: string): string | null {
  return pickupPattern.exec(normalisePickupText(text))?.[1] ?? null;
}

/**
 * The orders a half-typed code could be: digits typed so far that start a pickup code. Fewer than
 * two digits match too many orders to help, so nothing is picked out until then.
 */
export function matchesTypedCode(pickupCode: string, typed: string): boolean {
  const digits = normalisePickupText(typed).replace(/^CPK1:/i, '');
  return digits.length >= 2 && /^\d+$/.test(digits) && pickupCode.startsWith(digits);
}
