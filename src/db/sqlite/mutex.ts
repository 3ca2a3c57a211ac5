/**
 * A fair (FIFO) async mutex.
 *
 * The sqlite3 driver has exactly one connection, and a Kysely transaction is a
 * sequence of statements that must not interleave with anybody else's, so the
 * connection is handed out to one holder at a time and waiters queue in order.
 */
export class Mutex {
  #locked = false;
  readonly #waiters: Array<() => void> = [];

  /** Resolves once the caller holds the lock. */
  async lock(): Promise<void> {
    if (!this.#locked) {
      this.#locked = true;
      return;
    }
    await new Promise<void>((resolve) => {
      this.#waiters.push(resolve);
    });
  }

  /** Releases the lock, handing it straight to the oldest waiter if any. */
  unlock(): void {
    if (!this.#locked) {
      // A double release would let two holders in at once: fail loudly instead.
      throw new Error('Mutex.unlock() called while the mutex is not locked');
    }
    const next = this.#waiters.shift();
    if (next) {
      // Ownership passes directly, so `#locked` stays true and no newcomer can
      // jump the queue between this call and the waiter resuming.
      next();
    } else {
      this.#locked = false;
    }
  }

  get isLocked(): boolean {
    return this.#locked;
  }
}
