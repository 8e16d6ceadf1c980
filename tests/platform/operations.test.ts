import { describe, expect, it } from 'vitest';
import { backends, usePlatform } from './support/backends';
import { product, Till } from './support/clients';
import { orderPaid } from './support/payloads';

describe.each(backends)('running the platform, on $name', (backend) => {
  const get = usePlatform(backend);

  it('says it is alive and ready, and gives every answer a request id', async () => {
    const { url } = get();
    expect(await (await fetch(`${url}/v1/health`)).json()).toEqual({ ok: true });
    const ready = await fetch(`${url}/v1/ready`, { headers: { 'x-request-id': 'lb-42.a' } });
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ ready: true });
    // A load balancer's id is kept; one that is not a plain token is replaced, never echoed.
    expect(ready.headers.get('x-request-id')).toBe('lb-42.a');
    const odd = await fetch(`${url}/v1/health`, { headers: { 'x-request-id': `a b${'c'.repeat(80)}` } });
    expect(odd.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('counts pushes by type and outcome, pulls and database time for the operator only', async () => {
    const { url, admin } = get();
    expect((await fetch(`${url}/metrics`)).status).toBe(401);
    await admin.products([product('M-1')]);
    const till = await Till.pair(url, (await admin.createStore('指标店')).pairingCode);
    const sale = till.next('order.paid', orderPaid({ sku: 'M-1' }));
    await till.push([sale]);
    // The same sale again under a new sequence number: taken once, answered as a duplicate.
    await till.push([till.next('order.paid', sale.payload, sale.id)]);
    await till.pull('catalog');
    const scrape = await fetch(`${url}/metrics`, { headers: { authorization: `Bearer ${admin.token}` } });
    const text = await scrape.text();
    expect(text).toContain('counter_platform_pushed_records_total{type="order.paid",status="APPLIED"} 1');
    expect(text).toContain('counter_platform_pushed_records_total{type="order.paid",status="DUPLICATE"} 1');
    expect(text).toContain('counter_platform_pulls_total{stream="catalog"} 1');
    expect(text).toMatch(/counter_platform_database_seconds_count\{kind="transaction"\} [1-9]/);
    expect(text).toMatch(
      /counter_platform_request_seconds_count\{route="\/v1\/sync\/push",method="POST",status="200"\} 2/,
    );
    expect(text).toContain('counter_platform_process_resident_memory_bytes');
  });
});
