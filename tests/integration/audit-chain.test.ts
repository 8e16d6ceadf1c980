import { beforeEach, describe, expect, it } from 'vitest';
import { verifyAudit } from '../../electron/core/audit/audit-chain';
import { openCounterCore } from '../../electron/core/counter-core';
import { tempDir } from '../support/temp-dir';

function coreWithHistory() {
  const core = openCounterCore({ dataDir: tempDir() });
  core.dispatch({ method: 'store.createDemo', input: {} });
  const options = core.dispatch({ method: 'staff.signInOptions', input: {} });
  if (!options.ok) throw new Error('no staff');
  const staff = (options.value as { staff: { id: string; role: string; demoPin: string }[] }).staff;
  for (const person of staff) {
    core.dispatch({ method: 'staff.signIn', input: { staffId: person.id, pin: person.demoPin } });
  }
  return core;
}

describe('the audit hash chain', () => {
  let core: ReturnType<typeof coreWithHistory>;
  beforeEach(() => {
    core = coreWithHistory();
    return () => core.close();
  });
  const db = () => core.environment.db;

  it('verifies an untouched history', () => {
    expect(verifyAudit(db())).toMatchObject({ ok: true, entries: 5 });
  });

  it('finds an entry whose detail was edited', () => {
    db().prepare(`UPDATE audit_log SET detail = '{"event":"signed_in","role":"owner"}' WHERE seq = 3`).run();
    expect(verifyAudit(db())).toEqual({ ok: false, entries: 2, problem: 'edited', atSeq: 3 });
  });

  it('finds an edit even when the attacker recomputes that entry’s own hash', () => {
    db().prepare("UPDATE audit_log SET staff_name = 'someone else', hash = prev_hash WHERE seq = 2").run();
    expect(verifyAudit(db())).toMatchObject({ ok: false, problem: 'edited', atSeq: 2 });
  });

  it('finds an entry removed from the middle', () => {
    db().prepare('DELETE FROM audit_log WHERE seq = 2').run();
    expect(verifyAudit(db())).toEqual({ ok: false, entries: 1, problem: 'missing', atSeq: 2 });
  });

  it('finds the newest entries cut off the end', () => {
    db().prepare('DELETE FROM audit_log WHERE seq >= 4').run();
    expect(verifyAudit(db())).toEqual({ ok: false, entries: 3, problem: 'truncated', atSeq: 4 });
  });

  it('writes the entry in the same transaction as the change it records', () => {
    const before = (db().prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;
    const refused = core.dispatch({ method: 'store.createDemo', input: {} });
    expect(refused.ok).toBe(false);
    expect((db().prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n).toBe(before);
  });

  it('records wrong PINs as their own entries even though the sign-in is refused', () => {
    const options = core.dispatch({ method: 'staff.signInOptions', input: {} });
    const staff = (options.ok ? (options.value as { staff: { id: string }[] }).staff : [])[0];
    core.dispatch({ method: 'staff.signIn', input: { staffId: staff.id, pin: '0000' } });
    const last = db().prepare('SELECT action, subject FROM audit_log ORDER BY seq DESC LIMIT 1').get();
    expect(last).toEqual({ action: 'staff.pinRefused', subject: `staff:${staff.id}` });
    expect(verifyAudit(db()).ok).toBe(true);
  });
});
