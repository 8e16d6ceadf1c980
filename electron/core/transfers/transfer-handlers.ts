import type { Handler } from '../handler-context';
import { receiveTransfer } from './transfer-receive';
import { listTransfers } from './transfer-records';
import { sendTransfer } from './transfer-send';

/** `transfers.stores` asks the platform: `call` answers it (head-office-call.ts), never the dispatch. */
export const transferHandlers: {
  'transfers.list': Handler<'transfers.list'>;
  'transfers.send': Handler<'transfers.send'>;
  'transfers.receive': Handler<'transfers.receive'>;
} = {
  'transfers.list': (ctx, input) => listTransfers(ctx.db, input),
  'transfers.send': (ctx, input) => sendTransfer(ctx, input),
  'transfers.receive': (ctx, input) => receiveTransfer(ctx, input),
};
