import type { Server } from 'node:http';
import type { Socket } from 'node:net';

/**
 * Lets a shutdown finish promptly without cutting answers short. Node's server.close() waits for
 * every open connection, including one a client opened and never used (fetch keeps spares) until
 * its header timeout, about a minute. So on close: connections with no request in flight are
 * ended now, the others as soon as their response is out.
 */
export function trackConnections(server: Server): { closeWhenIdle(): void } {
  const inFlight = new Map<Socket, number>();
  let closing = false;
  server.on('connection', (socket: Socket) => {
    inFlight.set(socket, 0);
    socket.on('close', () => inFlight.delete(socket));
  });
  server.on('request', (request, response) => {
    const socket = request.socket;
    inFlight.set(socket, (inFlight.get(socket) ?? 0) + 1);
    response.on('close', () => {
      const left = (inFlight.get(socket) ?? 1) - 1;
      inFlight.set(socket, left);
      if (closing && left === 0) socket.destroy();
    });
  });
  return {
    closeWhenIdle() {
      closing = true;
      for (const [socket, count] of inFlight) if (count === 0) socket.destroy();
    },
  };
}
