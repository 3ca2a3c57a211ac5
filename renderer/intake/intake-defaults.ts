import type { IntakeInput } from '../../src/cases/case.schema';

export type IntakeForm = IntakeInput;
export type PartyEntry = IntakeForm['parties'][number];

export function blankPerson(role: PartyEntry['role']): PartyEntry {
  return {
    role,
    party: { kind: 'person', name: '', sex: 'male', idNumber: '', phone: '', address: '' },
  };
}

export function blankOrganization(role: PartyEntry['role']): PartyEntry {
  return {
    role,
    party: {
      kind: 'organization',
      name: '',
      creditCode: '',
      legalRepresentative: '',
      phone: '',
      address: '',
    },
  };
}

export function blankIntake(): Partial<IntakeForm> {
  return {
    parties: [blankPerson('applicant'), blankPerson('respondent')],
    source: 'walk_in',
    riskLevel: 'low',
    summary: '',
    requests: '',
    amountFen: '',
  };
}
