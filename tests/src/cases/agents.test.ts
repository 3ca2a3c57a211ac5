import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dumpTables } from '../../support/db-snapshot';
import { intake, organization, person } from '../../support/fixtures';
import { expectError, openTestCore, type TestCore } from '../../support/test-core';

/** 代理人: an agent acts for one party, with general or special authority. */
describe('agents with a power of attorney', () => {
  let t: TestCore;
  let medical: number;
  const lawyer = person({ name: '赵律师', idNumber: undefined, phone: '13700001111' });

  beforeAll(async () => {
    t = await openTestCore();
    medical = await t.studioId('medical');
  });
  afterAll(() => t.close());

  it('registers an agent for the applicant and shows whom they act for', async () => {
    const { id } = await t.ok(
      'cases/register',
      intake(medical, {
        parties: [
          { role: 'applicant', party: person() },
          { role: 'respondent', party: organization() },
          { role: 'agent', party: lawyer, represents: 0, authority: 'special' },
        ],
      }),
    );
    const c = await t.ok('cases/get', { id });
    const applicant = c.parties.find((p) => p.role === 'applicant');
    const agent = c.parties.find((p) => p.role === 'agent');
    expect(agent).toMatchObject({
      name: '赵律师',
      representsPartyId: applicant?.partyId,
      agentAuthority: 'special',
    });
    expect(applicant?.representsPartyId).toBeNull();
  });

  const refusals: [string, unknown[], string][] = [
    [
      'no principal',
      [{ role: 'agent', party: lawyer, authority: 'general' }],
      'parties.2.represents',
    ],
    [
      'itself',
      [{ role: 'agent', party: lawyer, represents: 2, authority: 'general' }],
      'parties.2.represents',
    ],
    [
      'a position past the list',
      [{ role: 'agent', party: lawyer, represents: 7, authority: 'general' }],
      'parties.2.represents',
    ],
    ['no authority', [{ role: 'agent', party: lawyer, represents: 0 }], 'parties.2.authority'],
    [
      'another agent',
      [
        { role: 'agent', party: lawyer, represents: 0, authority: 'general' },
        {
          role: 'agent',
          party: person({ name: '钱律师', idNumber: undefined, phone: '13700002222' }),
          represents: 2,
          authority: 'general',
        },
      ],
      'parties.3.represents',
    ],
  ];
  for (const [what, agents, field] of refusals) {
    it(`refuses an agent for ${what}, changing nothing`, async () => {
      const before = await dumpTables(t.db);
      const result = await t.call(
        'cases/register',
        intake(medical, {
          parties: [
            { role: 'applicant', party: person() },
            { role: 'respondent', party: organization() },
            ...(agents as never[]),
          ],
        }),
      );
      const error = expectError(result, 'VALIDATION');
      expect(error.fields?.[field]).toBeTruthy();
      expect(await dumpTables(t.db)).toEqual(before);
    });
  }
});
