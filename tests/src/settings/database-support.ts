import { createServer, type Server, type Socket } from 'node:net';
import type {
  DatabaseSwitchInput,
  PostgresConnectionInput,
} from '../../../src/settings/database.schema';

/**
 * Helpers for the Settings → Database tests: ports where nothing answers, or where something
 * answers and then says nothing.
 */

/** A port on 127.0.0.1 that was free a moment ago: connecting to it is refused at once. */
export function closedPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** A TCP server that accepts connections and never answers (a server hung, or a black hole). */
export async function silentServer(): Promise<{ port: number; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  return {
    port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** A well-formed connection to 127.0.0.1 at `port` (a closed one unless told otherwise). */
export function connectionAt(
  port: number,
  overrides: Partial<PostgresConnectionInput> = {},
): PostgresConnectionInput {
  return {
    host: '127.0.0.1',
    port,
    database: 'mediation',
    user: 'mediation',
    password: '',
    tls: 'disable',
    ...overrides,
  };
}

export function switchToServer(
  connection: PostgresConnectionInput,
  copyLocalData = false,
): DatabaseSwitchInput {
  return { engine: 'postgres', connection, copyLocalData };
}
