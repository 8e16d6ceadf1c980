import { contract, type MethodName, type ParsedInputOf, type PlatformFirstMethod } from '../../../shared/contract';
import { AppError } from '../../../shared/errors';
import type { CoreEnvironment } from '../handler-context';
import { memberOnline } from '../members/online-step';
import { pointsOnline } from '../members/points-online';
import { voucherOnline } from '../vouchers/online-step';
import type { Asking, OnlineStep } from './platform-ask';

/** PROTOCOL.md's answer budget for the whole online step of one call. */
const onlineBudgetMs = 1_500;
/**
 * When the last sync exchange already failed the platform is probably still out of reach: try
 * anyway (it may be back) but give up after this, so an offline counter is not slowed by 1.5 s a
 * sale while the cashier waits with the customer.
 */
const offlineBudgetMs = 300;

/**
 * Every domain that asks the platform before a dispatch, once, by the name its answers have in
 * `HandlerContext.online`. A method the contract marks `platformFirst` without a step here fails
 * the type check below.
 */
const onlineDomains = { vouchers: voucherOnline, members: memberOnline, points: pointsOnline };

type DomainName = keyof typeof onlineDomains;
type Asked = { [D in DomainName]: keyof (typeof onlineDomains)[D]['steps'] }[DomainName];
const everyPlatformFirstMethodAsks: [Exclude<PlatformFirstMethod, Asked>] extends [never] ? true : never = true;
void everyPlatformFirstMethodAsks;

/**
 * What the online step learned before the synchronous dispatch, by domain. A domain's `none`
 * (timeout, unreachable, not paired, or a plain `dispatch`) means decide offline. Nothing a
 * transport sends can fill this in; only the core's own `call` does.
 */
export type OnlineAnswers = { [D in DomainName]: (typeof onlineDomains)[D]['none'] } & {
  /** The platform refused a request of this step as stale: this till's clock is off. */
  clockDoubted: boolean;
};

export const noAnswers: OnlineAnswers = {
  ...(Object.fromEntries(Object.entries(onlineDomains).map(([name, domain]) => [name, domain.none])) as {
    [D in DomainName]: (typeof onlineDomains)[D]['none'];
  }),
  clockDoubted: false,
};

const domainNames = Object.keys(onlineDomains) as DomainName[];

function stepOf<M extends PlatformFirstMethod>(domain: DomainName, method: M): OnlineStep<M, unknown> | undefined {
  const steps: { [K in PlatformFirstMethod]?: OnlineStep<K, unknown> } = onlineDomains[domain].steps;
  return steps[method];
}

/** The contract says the method needs the platform's answer first. */
export function isPlatformFirst(method: MethodName): method is PlatformFirstMethod {
  return contract[method].platformFirst === true;
}

/** Cheap, before any parsing: whether some domain has anything to ask for this raw input. */
export function needsPlatform(method: PlatformFirstMethod, rawInput: unknown): boolean {
  return domainNames.some((name) => {
    const step = stepOf(name, method);
    return step !== undefined && (step.needed?.(rawInput) ?? true);
  });
}

/**
 * The async part of a platform-first call, run before the synchronous dispatch: every domain with
 * a step for the method asks the platform within one budget, and their answers go to the dispatch.
 * Whatever goes wrong in a step only means "no answer" from that domain; the dispatch then decides
 * offline (and validates everything again).
 */
export async function gatherOnline<M extends PlatformFirstMethod>(
  env: CoreEnvironment,
  method: M,
  input: ParsedInputOf<M>,
): Promise<OnlineAnswers> {
  const link = env.sync.link;
  if (!link) return noAnswers;
  const deadline = Date.now() + (env.sync.online ? onlineBudgetMs : offlineBudgetMs);
  const asking: Asking = { env, link, deadline, clockDoubted: false };
  const answers: Record<string, unknown> = { ...noAnswers };
  await Promise.all(
    domainNames.map(async (name) => {
      const step = stepOf(name, method);
      if (!step) return;
      try {
        answers[name] = await step.gather(asking, input);
      } catch (error) {
        // A thing refused on this till's own checks is refused again, with its reason, by the dispatch.
        if (!(error instanceof AppError))
          console.error(`[counter] ${name} online step failed; deciding offline:`, error);
      }
    }),
  );
  return { ...(answers as OnlineAnswers), clockDoubted: asking.clockDoubted };
}
