import type { Database } from 'better-sqlite3';
import type { StaffInfo } from '../../../shared/contract/staff';
import type { StaffId } from '../../../shared/ids';
import type { Role } from '../../../shared/roles';
import { namedStatements } from '../db/open-database';

export type StaffRow = {
  id: StaffId;
  name: string;
  role: Role;
  pin_hash: Buffer;
  pin_salt: Buffer;
  demo_pin: string | null;
  active: number;
};

/** "Not found: staff member" in both languages. */
export const staffText = { en: 'staff member', 'zh-CN': '员工' };

export const staffStatements = namedStatements({
  byId: 'SELECT * FROM staff WHERE id = ?',
  all: 'SELECT * FROM staff ORDER BY active DESC, role DESC, name',
  activeForSignIn: `SELECT * FROM staff WHERE active = 1
    ORDER BY CASE role WHEN 'cashier' THEN 0 WHEN 'manager' THEN 1 ELSE 2 END, name`,
  insert: `INSERT INTO staff (id, name, role, pin_hash, pin_salt, demo_pin, active, created_at, updated_at)
           VALUES (@id, @name, @role, @pinHash, @pinSalt, @demoPin, 1, @now, @now)`,
  update: `UPDATE staff SET name = @name, role = @role, active = @active, updated_at = @now WHERE id = @id`,
  setPin: `UPDATE staff SET pin_hash = @pinHash, pin_salt = @pinSalt, demo_pin = NULL, updated_at = @now
           WHERE id = @id`,
  activeOwners: "SELECT count(*) AS n FROM staff WHERE role = 'owner' AND active = 1",
});

export function findStaff(db: Database, id: string): StaffRow | undefined {
  return staffStatements(db).byId.get(id) as StaffRow | undefined;
}

export function toStaffInfo(row: StaffRow): StaffInfo {
  return { id: row.id, name: row.name, role: row.role, active: row.active === 1 };
}
