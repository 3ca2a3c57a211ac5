import type { Database } from './database';
import { Mutex } from './sqlite/mutex';

const queues = new WeakMap<Database, Mutex>();

/**
 * Runs `fn` after this process's earlier write transactions on `db` have finished. On
 * PostgreSQL every write transaction waits for the server's single-writer lock while holding a
 * pooled connection; queueing writes here first keeps them to one connection per workstation,
 * so a burst of saves waits its turn instead of exhausting the pool (which would leave reads
 * without a connection). The embedded driver serializes on its one connection anyway.
 */
export async function inWriteQueue<T>(db: Database, fn: () => Promise<T>): Promise<T> {
  let queue = queues.get(db);
  if (queue === undefined) {
    queue = new Mutex();
    queues.set(db, queue);
  }
  await queue.lock();
  try {
    return await fn();
  } finally {
    queue.unlock();
  }
}
