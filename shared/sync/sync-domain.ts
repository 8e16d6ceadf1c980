import type { z } from 'zod';
import type { Text } from '../errors';

/** A pull stream as both ends see it: what each change's `data` is, and its name in the audit log. */
export type StreamSpec = { item: z.ZodType; words: Text };

/**
 * One domain's part of the sync (PROTOCOL.md, Sync), as both ends agree on it: the streams the
 * platform sends down, the records the till pushes up (type → payload schema), and the events that
 * tell the screens the domain's data moved, each with the method prefixes the screens then read
 * again. The till and the platform each register one module per domain beside this one
 * (`electron/core/sync/till-sync.ts`, `platform/sync/platform-sync.ts`); TypeScript refuses a
 * stream or record type either side leaves out.
 */
export type SyncDomain = {
  streams: Record<string, StreamSpec>;
  mutations: Record<string, z.ZodType>;
  events: Record<string, readonly string[]>;
};

export function syncDomain<const D extends SyncDomain>(domain: D): D {
  return domain;
}

type Intersect<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void ? I : never;

/** The entries of one kind from every domain of a list, as one table. */
export type Joined<D, K extends keyof D> = { [N in keyof Intersect<D[K]>]: Intersect<D[K]>[N] };

/**
 * One table of a kind (`streams`, `mutations`, …) from a list of domain modules. The till and the
 * platform annotate the result with a mapped type over the wire's names, so a name no domain
 * serves fails the type check; a name two domains declare is refused on load.
 */
export function joinDomains<D extends { [P in K]: object }, K extends string>(
  domains: readonly D[],
  kind: K,
): Joined<D, K> {
  const table: Record<string, unknown> = {};
  for (const domain of domains) {
    for (const [name, entry] of Object.entries(domain[kind])) {
      if (Object.hasOwn(table, name)) throw new Error(`sync ${kind} '${name}' is declared by two domains`);
      table[name] = entry;
    }
  }
  return table as Joined<D, K>;
}
