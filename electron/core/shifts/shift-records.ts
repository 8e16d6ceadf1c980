import type { Database } from 'better-sqlite3';
import { type ShiftInfo, ShiftReport } from '../../../shared/contract/shifts';
import { AppError } from '../../../shared/errors';
import type { Money } from '../../../shared/money';
import { namedStatements } from '../db/open-database';
import { shiftDiscountsBySource } from './shift-report';

export type ShiftRow = {
  id: string;
  device_id: string;
  business_day: string;
  opened_by: string;
  opened_by_name: string;
  opened_at: number;
  float: number;
  closed_at: number | null;
  z_number: number | null;
  z_report: string | null;
};

const shiftColumns = 's.*, (SELECT name FROM staff WHERE id = s.opened_by) AS opened_by_name';

export const shiftStatements = namedStatements({
  openShift: `SELECT ${shiftColumns} FROM shifts s WHERE s.device_id = ? AND s.closed_at IS NULL`,
  insertShift: `INSERT INTO shifts (id, device_id, business_day, opened_by, opened_at, float)
    VALUES (@id, @deviceId, @businessDay, @openedBy, @openedAt, @float)`,
  nextZ: 'SELECT coalesce(max(z_number), 0) + 1 AS next FROM shifts WHERE device_id = ?',
  closeShift: `UPDATE shifts SET closed_by = @closedBy, closed_at = @closedAt, z_number = @zNumber,
      counted_cash = @countedCash, expected_cash = @expectedCash, variance_approved_by = @approvedBy,
      z_report = @zReport
    WHERE id = @id AND closed_at IS NULL`,
  zReports: `SELECT z_report FROM shifts WHERE device_id = ? AND z_number IS NOT NULL
    ORDER BY z_number DESC LIMIT ?`,
  zReport: 'SELECT z_report FROM shifts WHERE device_id = ? AND z_number = ?',
  cashMovementById: 'SELECT * FROM cash_movements WHERE id = ?',
  insertCashMovement: `INSERT INTO cash_movements (id, shift_id, kind, amount, reason, staff_id, approver_id, at)
    VALUES (@id, @shiftId, @kind, @amount, @reason, @staffId, @approverId, @at)`,
});

export function openShiftOf(db: Database, deviceId: string): ShiftRow | null {
  return (shiftStatements(db).openShift.get(deviceId) as ShiftRow | undefined) ?? null;
}

/** Sales and refunds belong to a shift, so the drawer can be counted against them. */
export function requireOpenShift(db: Database, deviceId: string): ShiftRow {
  const shift = openShiftOf(db, deviceId);
  if (!shift) throw new AppError('no_open_shift');
  return shift;
}

export function toShiftInfo(row: ShiftRow): ShiftInfo {
  return {
    id: row.id,
    openedAt: row.opened_at,
    openedByName: row.opened_by_name,
    businessDay: row.business_day,
    float: row.float as Money,
  };
}

export function listZReports(db: Database, deviceId: string, limit: number): ShiftReport[] {
  const rows = shiftStatements(db).zReports.all(deviceId, limit) as ZReportRow[];
  return rows.map((row) => rowToZReport(db, row));
}

export function readZReport(db: Database, deviceId: string, zNumber: number): ShiftReport | null {
  const row = shiftStatements(db).zReport.get(deviceId, zNumber) as ZReportRow | undefined;
  return row ? rowToZReport(db, row) : null;
}

type ZReportRow = { z_report: string };

/**
 * A Z report as it was stored at close. Those closed before discounts were split by source lack the
 * split; it is read from the shift's orders, whose stored discounts never change after payment.
 */
function rowToZReport(db: Database, row: ZReportRow): ShiftReport {
  const stored = JSON.parse(row.z_report) as Record<string, unknown> & { shiftId: string };
  const discountsBySource = stored.discountsBySource ?? shiftDiscountsBySource(db, stored.shiftId);
  return ShiftReport.parse({ ...stored, discountsBySource });
}
