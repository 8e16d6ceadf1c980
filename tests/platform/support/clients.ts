import { type DeviceKey, generateDeviceKey, signRequest } from '../../../electron/core/sync/request-signing';
import { uuidv7 } from '../../../shared/ids';
import type { MutationType } from '../../../shared/sync/mutations';
import { PairResponse, PullResponse, PushResponse } from '../../../shared/sync/wire';

export type Answer = { status: number; body: unknown };

async function answer(response: Response): Promise<Answer> {
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}

/** The admin API as an operator's tool calls it. */
export class AdminClient {
  constructor(
    readonly url: string,
    readonly token: string,
  ) {}

  async call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Answer> {
    const response = await fetch(this.url + path, {
      method,
      headers: {
        authorization: `Bearer ${this.token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return answer(response);
  }

  /** Like `call`, but a refusal fails the test with the platform's own words. */
  async ok<T = unknown>(method: string, path: string, body?: unknown): Promise<T> {
    const result = await this.call(method, path, body);
    if (result.status >= 300) throw new Error(`${method} ${path} → ${result.status} ${JSON.stringify(result.body)}`);
    return result.body as T;
  }

  createStore(
    name: string,
  ): Promise<{ storeId: string; name: string; pairingCode: string; pairingCodeExpiresAt: number }> {
    return this.ok('POST', '/v1/admin/stores', { name });
  }

  pairingCode(storeId: string): Promise<{ code: string; expiresAt: number }> {
    return this.ok('POST', `/v1/admin/stores/${storeId}/pairing-codes`);
  }

  products(items: ReturnType<typeof product>[]): Promise<{ upserted: number; version: number }> {
    return this.ok('PUT', '/v1/admin/catalog/products', { items });
  }

  records(storeId: string): Promise<StoreRecords> {
    return this.ok('GET', `/v1/admin/stores/${storeId}/records`);
  }

  placeOnlineOrder(storeId: string, items: { sku: string; quantity: number }[], extra: Record<string, unknown> = {}) {
    return this.call('POST', '/v1/online-orders', { storeId, channel: 'online_pickup', items, ...extra });
  }
}

export type StoreRecords = {
  orders: {
    id: string;
    number: string;
    channel: string;
    total: number;
    onlineOrderId: string | null;
    deviceId: string;
  }[];
  refunds: { id: string; orderId: string; amount: number }[];
  zReports: { shiftId: string; zNumber: number }[];
  stockMovements: { id: string; sku: string; kind: string; quantity: number }[];
  soldOut: string[];
  rejected: { seq: number; id: string; type: string; code: string }[];
  devices: { deviceId: string; deviceCode: string; lastSeq: number; auditHead: unknown }[];
};

/** A franchise product for the admin catalog API. */
export function product(
  sku: string,
  fields: Partial<{ price: number; active: boolean; listedOnline: boolean; unit: 'each' | 'kg' }> = {},
) {
  return {
    sku,
    barcodes: [`69${sku.replace(/\D/g, '').padStart(11, '0')}`],
    plu: null,
    nameZh: `商品${sku}`,
    nameEn: `Product ${sku}`,
    categoryZh: '饮料',
    categoryEn: 'Drinks',
    price: 300,
    taxRateBp: 1300,
    unit: 'each' as 'each' | 'kg',
    active: true,
    listedOnline: true,
    ...fields,
  };
}

export type Mutation = { seq: number; id: string; type: MutationType; payload: unknown; createdAt: number };

/** A paired till: its key, its sequence, and signed calls to the platform. */
export class Till {
  seq = 0;

  constructor(
    readonly url: string,
    readonly pairing: PairResponse,
    readonly key: DeviceKey,
  ) {}

  get deviceId(): string {
    return this.pairing.deviceId;
  }

  static async pair(url: string, code: string, deviceName = 'Till'): Promise<Till> {
    const { key } = generateDeviceKey();
    const result = await pairRequest(url, { code, publicKey: key.publicKeyBase64url, deviceName });
    if (result.status !== 200) throw new Error(`pairing refused: ${JSON.stringify(result.body)}`);
    return new Till(url, PairResponse.parse(result.body), key);
  }

  /** A mutation with the next seq; `id` defaults to a new business id. */
  next(type: MutationType, payload: unknown, id: string = uuidv7()): Mutation {
    this.seq += 1;
    return { seq: this.seq, id, type, payload, createdAt: Date.now() };
  }

  async signed(
    method: 'GET' | 'POST' | 'PUT',
    pathAndQuery: string,
    body?: unknown,
    options: { now?: number; signAs?: string; headers?: Record<string, string>; signal?: AbortSignal } = {},
  ): Promise<Answer> {
    const text = body === undefined ? '' : JSON.stringify(body);
    const headers = signRequest(
      { deviceId: options.signAs ?? this.deviceId, key: this.key, method, pathAndQuery, body: text },
      options.now,
    );
    const response = await fetch(this.url + pathAndQuery, {
      method,
      headers: { ...headers, ...(text ? { 'content-type': 'application/json' } : {}), ...options.headers },
      body: text || undefined,
      signal: options.signal,
    });
    return answer(response);
  }

  async push(mutations: Mutation[], auditHead: { seq: number; hash: string } | null = null): Promise<PushResponse> {
    const result = await this.signed('POST', '/v1/sync/push', { deviceId: this.deviceId, auditHead, mutations });
    if (result.status !== 200) throw new Error(`push refused: ${result.status} ${JSON.stringify(result.body)}`);
    return PushResponse.parse(result.body);
  }

  async pull(stream: string, cursor = '0', limit = 500): Promise<PullResponse> {
    const result = await this.signed('GET', `/v1/sync/pull?stream=${stream}&cursor=${cursor}&limit=${limit}`);
    if (result.status !== 200) throw new Error(`pull refused: ${result.status} ${JSON.stringify(result.body)}`);
    return PullResponse.parse(result.body);
  }

  /** Every change of a stream from `cursor` on, following pages. */
  async pullAll(
    stream: string,
    cursor = '0',
    limit = 500,
  ): Promise<{ changes: PullResponse['changes']; cursor: string }> {
    const changes: PullResponse['changes'] = [];
    let next = cursor;
    for (;;) {
      const page = await this.pull(stream, next, limit);
      changes.push(...page.changes);
      next = page.nextCursor;
      if (!page.hasMore) return { changes, cursor: next };
    }
  }
}

export async function pairRequest(url: string, body: unknown): Promise<Answer> {
  const response = await fetch(`${url}/v1/devices/pair`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return answer(response);
}
