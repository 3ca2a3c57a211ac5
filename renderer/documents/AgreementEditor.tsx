import { zodResolver } from '@hookform/resolvers/zod';
import {
  ActionIcon,
  Alert,
  Button,
  Checkbox,
  Group,
  NumberInput,
  Paper,
  ScrollArea,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconDownload, IconPlus, IconTrash } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../src/api/contract';
import {
  agreementContentSchema,
  type AgreementContent,
  type AgreementContentInput,
} from '../../src/documents/document.schema';
import { call, callResult } from '../api/client';
import { applyServerErrors } from '../shared/form-errors';
import { DocPreview } from './DocPreview';
import { base64Bytes, downloadBytes } from './pdf-output';

type Party = MethodOutput<'agreements/get'>['parties'][number];

export interface EditorTarget {
  /** The draft saved over, with the revision loaded; none for a new version. */
  readonly versionId?: number;
  readonly revision?: number;
  readonly versionNo?: number;
  readonly content: AgreementContentInput;
}

/** A blank agreement for every party of the case, one copy each and one for the committee. */
export function blankAgreement(parties: readonly Party[]): AgreementContentInput {
  return {
    parties: parties.map((p) => ({ partyId: p.partyId, agent: '' })),
    facts: '',
    issues: '',
    responsibilities: '',
    terms: [''],
    performanceManner: '',
    performancePlace: '',
    copies: parties.length + 1,
  };
}

/**
 * 人民调解协议书 editor: the form (the core's schema through react-hook-form) beside a live
 * preview drawn from the same model the PDF is, refreshed as the text settles.
 */
