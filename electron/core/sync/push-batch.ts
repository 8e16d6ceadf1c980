import { PUSH_BATCH_BYTES, type PushMutation, type PushRequest } from '../../../shared/sync/wire';

const bytesOf = (value: unknown) => Buffer.byteLength(JSON.stringify(value), 'utf8');

/**
 * The push body for the longest run of `mutations`, from the first, whose JSON stays within
 * `maxBytes`: a backlog of 500-line orders goes as several pushes instead of one the platform
 * refuses as too large. The first mutation always goes, even alone past `maxBytes`; the platform's
 * limit (PUSH_BODY_MAX_BYTES) leaves room for the largest single record the till can make.
 */
export function fitPushBatch(
  envelope: Omit<PushRequest, 'mutations'>,
  mutations: PushMutation[],
  maxBytes = PUSH_BATCH_BYTES,
): PushRequest {
  // `{…,"mutations":[]}` plus each mutation's own JSON and a comma between two is the exact body.
  let total = bytesOf({ ...envelope, mutations: [] });
  let count = 0;
  for (const mutation of mutations) {
    const size = bytesOf(mutation) + (count > 0 ? 1 : 0);
    if (count > 0 && total + size > maxBytes) break;
    total += size;
    count += 1;
  }
  return { ...envelope, mutations: mutations.slice(0, count) };
}
