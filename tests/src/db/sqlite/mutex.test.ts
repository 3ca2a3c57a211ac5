import { describe, expect, it } from 'vitest';
import { Mutex } from '../../../../src/db/sqlite/mutex';

/** Lets every already-resolved promise continuation run. */
async function flush(): Promise<void> {
  await new Promise((resolve) => setImmediate(resolve));
}

describe('Mutex', () => {
  it('grants the lock immediately when free', async () => {
    const mutex = new Mutex();
    await mutex.lock();
    expect(mutex.isLocked).toBe(true);
    mutex.unlock();
    expect(mutex.isLocked).toBe(false);
  });

  it('makes waiters wait for unlock, and serves them in FIFO order', async () => {
    const mutex = new Mutex();
    await mutex.lock();
    const order: number[] = [];
    const waiters = [1, 2, 3].map((n) =>
      mutex.lock().then(() => {
        order.push(n);
      }),
    );
    await flush();
    expect(order).toEqual([]);

    mutex.unlock();
    await flush();
    expect(order).toEqual([1]);
    mutex.unlock();
    await flush();
    expect(order).toEqual([1, 2]);
    mutex.unlock();
    await Promise.all(waiters);
    expect(order).toEqual([1, 2, 3]);
    mutex.unlock();
    expect(mutex.isLocked).toBe(false);
  });

  it('does not let a newcomer jump ahead of a woken waiter', async () => {
    const mutex = new Mutex();
    await mutex.lock();
    const order: string[] = [];
    const waiter = mutex.lock().then(() => order.push('waiter'));
    mutex.unlock();
    // Arrives after the hand-over but before the waiter's continuation runs.
    const newcomer = mutex.lock().then(() => order.push('newcomer'));
    await waiter;
    mutex.unlock();
    await newcomer;
    mutex.unlock();
    expect(order).toEqual(['waiter', 'newcomer']);
  });

  it('throws on unlock when not locked', () => {
    expect(() => new Mutex().unlock()).toThrow(/not locked/);
  });
});
