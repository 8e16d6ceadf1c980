import { demoStaff } from '../../electron/core/demo/demo-store';
import type { Role } from '../../shared/roles';
import { type Caller, expectOk } from './callers';

export type DemoPerson = { id: string; name: string; role: Role; pin: string };

/** Fills the demo store and returns its staff with their PINs. */
export async function createDemo(call: Caller): Promise<Record<'owner' | 'manager' | 'cashier', DemoPerson>> {
  expectOk(await call({ method: 'store.createDemo', input: { locale: 'zh-CN' } }));
  const { staff } = expectOk<{ staff: { id: string; name: string; role: Role }[] }>(
    await call({ method: 'staff.signInOptions', input: {} }),
  );
  const person = (role: Role): DemoPerson => {
    const found = staff.find((member) => member.role === role);
    const pin = demoStaff.find((member) => member.role === role)?.pin;
    if (!found || !pin) throw new Error(`demo store has no ${role}`);
    return { ...found, pin };
  };
  return { owner: person('owner'), manager: person('manager'), cashier: person('cashier') };
}

export async function signIn(call: Caller, person: DemoPerson): Promise<string> {
  const { sessionToken } = expectOk<{ sessionToken: string }>(
    await call({ method: 'staff.signIn', input: { staffId: person.id, pin: person.pin } }),
  );
  return sessionToken;
}
