import { zodResolver } from '@hookform/resolvers/zod';
import {
  Alert,
  Button,
  Group,
  Modal,
  MultiSelect,
  Select,
  Stack,
  Textarea,
  TextInput,
} from '@mantine/core';
import { Controller, useForm, type FieldValues, type Resolver } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../src/api/contract';
import { generateDocumentSchema, type DocumentKind } from '../../src/documents/document.schema';
import { callResult } from '../api/client';
import { applyServerErrors } from '../shared/form-errors';

type Detail = MethodOutput<'cases/get'>;
export type Generated = MethodOutput<'documents/generate'>;

/** Kinds that need more than the case: what the dialog asks for. */
export const KINDS_WITH_FORM: readonly DocumentKind[] = [
  'session_notice',
  'mediation_record',
  'oral_agreement',
  'confirmation_application',
  'follow_up_record',
  'dossier',
];

const resolver = (zodResolver as (schema: unknown) => Resolver<FieldValues>)(
  generateDocumentSchema,
);

/** The few facts a paper needs beyond the case (a session's time and place, a court...). */
export function GenerateDialog(props: {
  kind: DocumentKind;
  detail: Detail;
  onClose: () => void;
  onDone: (generated: Generated) => void;
}) {
  const { t } = useTranslation();
  const { kind, detail } = props;
  const form = useForm<FieldValues>({
    resolver,
    defaultValues: {
      kind,
      caseId: detail.id,
      ...(kind === 'session_notice' ? { partyIds: detail.parties.map((p) => p.partyId) } : {}),
      ...(kind === 'dossier' ? { retention: '长期' } : {}),
    },
  });
  const err = (name: string) => {
    const message = form.formState.errors[name]?.message;
    return typeof message === 'string' ? t(message) : undefined;
  };
  const text = (name: string, extra: { type?: string; required?: boolean } = {}) => (
    <TextInput
      label={t(`doc.field.${name}`)}
      withAsterisk={extra.required}
      type={extra.type}
      {...form.register(name)}
      error={err(name)}
    />
  );
  const area = (name: string, required = false) => (
    <Textarea
      label={t(`doc.field.${name}`)}
      withAsterisk={required}
      autosize
      minRows={3}
      maxRows={12}
      {...form.register(name)}
      error={err(name)}
    />
  );

  const submit = form.handleSubmit(async (values) => {
    const result = await callResult('documents/generate', values as never);
    if (result.ok) {
      props.onDone(result.value);
      return;
    }
    if (!applyServerErrors(result.error, form.setError)) {
      form.setError('root', { message: result.error.message });
    }
  });

  const visited = detail.followUps.filter((f) => f.visitedAt !== null);
  return (
    <Modal opened onClose={props.onClose} title={t(`label.documentKind.${kind}`)} size="lg">
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Stack>
          {kind === 'session_notice' && (
            <>
              {text('startsAt', { type: 'datetime-local', required: true })}
              {text('place', { required: true })}
              <Controller
                control={form.control}
                name="partyIds"
                render={({ field }) => (
                  <MultiSelect
                    label={t('doc.field.partyIds')}
                    data={detail.parties.map((p) => ({ value: String(p.partyId), label: p.name }))}
                    value={((field.value as number[] | undefined) ?? []).map(String)}
                    onChange={(v) => field.onChange(v.map(Number))}
                    error={err('partyIds')}
                  />
                )}
              />
              {area('note')}
            </>
          )}
          {kind === 'mediation_record' && (
            <>
              {text('heldAt', { type: 'datetime-local', required: true })}
              {text('place', { required: true })}
              {text('attendees')}
              {area('record', true)}
            </>
          )}
          {kind === 'oral_agreement' && (
            <>
              {text('agreedOn', { type: 'date', required: true })}
              {area('content', true)}
              {area('performance')}
            </>
          )}
          {kind === 'confirmation_application' && text('court', { required: true })}
          {kind === 'follow_up_record' && (
            <Controller
              control={form.control}
              name="followUpId"
              render={({ field }) => (
                <Select
                  label={t('doc.field.followUpId')}
                  withAsterisk
                  data={visited.map((f) => ({
                    value: String(f.id),
                    label: `${f.visitedAt?.slice(0, 10) ?? ''} ${f.visitorName ?? ''}`,
                  }))}
                  value={field.value === undefined ? null : String(field.value)}
                  onChange={(v) => field.onChange(v === null ? undefined : Number(v))}
                  error={err('followUpId')}
                />
              )}
            />
          )}
          {kind === 'dossier' && text('retention')}
          {form.formState.errors.root?.message && (
            <Alert color="red" data-testid="generate-error">
              {form.formState.errors.root.message}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={form.formState.isSubmitting}>
              {t('doc.generate')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
