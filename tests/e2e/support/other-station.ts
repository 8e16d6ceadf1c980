import { demoStaff } from '../../../electron/core/demo/demo-store';
import type { Envelope } from '../../../shared/contract';
import { type Caller, expectOk } from '../../support/callers';
import { openShift } from '../../support/till';

/**
 * Another station of the same till, through the browser host's API (its token, a session of its
 * own), signed in as one of the demo's people with a shift open: what it does, the screen under
 * test learns only from the core's pushes.
 */
export async function otherStation(
  hostUrl: string,
  role: 'cashier' | 'manager',
): Promise<{ call: Caller; token: string }> {
  const url = new URL(hostUrl);
  const hostToken = url.searchParams.get('token') ?? '';
  const call: Caller = async ({ method, ...body }) => {
    const response = await fetch(`${url.origin}/api/${encodeURIComponent(method)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-counter-token': hostToken },
      body: JSON.stringify(body),
    });
    return (await response.json()) as Envelope<unknown>;
  };
  const { staff } = expectOk<{ staff: { id: string; name: string }[] }>(
    await call({ method: 'staff.signInOptions', input: {} }),
  );
  const person = demoStaff.find((member) => member.role === role);
  const id = staff.find((member) => member.name === person?.name['zh-CN'])?.id;
  const { sessionToken } = expectOk<{ sessionToken: string }>(
    await call({ method: 'staff.signIn', input: { staffId: id, pin: person?.pin } }),
  );
  await openShift(call, sessionToken);
  return { call, token: sessionToken };
}
