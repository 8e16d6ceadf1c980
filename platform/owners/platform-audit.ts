import type { Queryable } from '../db/sql';

/** Who did it: the operator (admin token), an owner (their id), a device (its id), or someone signing in. */
export type AuditActor =
  | { kind: 'operator' }
  | { kind: 'owner'; ownerId: string }
  | { kind: 'device'; deviceId: string }
  | { kind: 'public' };

export type AuditEntry = {
  actor: AuditActor;
  action: string;
  organisationId?: string | null;
  storeId?: string | null;
  /** What changed, never a secret: no password, code or token. */
  detail: Record<string, unknown>;
  at: number;
};

function actorId(actor: AuditActor): string | null {
  switch (actor.kind) {
    case 'operator':
    case 'public':
      return null;
    case 'owner':
      return actor.ownerId;
    case 'device':
      return actor.deviceId;
  }
}

/** One line of the platform's audit log, written in the transaction of the change it records. */
export async function recordAudit(db: Queryable, entry: AuditEntry): Promise<void> {
  await db.query(
    `INSERT INTO platform_audit (actor_kind, actor_id, organisation_id, store_id, action, detail, at)
     VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7)`,
    [
      entry.actor.kind,
      actorId(entry.actor),
      entry.organisationId ?? null,
      entry.storeId ?? null,
      entry.action,
      JSON.stringify(entry.detail),
      entry.at,
    ],
  );
}

type AuditRow = {
  id: number;
  actor_kind: AuditActor['kind'];
  actor_id: string | null;
  organisation_id: string | null;
  store_id: string | null;
  action: string;
  detail: Record<string, unknown>;
  at: number;
};

function rowToAuditLine(row: AuditRow) {
  return {
    id: row.id,
    actorKind: row.actor_kind,
    actorId: row.actor_id,
    organisationId: row.organisation_id,
    storeId: row.store_id,
    action: row.action,
    detail: row.detail,
    at: row.at,
  };
}

/** The newest entries first; of one organisation, or (for the operator) of all when `organisationId` is null. */
export async function auditLines(db: Queryable, organisationId: string | null, limit: number) {
  const rows = await db.query<AuditRow>(
    `SELECT id, actor_kind, actor_id, organisation_id, store_id, action, detail, at FROM platform_audit
     WHERE $1::uuid IS NULL OR organisation_id = $1::uuid ORDER BY id DESC LIMIT $2`,
    [organisationId, limit],
  );
  return rows.map(rowToAuditLine);
}
