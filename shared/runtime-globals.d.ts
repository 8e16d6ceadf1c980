/**
 * shared/ is type-checked without DOM or Node types, so it can only use what every runtime has.
 * Web Crypto's random source is one of those (browsers, Node 19+, Electron).
 */
declare const crypto: { getRandomValues<T extends Uint8Array>(array: T): T };

/** WHATWG URL parsing, present in browsers, Node 19.9+ and Electron. */
declare const URL: { canParse(url: string, base?: string): boolean };
