import { ApiError, type CallOptions, createClient } from '../../shared/client';
import type { InputOf, MethodName, OutputOf } from '../../shared/contract';
import { currentLocale } from '../i18n/i18n';
import { sessionStore } from './session-store';
import { connect } from './transport';

const connection = connect();
const client = createClient(connection.transport, () => ({
  sessionToken: sessionStore.token(),
  locale: currentLocale(),
}));

/**
 * Every call goes through here so that a session the core no longer knows (host restarted) or has
 * locked sends the screen back to sign-in or to the lock screen, wherever the call came from.
 */
async function call<M extends MethodName>(method: M, input: InputOf<M>, options?: CallOptions): Promise<OutputOf<M>> {
  try {
    return await client.call(method, input, options);
  } catch (error) {
    if (error instanceof ApiError) {
      if (error.code === 'unauthenticated') sessionStore.clear();
      if (error.code === 'session_locked') sessionStore.setLocked(true);
    }
    throw error;
  }
}

export const api = { call, onEvent: connection.onEvent, kind: connection.kind };
