import { isRouteName, platformApi, routeNames } from '../../shared/platform-api';
import { readFlags, UsageError } from './args';
import { operatorFrom } from './operator-client';
import type { CommandResult } from './operator-commands';

const connection = { url: { type: 'string' }, token: { type: 'string' } } as const;

/** Every operator route of the contract, one a line: name, method and path. */
function routeList(): CommandResult {
  const routes = routeNames
    .filter((name) => platformApi[name].access === 'admin')
    .map((name) => ({ name, method: platformApi[name].method, path: platformApi[name].path }));
  const width = Math.max(...routes.map((route) => route.name.length));
  return {
    json: { routes },
    text: routes.map((r) => `${r.name.padEnd(width)}  ${r.method.padEnd(4)} ${r.path}`).join('\n'),
  };
}

/**
 * Any operator route of the platform's contract by name, its input as JSON (path parameters
 * included): what no dedicated command covers yet still needs no new code here.
 */
export async function apiCall(args: string[]): Promise<CommandResult> {
  const values = readFlags(args, { ...connection, input: { type: 'string' } }, 1);
  const name = values._[0];
  if (!name || name === 'list') return routeList();
  if (!isRouteName(name) || platformApi[name].access !== 'admin') {
    throw new UsageError(`"${name}" is not an operator route; \`api list\` shows them`);
  }
  let input: unknown = {};
  if (typeof values.input === 'string') {
    try {
      input = JSON.parse(values.input);
    } catch {
      throw new UsageError('--input is not JSON');
    }
  }
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new UsageError('--input is a JSON object');
  }
  // The platform validates the input against the same contract; the answer is checked on arrival.
  const answer = await operatorFrom(values).route(name, input as never);
  return { json: answer, text: JSON.stringify(answer, null, 2) };
}
