import { describe, expect, it } from 'vitest';
import {
  ACTIONS,
  allowedActions,
  canTransition,
  mayAct,
  rolesFor,
  type CaseAction,
} from '../../../src/cases/case-lifecycle';
import { CASE_STATUSES, type CaseStatus } from '../../../src/cases/case.schema';
import { ROLES, type Role } from '../../../src/staff/staff.schema';

/**
 * DESIGN §4, written out by hand as the specification (not derived from the code's table):
 * registered → accepted / declined / referred; accepted → in_mediation; accepted or in_mediation
 * → concluded; concluded → archived; transfer (and mediators) in any open state; the deadline is
 * paused, resumed, extended while it runs (from acceptance to conclusion); linked cases and
 * follow-ups after conclusion (archived included).
 *
 * Columns: registered accepted declined referred in_mediation concluded archived
 */
const SPEC: Record<CaseAction, string> = {
  //               reg acc dec ref med con arc
  accept: '         1   0   0   0   0   0   0',
  decline: '        1   0   0   0   0   0   0',
  refer: '          1   0   0   0   0   0   0',
  startMediation: ' 0   1   0   0   0   0   0',
  conclude: '       0   1   0   0   1   0   0',
  archive: '        0   0   0   0   0   1   0',
  transfer: '       1   1   0   0   1   0   0',
  assignMediators: '1   1   0   0   1   0   0',
  pauseDeadline: '  0   1   0   0   1   0   0',
  resumeDeadline: ' 0   1   0   0   1   0   0',
  extendDeadline: ' 0   1   0   0   1   0   0',
  openLinked: '     0   0   0   0   0   1   1',
  recordFollowUp: ' 0   0   0   0   0   1   1',
};

const COLUMNS: readonly CaseStatus[] = [
  'registered',
  'accepted',
  'declined',
  'referred',
  'in_mediation',
  'concluded',
  'archived',
];

function specAllows(status: CaseStatus, action: CaseAction): boolean {
  const cells = SPEC[action].trim().split(/\s+/);
  const cell = cells[COLUMNS.indexOf(status)];
  if (cell === undefined) throw new Error(`no cell for ${action} × ${status}`);
  return cell === '1';
}

/** DESIGN §7 and the brief: who may take each action (before studio scope). */
const WHO: Record<CaseAction, readonly Role[]> = {
  accept: ['reception', 'mediator', 'director'],
  decline: ['reception', 'mediator', 'director'],
  refer: ['reception', 'mediator', 'director'],
  startMediation: ['mediator'],
  conclude: ['mediator'],
  archive: ['clerk', 'mediator'],
  transfer: ['reception', 'mediator', 'director'],
  assignMediators: ['reception', 'mediator', 'director'],
  pauseDeadline: ['mediator', 'director'],
  resumeDeadline: ['mediator', 'director'],
  extendDeadline: ['mediator', 'director'],
  openLinked: ['reception', 'mediator', 'clerk'],
  recordFollowUp: ['mediator', 'clerk'],
};
const CENTER_WIDE: readonly Role[] = ['reception', 'director'];

const OWN_STUDIO = 3;
const OTHER_STUDIO = 7;

describe('canTransition: every (status × action) pair matches DESIGN §4', () => {
  it('covers every status and every action', () => {
    expect([...COLUMNS].sort()).toEqual([...CASE_STATUSES].sort());
    expect(Object.keys(SPEC).sort()).toEqual([...ACTIONS].sort());
  });

  const pairs = CASE_STATUSES.flatMap((status) =>
    ACTIONS.map((action) => [status, action, specAllows(status, action)] as const),
  );
  it.each(pairs)('%s × %s → %s', (status, action, allowed) => {
    expect(canTransition(status, action)).toBe(allowed);
  });

  it('leaves declined and referred cases closed: no action at all applies', () => {
    for (const status of ['declined', 'referred'] as const) {
      expect(ACTIONS.filter((a) => canTransition(status, a))).toEqual([]);
    }
  });
});

describe('mayAct: roles and studio scope', () => {
  const cases = ROLES.flatMap((role) =>
    ACTIONS.flatMap((action) =>
      [true, false].map((member) => {
        const expected = WHO[action].includes(role) && (member || CENTER_WIDE.includes(role));
        return [role, action, member, expected] as const;
      }),
    ),
  );
  it.each(cases)('%s × %s (member of the studio: %s) → %s', (role, action, member, expected) => {
    const staff = { roles: [role], studioIds: member ? [OWN_STUDIO] : [OTHER_STUDIO] };
    expect(mayAct(staff, action, OWN_STUDIO)).toBe(expected);
  });

  it('rolesFor matches the specification', () => {
    for (const action of ACTIONS)
      expect([...rolesFor(action)].sort()).toEqual([...WHO[action]].sort());
  });

  it('reception and director act center-wide even with no studio at all', () => {
    for (const role of CENTER_WIDE) {
      expect(mayAct({ roles: [role], studioIds: [] }, 'accept', OWN_STUDIO)).toBe(true);
      expect(mayAct({ roles: [role], studioIds: [] }, 'transfer', OTHER_STUDIO)).toBe(true);
    }
  });

  it('scope is per role: a clerk of one studio who also works reception cannot archive elsewhere', () => {
    const staff = { roles: ['clerk', 'reception'] as Role[], studioIds: [OTHER_STUDIO] };
    expect(mayAct(staff, 'archive', OTHER_STUDIO)).toBe(true);
    expect(mayAct(staff, 'archive', OWN_STUDIO)).toBe(false);
    // ...but may open a linked case anywhere, as reception.
    expect(mayAct(staff, 'openLinked', OWN_STUDIO)).toBe(true);
    expect(mayAct(staff, 'recordFollowUp', OWN_STUDIO)).toBe(false);
  });

  it('admin configures and takes no case action', () => {
    const admin = { roles: ['admin'] as Role[], studioIds: [OWN_STUDIO] };
    expect(ACTIONS.filter((a) => mayAct(admin, a, OWN_STUDIO))).toEqual([]);
  });
});