export function AgreementEditor(props: {
  caseId: number;
  parties: readonly Party[];
  target: EditorTarget;
  onSaved: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const form = useForm<AgreementContentInput, unknown, AgreementContent>({
    resolver: zodResolver(agreementContentSchema),
    defaultValues: props.target.content,
    // Validated on save, then as fields change: a blur that adds or removes an error message
    // would shift the Save button under the pointer between press and release.
  });
  const values = useWatch({ control: form.control });
  const [settled] = useDebouncedValue(values, 400);
  const parsed = agreementContentSchema.safeParse(settled);
  const preview = useQuery({
    queryKey: ['agreements/preview', props.caseId, parsed.success ? parsed.data : null],
    queryFn: () =>
      parsed.success
        ? call('agreements/preview', { caseId: props.caseId, content: parsed.data })
        : Promise.resolve(null),
    placeholderData: (previous) => previous,
  });
  const err = (message: string | undefined) => (message ? t(message) : undefined);
  const errors = form.formState.errors;

  const save = form.handleSubmit(async (content) => {
    const result = await callResult('agreements/save', {
      caseId: props.caseId,
      versionId: props.target.versionId,
      revision: props.target.revision,
      content,
    });
    if (result.ok) {
      notifications.show({
        color: 'teal',
        message: t('doc.agreement.saved', { version: result.value.versionNo }),
      });
      props.onSaved();
      return;
    }
    const placed = applyServerErrors(
      {
        ...result.error,
        fields:
          result.error.fields &&
          Object.fromEntries(
            Object.entries(result.error.fields).map(([k, v]) => [k.replace(/^content\./, ''), v]),
          ),
      },
      form.setError,
    );
    if (!placed) form.setError('root', { message: result.error.message });
  });

  const draftPdf = async () => {
    if (!parsed.success) return;
    const pdf = await call('agreements/previewPdf', { caseId: props.caseId, content: parsed.data });
    downloadBytes(base64Bytes(pdf.dataBase64), pdf.fileName, 'application/pdf');
  };

  const chosen = new Map((values.parties ?? []).map((p, i) => [p?.partyId, i]));
  return (
    <form onSubmit={(e) => void save(e)} noValidate data-testid="agreement-editor">
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
        <Stack gap="sm">
          <Title order={4}>
            {props.target.versionId === undefined
              ? t('doc.agreement.newVersion')
              : t('doc.agreement.editVersion', { version: props.target.versionNo })}
          </Title>
          <Paper withBorder p="sm">
            <Text fw={500} size="sm" mb={4}>
              {t('doc.agreement.parties')}
            </Text>
            <Controller
              control={form.control}
              name="parties"
              render={({ field }) => (
                <Stack gap={6}>
                  {props.parties.map((p) => {
                    const index = chosen.get(p.partyId);
                    return (
                      <Group key={p.partyId} gap="xs" wrap="nowrap" align="flex-end">
                        <Checkbox
                          w={230}
                          label={`${t(`label.partyRole.${p.role}`)}：${p.name}`}
                          checked={index !== undefined}
                          onChange={(e) =>
                            field.onChange(
                              e.currentTarget.checked
                                ? [...(field.value ?? []), { partyId: p.partyId, agent: '' }]
                                : (field.value ?? []).filter((x) => x.partyId !== p.partyId),
                            )
                          }
                        />
                        {index !== undefined && (
                          <TextInput
                            size="xs"
                            style={{ flex: 1 }}
                            aria-label={t('doc.agreement.agentOf', { name: p.name })}
                            placeholder={
                              p.kind === 'organization' && p.legalRepresentative
                                ? t('doc.agreement.representative', {
                                    name: p.legalRepresentative,
                                  })
                                : t('doc.agreement.agent')
                            }
                            {...form.register(`parties.${index}.agent`)}
                          />
                        )}
                      </Group>
                    );
                  })}
                </Stack>
              )}
            />
            {(errors.parties?.message ?? errors.parties?.root?.message) && (
              <Text c="red" size="sm" mt={4}>
                {err(errors.parties.message ?? errors.parties.root?.message)}
              </Text>
            )}
          </Paper>
          <Textarea
            label={t('doc.agreement.facts')}
            withAsterisk
            autosize
            minRows={4}
            maxRows={14}
            {...form.register('facts')}
            error={err(errors.facts?.message)}
          />
          <Textarea
            label={t('doc.agreement.issues')}
            autosize
            minRows={2}
            maxRows={8}
            {...form.register('issues')}
            error={err(errors.issues?.message)}
          />
          <Textarea
            label={t('doc.agreement.responsibilities')}
            autosize
            minRows={2}
            maxRows={8}
            {...form.register('responsibilities')}
            error={err(errors.responsibilities?.message)}
          />
          <Controller
            control={form.control}
            name="terms"
            render={({ field }) => {
              const terms = field.value ?? [];
              const set = (next: string[]) => field.onChange(next);
              return (
                <Stack gap={6}>
                  <Group justify="space-between">
                    <Text fw={500} size="sm">
                      {t('doc.agreement.terms')}
                    </Text>
                    <Button
                      size="compact-xs"
                      variant="light"
                      leftSection={<IconPlus size={12} />}
                      onClick={() => set([...terms, ''])}
                    >
                      {t('doc.agreement.addTerm')}
                    </Button>
                  </Group>
                  {terms.map((term, i) => (
                    <Group key={i} gap={4} align="flex-start" wrap="nowrap">
                      <Textarea
                        style={{ flex: 1 }}
                        autosize
                        minRows={1}
                        maxRows={6}
                        aria-label={t('doc.agreement.term', { n: i + 1 })}
                        value={term}
                        onChange={(e) => set(terms.map((x, j) => (j === i ? e.target.value : x)))}
                        error={err(errors.terms?.[i]?.message)}
                      />
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        mt={6}
                        aria-label={t('doc.agreement.removeTerm', { n: i + 1 })}
                        disabled={terms.length === 1}
                        onClick={() => set(terms.filter((_, j) => j !== i))}
                      >
                        <IconTrash size={14} />
                      </ActionIcon>
                    </Group>
                  ))}
                  {(errors.terms?.message ?? errors.terms?.root?.message) && (
                    <Text c="red" size="sm">
                      {err(errors.terms.message ?? errors.terms.root?.message)}
                    </Text>
                  )}
                </Stack>
              );
            }}
          />
          <SimpleGrid cols={2} spacing="xs">
            <TextInput
              label={t('doc.agreement.manner')}
              {...form.register('performanceManner')}
              error={err(errors.performanceManner?.message)}
            />
            <TextInput
              label={t('doc.agreement.place')}
              {...form.register('performancePlace')}
              error={err(errors.performancePlace?.message)}
            />
            <TextInput
              type="date"
              label={t('doc.agreement.deadline')}
              {...form.register('performanceDeadline', {
                setValueAs: (v: string) => (v === '' ? undefined : v),
              })}
              error={err(errors.performanceDeadline?.message)}
            />
            <Controller
              control={form.control}
              name="copies"
              render={({ field }) => (
                <NumberInput
                  label={t('doc.agreement.copies')}
                  min={2}
                  max={30}
                  value={field.value}
                  onChange={(v) => field.onChange(typeof v === 'number' ? v : Number(v))}
                  error={err(errors.copies?.message)}
                />
              )}
            />
          </SimpleGrid>
          {errors.root?.message && (
            <Alert color="red" data-testid="agreement-error">
              {errors.root.message}
            </Alert>
          )}
          <Group justify="space-between">
            <Button
              variant="subtle"
              leftSection={<IconDownload size={14} />}
              disabled={!parsed.success}
              onClick={() => void draftPdf()}
            >
              {t('doc.agreement.draftPdf')}
            </Button>
            <Group gap="xs">
              <Button variant="default" onClick={props.onCancel}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={form.formState.isSubmitting}>
                {t('common.save')}
              </Button>
            </Group>
          </Group>
        </Stack>
        <Stack gap="xs">
          <Group justify="space-between">
            <Text fw={500}>{t('doc.agreement.preview')}</Text>
            {!parsed.success && (
              <Text size="xs" c="dimmed" data-testid="preview-stale">
                {t('doc.agreement.previewIncomplete')}
              </Text>
            )}
          </Group>
          <ScrollArea h="calc(100vh - 160px)" type="auto" bg="gray.1" p="sm">
            {preview.data ? (
              <DocPreview model={preview.data.model} header={preview.data.header} />
            ) : (
              <Text c="dimmed" size="sm" p="md">
                {t('doc.agreement.previewEmpty')}
              </Text>
            )}
          </ScrollArea>
        </Stack>
      </SimpleGrid>
    </form>
  );
}
