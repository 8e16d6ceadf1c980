import { uuidv7 } from '../../shared/ids';
import type { OrganisationView, OwnerState } from '../../shared/platform-api/organisations';
import { isUuid, requireStore } from '../data/stores';
import type { Queryable, Sql } from '../db/sql';
import { ApiError } from '../errors';
import { recordAudit } from './platform-audit';

const operator = { kind: 'operator' } as const;

type OrganisationRow = { id: string; name: string; created_at: number };

function rowToOrganisation(row: OrganisationRow) {
  return { organisationId: row.id, name: row.name, createdAt: row.created_at };
}

export async function createOrganisation(sql: Sql, name: string, now: number) {
  return sql.transaction(async (tx) => {
    const [row] = await tx.query<OrganisationRow>(
      'INSERT INTO organisations (id, name, created_at) VALUES ($1, $2, $3) RETURNING id, name, created_at',
      [uuidv7(now), name, now],
    );
    await recordAudit(tx, {
      actor: operator,
      action: 'organisation.created',
      organisationId: row.id,
      detail: { name },
      at: now,
    });
    return rowToOrganisation(row);
  });
}

/** The organisation, locked until commit; a bad id is as unknown as a missing one. */
export async function requireOrganisation(db: Queryable, organisationId: string): Promise<OrganisationRow> {
  const rows = isUuid(organisationId)
    ? await db.query<OrganisationRow>('SELECT id, name, created_at FROM organisations WHERE id = $1 FOR UPDATE', [
        organisationId,
      ])
    : [];
  if (rows.length === 0) throw new ApiError(404, 'organisation_unknown');
  return rows[0];
}

export function ownerState(row: { activated_at: number | null; revoked_at: number | null }): OwnerState {
  if (row.revoked_at !== null) return 'revoked';
  return row.activated_at === null ? 'invited' : 'active';
}

export async function listOrganisations(db: Queryable): Promise<OrganisationView[]> {
  const [organisations, stores, owners] = await Promise.all([
    db.query<OrganisationRow>('SELECT id, name, created_at FROM organisations ORDER BY created_at, id'),
    db.query<{ id: string; name: string; organisation_id: string }>(
      'SELECT id, name, organisation_id FROM stores WHERE organisation_id IS NOT NULL ORDER BY created_at, id',
    ),
    db.query<{
      id: string;
      login: string;
      name: string;
      organisation_id: string;
      activated_at: number | null;
      revoked_at: number | null;
    }>('SELECT id, login, name, organisation_id, activated_at, revoked_at FROM owners ORDER BY invited_at, id'),
  ]);
  return organisations.map((row) => ({
    ...rowToOrganisation(row),
    stores: stores.filter((s) => s.organisation_id === row.id).map((s) => ({ storeId: s.id, name: s.name })),
    owners: owners
      .filter((o) => o.organisation_id === row.id)
      .map((o) => ({ ownerId: o.id, login: o.login, name: o.name, state: ownerState(o) })),
  }));
}

/** Puts a store in an organisation (or moves it to another): its owners see it from now on. */
export async function assignStore(sql: Sql, storeId: string, organisationId: string, now: number) {
  return sql.transaction(async (tx) => {
    await requireStore(tx, storeId);
    await requireOrganisation(tx, organisationId);
    const [before] = await tx.query<{ organisation_id: string | null }>(
      'SELECT organisation_id FROM stores WHERE id = $1 FOR UPDATE',
      [storeId],
    );
    await tx.query('UPDATE stores SET organisation_id = $2 WHERE id = $1', [storeId, organisationId]);
    await recordAudit(tx, {
      actor: operator,
      action: 'store.assigned',
      organisationId,
      storeId,
      detail: { from: before.organisation_id },
      at: now,
    });
    return { storeId, organisationId };
  });
}
