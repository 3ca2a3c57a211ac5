import { describe, expect, it } from 'vitest';
import {
  FailureThrottle,
  throttleKey,
  USERNAME_POLICY,
  waitText,
} from '../../../src/staff/sign-in-throttle';

const policy = { ...USERNAME_POLICY, maxKeys: 3 };

describe('FailureThrottle', () => {
  it('lets the free attempts through, then makes each further failure wait twice as long', () => {
    const throttle = new FailureThrottle(policy);
    let now = 1_000_000;
    for (let i = 0; i < policy.freeAttempts - 1; i += 1) {
      throttle.recordFailure('wang', now);
      expect(throttle.retryAfterMs('wang', now), `failure ${i + 1}`).toBe(0);
    }
    throttle.recordFailure('wang', now);
    expect(throttle.retryAfterMs('wang', now)).toBe(30_000);
    now += 30_000;
    expect(throttle.retryAfterMs('wang', now)).toBe(0);
    throttle.recordFailure('wang', now);
    expect(throttle.retryAfterMs('wang', now)).toBe(60_000);
    now += 60_000;
    throttle.recordFailure('wang', now);
    expect(throttle.retryAfterMs('wang', now)).toBe(120_000);
  });

  it('never waits longer than the maximum', () => {
    const throttle = new FailureThrottle(policy);
    const now = 5_000;
    for (let i = 0; i < 30; i += 1) throttle.recordFailure('wang', now);
    expect(throttle.retryAfterMs('wang', now)).toBe(policy.maxDelayMs);
  });

  it('forgets a key after a quiet hour, and at once after a success', () => {
    const throttle = new FailureThrottle(policy);
    for (let i = 0; i < 6; i += 1) throttle.recordFailure('wang', 0);
    expect(throttle.retryAfterMs('wang', 1000)).toBeGreaterThan(0);
    const blockedUntil = throttle.retryAfterMs('wang', 0);
    expect(throttle.failures('wang', blockedUntil + policy.forgetAfterMs)).toBe(0);

    for (let i = 0; i < 6; i += 1) throttle.recordFailure('li', 0);
    throttle.recordSuccess('li');
    expect(throttle.retryAfterMs('li', 0)).toBe(0);
    expect(throttle.failures('li', 0)).toBe(0);
  });

  it('keeps keys apart and remembers at most maxKeys, dropping the least recent', () => {
    const throttle = new FailureThrottle(policy);
    for (const key of ['a', 'b', 'c', 'd']) throttle.recordFailure(key, 0);
    expect(throttle.failures('a', 0)).toBe(0);
    expect(['b', 'c', 'd'].map((k) => throttle.failures(k, 0))).toEqual([1, 1, 1]);
  });
});

describe('throttleKey and waitText', () => {
  it('throttles usernames whatever their case and spacing', () => {
    expect(throttleKey('  Wang.Fang ')).toBe('wang.fang');
  });

  it('says the wait in seconds, then in whole minutes, in both languages', () => {
    expect(waitText(30_000)).toEqual({ 'zh-CN': '30 秒', en: '30 seconds' });
    expect(waitText(1)).toEqual({ 'zh-CN': '1 秒', en: '1 second' });
    expect(waitText(120_000)).toEqual({ 'zh-CN': '2 分钟', en: '2 minutes' });
    expect(waitText(15 * 60_000)).toEqual({ 'zh-CN': '15 分钟', en: '15 minutes' });
  });
});