describe('allowedActions: state, person and the deadline', () => {
  const mediator = { roles: ['mediator'] as Role[], studioIds: [OWN_STUDIO] };

  it('offers resume (not pause) while the deadline is paused, pause (not resume) while it runs', () => {
    for (const status of ['accepted', 'in_mediation'] as const) {
      const running = allowedActions(status, mediator, OWN_STUDIO, { deadlinePaused: false });
      const paused = allowedActions(status, mediator, OWN_STUDIO, { deadlinePaused: true });
      expect(running).toContain('pauseDeadline');
      expect(running).not.toContain('resumeDeadline');
      expect(paused).toContain('resumeDeadline');
      expect(paused).not.toContain('pauseDeadline');
      expect(running).toContain('extendDeadline');
      expect(paused).toContain('extendDeadline');
    }
    // The default is a running deadline.
    expect(allowedActions('accepted', mediator, OWN_STUDIO)).toContain('pauseDeadline');
    expect(allowedActions('accepted', mediator, OWN_STUDIO)).not.toContain('resumeDeadline');
  });

  it('lists exactly the actions of the state a mediator of the studio may take', () => {
    expect(allowedActions('registered', mediator, OWN_STUDIO)).toEqual([
      'accept',
      'decline',
      'refer',
      'transfer',
      'assignMediators',
    ]);
    expect(allowedActions('accepted', mediator, OWN_STUDIO)).toEqual([
      'startMediation',
      'conclude',
      'transfer',
      'assignMediators',
      'pauseDeadline',
      'extendDeadline',
    ]);
    expect(allowedActions('in_mediation', mediator, OWN_STUDIO, { deadlinePaused: true })).toEqual([
      'conclude',
      'transfer',
      'assignMediators',
      'resumeDeadline',
      'extendDeadline',
    ]);
    const written = { outcome: 'written_agreement' } as const;
    expect(allowedActions('concluded', mediator, OWN_STUDIO, written)).toEqual([
      'archive',
      'openLinked',
      'recordFollowUp',
    ]);
    expect(allowedActions('archived', mediator, OWN_STUDIO, written)).toEqual([
      'openLinked',
      'recordFollowUp',
    ]);
    // A withdrawn or orally settled case leads nowhere else: no linked case is offered.
    for (const outcome of ['withdrawn', 'oral_agreement'] as const) {
      expect(allowedActions('concluded', mediator, OWN_STUDIO, { outcome })).toEqual([
        'archive',
        'recordFollowUp',
      ]);
    }
    for (const outcome of ['no_agreement', 'refused'] as const) {
      expect(allowedActions('concluded', mediator, OWN_STUDIO, { outcome })).toContain(
        'openLinked',
      );
    }
    expect(allowedActions('declined', mediator, OWN_STUDIO)).toEqual([]);
    expect(allowedActions('referred', mediator, OWN_STUDIO)).toEqual([]);
  });

  it('offers nothing to a mediator or clerk of another studio', () => {
    for (const status of CASE_STATUSES) {
      expect(allowedActions(status, mediator, OTHER_STUDIO)).toEqual([]);
      expect(
        allowedActions(status, { roles: ['clerk'], studioIds: [OWN_STUDIO] }, OTHER_STUDIO),
      ).toEqual([]);
    }
  });

  it('is the intersection of canTransition and mayAct, minus the deadline rule, for every role', () => {
    for (const role of ROLES) {
      for (const member of [true, false]) {
        const staff = { roles: [role], studioIds: member ? [OWN_STUDIO] : [] };
        for (const status of CASE_STATUSES) {
          for (const paused of [false, true]) {
            const expected = ACTIONS.filter(
              (a) =>
                specAllows(status, a) &&
                WHO[a].includes(role) &&
                (member || CENTER_WIDE.includes(role)) &&
                !(a === 'pauseDeadline' && paused) &&
                !(a === 'resumeDeadline' && !paused),
            );
            const state = { deadlinePaused: paused, outcome: 'written_agreement' } as const;
            expect(allowedActions(status, staff, OWN_STUDIO, state), `${role} ${status}`).toEqual(
              expected,
            );
          }
        }
      }
    }
  });

  it('gives reception center-wide the response and routing actions, never mediation itself', () => {
    const reception = { roles: ['reception'] as Role[], studioIds: [] };
    expect(allowedActions('registered', reception, OTHER_STUDIO)).toEqual([
      'accept',
      'decline',
      'refer',
      'transfer',
      'assignMediators',
    ]);
    expect(allowedActions('in_mediation', reception, OTHER_STUDIO)).toEqual([
      'transfer',
      'assignMediators',
    ]);
    expect(
      allowedActions('concluded', reception, OTHER_STUDIO, { outcome: 'written_agreement' }),
    ).toEqual(['openLinked']);
  });
});
