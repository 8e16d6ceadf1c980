import { createHmac } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import { verifyAudit } from '../../electron/core/audit/audit-chain';
import { openCounterCore } from '../../electron/core/counter-core';
import { tempDir } from '../support/temp-dir';

type Person = { id: string; role: string; demoPin: string; name: string };

function coreWithHistory() {
  const core = openCounterCore({ dataDir: tempDir() });
  core.dispatch({ method: 'store.createDemo', input: {} });
  const options = core.dispatch({ method: 'staff.signInOptions', input: {} });
  if (!options.ok) throw new Error('no staff');
  const staff = (options.value as { staff: Person[] }).staff;
  const tokens = new Map<string, string>();
  for (const person of staff) {
    const signIn = core.dispatch({ method: 'staff.signIn', input: { staffId: person.id, pin: person.demoPin } });
    if (signIn.ok) tokens.set(person.role, (signIn.value as { sessionToken: string }).sessionToken);
  }
  return { core, staff, tokens };
}

describe('the audit hash chain', () => {
  let fixture: ReturnType<typeof coreWithHistory>;
  beforeEach(() => {
    fixture = coreWithHistory();
    return () => fixture.core.close();
  });
  const db = () => fixture.core.environment.db;
  const verify = () => verifyAudit(db(), fixture.core.environment.auditKey);
  const count = (table: string) => (db().prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

  it('verifies an untouched history', () => {
    expect(verify()).toMatchObject({ ok: true, entries: 5 });
  });

  it('finds an entry whose detail was edited', () => {
    db().prepare(`UPDATE audit_log SET detail = '{"event":"signed_in","role":"owner"}' WHERE seq = 3`).run();
    expect(verify()).toEqual({ ok: false, entries: 2, problem: 'edited', atSeq: 3 });
  });

  it('finds a rewrite whose hashes were all recomputed by someone without the device secret', () => {
    db().prepare("UPDATE audit_log SET staff_name = 'someone else' WHERE seq = 2").run();
    const rows = db().prepare('SELECT * FROM audit_log ORDER BY seq').all() as Record<string, unknown>[];
    let prev = rows[0].hash as string;
    const guessedKey = Buffer.alloc(32, 7);
    for (const row of rows.slice(1)) {
      const fields = [
        'seq',
        'at',
        'action',
        'staff_id',
        'staff_name',
        'approver_id',
        'approver_name',
        'subject',
        'detail',
      ];
      const hash = createHmac('sha256', guessedKey)
        .update(prev)
        .update(JSON.stringify(fields.map((f) => row[f])))
        .digest('hex');
      db().prepare('UPDATE audit_log SET prev_hash = ?, hash = ? WHERE seq = ?').run(prev, hash, row.seq);
      prev = hash;
    }
    db().prepare('UPDATE audit_head SET hash = ?').run(prev);
    expect(verify()).toMatchObject({ ok: false, problem: 'edited', atSeq: 2 });
  });

  it('finds an entry removed from the middle', () => {
    db().prepare('DELETE FROM audit_log WHERE seq = 2').run();
    expect(verify()).toEqual({ ok: false, entries: 1, problem: 'missing', atSeq: 2 });
  });

  it('finds the newest entries cut off the end', () => {
    db().prepare('DELETE FROM audit_log WHERE seq >= 4').run();
    expect(verify()).toEqual({ ok: false, entries: 3, problem: 'truncated', atSeq: 4 });
  });

  it('finds a history wiped together with its head', () => {
    db().exec('DELETE FROM audit_log; DELETE FROM audit_head;');
    expect(verify()).toEqual({ ok: false, entries: 0, problem: 'truncated', atSeq: 1 });
  });

  it('writes nothing, not even the entry, when a change is refused half-way', () => {
    const owner = fixture.staff.find((p) => p.role === 'owner')!;
    const before = { audit: count('audit_log'), staff: db().prepare('SELECT * FROM staff ORDER BY id').all() };
    // The role is written, then the last-owner rule refuses: the write and its entry roll back together.
    const result = fixture.core.dispatch({
      method: 'staff.update',
      input: { id: owner.id, role: 'cashier', name: 'Renamed' },
      sessionToken: fixture.tokens.get('owner'),
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'last_owner' } });
    expect(count('audit_log')).toBe(before.audit);
    expect(db().prepare('SELECT * FROM staff ORDER BY id').all()).toEqual(before.staff);
  });

  it('records wrong PINs as their own entries even though the sign-in is refused', () => {
    const staff = fixture.staff[0];
    fixture.core.dispatch({ method: 'staff.signIn', input: { staffId: staff.id, pin: '0000' } });
    const last = db().prepare('SELECT action, subject FROM audit_log ORDER BY seq DESC LIMIT 1').get();
    expect(last).toEqual({ action: 'staff.pinRefused', subject: `staff:${staff.id}` });
    expect(verify().ok).toBe(true);
  });
});
