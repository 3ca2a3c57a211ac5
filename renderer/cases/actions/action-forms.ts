import type { z } from 'zod';
import type { MethodName } from '../../../src/api/contract';
import type { CaseAction } from '../../../src/cases/case-lifecycle';
import {
  acceptSchema,
  ADVISED_ROUTES,
  archiveSchema,
  assignMediatorsSchema,
  concludeSchema,
  declineSchema,
  extendDeadlineSchema,
  LINK_KINDS,
  OUTCOMES,
  openLinkedSchema,
  pauseDeadlineSchema,
  referSchema,
  resumeDeadlineSchema,
  startMediationSchema,
  transferSchema,
} from '../../../src/cases/case.schema';

/** Shown only while another field has this value (e.g. the route advised after no agreement). */
export interface ShowWhen {
  readonly field: string;
  readonly equals: string;
}

interface FieldBase {
  readonly name: string;
  readonly required?: boolean;
  readonly showWhen?: ShowWhen;
}

/** One input of an action form; options are filled in by the dialog (studios, mediators). */
export type FieldSpec = FieldBase &
  (
    | { kind: 'text' | 'textarea' | 'date' }
    | { kind: 'number'; min: number; max: number }
    | { kind: 'select'; options: readonly string[] | 'studios'; labelPrefix?: string }
    | { kind: 'multiselect'; options: 'mediators' }
  );

export interface ActionForm {
  readonly method: MethodName;
  readonly schema: z.ZodType;
  readonly fields: readonly FieldSpec[];
  /** Actions that change a case for good ask for a confirmation colour. */
  readonly tone: 'default' | 'danger';
}

/** Every case action as a form: the same zod schema the core validates with. */
export const ACTION_FORMS: Partial<Record<CaseAction, ActionForm>> = {
  accept: { method: 'cases/accept', schema: acceptSchema, fields: [], tone: 'default' },
  decline: {
    method: 'cases/decline',
    schema: declineSchema,
    fields: [{ name: 'reason', kind: 'textarea', required: true }],
    tone: 'danger',
  },
  refer: {
    method: 'cases/refer',
    schema: referSchema,
    fields: [
      { name: 'referredTo', kind: 'text', required: true },
      { name: 'reason', kind: 'textarea', required: true },
    ],
    tone: 'default',
  },
  startMediation: {
    method: 'cases/startMediation',
    schema: startMediationSchema,
    fields: [],
    tone: 'default',
  },
  conclude: {
    method: 'cases/conclude',
    schema: concludeSchema,
    fields: [
      {
        name: 'outcome',
        kind: 'select',
        options: OUTCOMES,
        labelPrefix: 'label.outcome',
        required: true,
      },
      {
        name: 'advisedRoute',
        kind: 'select',
        options: ADVISED_ROUTES,
        labelPrefix: 'label.advisedRoute',
      },
      { name: 'agreementEffectiveOn', kind: 'date' },
      { name: 'note', kind: 'textarea' },
    ],
    tone: 'danger',
  },
  archive: { method: 'cases/archive', schema: archiveSchema, fields: [], tone: 'default' },
  transfer: {
    method: 'cases/transfer',
    schema: transferSchema,
    fields: [
      { name: 'studioId', kind: 'select', options: 'studios', required: true },
      { name: 'reason', kind: 'textarea', required: true },
    ],
    tone: 'default',
  },
  assignMediators: {
    method: 'cases/assignMediators',
    schema: assignMediatorsSchema,
    fields: [{ name: 'staffIds', kind: 'multiselect', options: 'mediators' }],
    tone: 'default',
  },
  pauseDeadline: {
    method: 'cases/pauseDeadline',
    schema: pauseDeadlineSchema,
    fields: [{ name: 'reason', kind: 'textarea', required: true }],
    tone: 'default',
  },
  resumeDeadline: {
    method: 'cases/resumeDeadline',
    schema: resumeDeadlineSchema,
    fields: [],
    tone: 'default',
  },
  extendDeadline: {
    method: 'cases/extendDeadline',
    schema: extendDeadlineSchema,
    fields: [
      { name: 'days', kind: 'number', min: 1, max: 365, required: true },
      { name: 'reason', kind: 'textarea', required: true },
    ],
    tone: 'default',
  },
  openLinked: {
    method: 'cases/openLinked',
    schema: openLinkedSchema,
    fields: [
      {
        name: 'kind',
        kind: 'select',
        options: LINK_KINDS,
        labelPrefix: 'label.linkKind',
        required: true,
      },
      { name: 'summary', kind: 'textarea' },
    ],
    tone: 'default',
  },
};
