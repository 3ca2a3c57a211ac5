import { describe, expect, it } from 'vitest';
import { isAffected } from '../../../renderer/api/live-refresh-scope';

/**
 * Which screens a change elsewhere refreshes (renderer/api/live-refresh-scope.ts): case work
 * leaves configuration alone, configuration and anything unknown refresh everything, reads
 * drawn from what is being typed never refresh.
 */
const key = (method: string, input: unknown = {}) => [method, input] as const;

describe('isAffected', () => {
  it('refreshes case screens for case work, and leaves configuration reads alone', () => {
    for (const entity of ['case', 'session', 'agreementVersion', 'followUp']) {
      expect(isAffected(key('cases/list', { limit: 8 }), [entity]), entity).toBe(true);
      expect(isAffected(key('cases/get', { id: 3 }), [entity]), entity).toBe(true);
      expect(isAffected(key('schedule/list'), [entity]), entity).toBe(true);
      expect(isAffected(key('reports/dashboard'), [entity]), entity).toBe(true);
      expect(isAffected(key('studios/list'), [entity]), entity).toBe(false);
      expect(isAffected(key('settings/get'), [entity]), entity).toBe(false);
      expect(isAffected(key('auth/status'), [entity]), entity).toBe(false);
    }
    // Paged lists are keyed differently (method, filter, sort): the method is what counts.
    expect(isAffected(['cases/list', {}, 'registeredAt', 'desc'], ['case'])).toBe(true);
  });

  it('refreshes everything, configuration included, when configuration changed', () => {
    for (const entity of ['studio', 'room', 'staff', 'settings', 'calendar_day', 'database']) {
      expect(isAffected(key('studios/list'), ['case', entity]), entity).toBe(true);
      expect(isAffected(key('auth/status'), [entity]), entity).toBe(true);
      expect(isAffected(key('cases/list'), [entity]), entity).toBe(true);
    }
  });

  it('treats a kind of record it does not know as a change to everything', () => {
    expect(isAffected(key('studios/list'), ['somethingNew'])).toBe(true);
    expect(isAffected(key('cases/count'), ['somethingNew'])).toBe(true);
  });

  it('shows a new backup in the backups list alone (and the audit log)', () => {
    expect(isAffected(key('backups/list'), ['backup'])).toBe(true);
    expect(isAffected(key('audit/list'), ['backup'])).toBe(true);
    expect(isAffected(key('cases/list'), ['backup'])).toBe(false);
    expect(isAffected(key('settings/get'), ['backup'])).toBe(false);
    expect(isAffected(key('backups/list'), ['case'])).toBe(false);
  });

  it('follows the audit log when only the log grew (a number revealed), nothing else', () => {
    expect(isAffected(['audit/list', {}, undefined], [])).toBe(true);
    expect(isAffected(key('audit/facets'), [])).toBe(true);
    expect(isAffected(key('cases/get', { id: 1 }), [])).toBe(false);
    expect(isAffected(key('studios/list'), [])).toBe(false);
  });

  it('refreshes everything when it cannot be said what changed, but never a preview', () => {
    expect(isAffected(key('studios/list'), null)).toBe(true);
    expect(isAffected(key('cases/get', { id: 1 }), null)).toBe(true);
    expect(isAffected(['agreements/preview', 4, { facts: '…' }], null)).toBe(false);
    expect(isAffected(['agreements/preview', 4, null], ['agreementVersion'])).toBe(false);
    expect(isAffected(key('backups/check', { file: 'a' }), ['backup'])).toBe(false);
  });
});
