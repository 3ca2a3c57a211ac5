import { zodResolver } from '@hookform/resolvers/zod';
import {
  Alert,
  Input,
  Button,
  Group,
  Paper,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { getHotkeyHandler } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconCircleCheck, IconPlus } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Controller, FormProvider, useFieldArray, useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { suggestedStudioCode } from '../../src/cases/case.labels';
import { CATEGORIES, intakeSchema, RISK_LEVELS, SOURCES } from '../../src/cases/case.schema';
import { callResult } from '../api/client';
import { applyServerErrors } from '../shared/form-errors';
import { useStudioName, useStudios } from '../shared/studios';
import { blankIntake, blankOrganization, blankPerson, type IntakeForm } from './intake-defaults';
import { PartyCard } from './PartyCard';
import { PrintReceiptButton } from '../documents/PrintReceiptButton';

/** One-stop intake: parties, dispute, routing; Ctrl+Enter saves. */
export function IntakePage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const studios = useStudios();
  const studioName = useStudioName();
  const [saved, setSaved] = useState<{ id: number; number: string } | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<IntakeForm>({
    resolver: zodResolver(intakeSchema),
    defaultValues: blankIntake(),
  });
  const { control, register, formState } = form;
  const parties = useFieldArray({ control, name: 'parties' });
  const watchedParties = useWatch({ control, name: 'parties' });
  const category = useWatch({ control, name: 'category' });
  const suggested = studios.data?.find((s) => category && s.code === suggestedStudioCode[category]);
  const err = (message: string | undefined) => (message ? t(message) : undefined);

  const submit = form.handleSubmit(
    async (input) => {
      setFormError(null);
      const result = await callResult('cases/register', input);
      if (!result.ok) {
        if (!applyServerErrors(result.error, form.setError)) setFormError(result.error.message);
        return;
      }
      setSaved(result.value);
      notifications.show({
        color: 'teal',
        message: t('intake.saved', { number: result.value.number }),
      });
      form.reset(blankIntake());
      await queryClient.invalidateQueries();
    },
    () => setFormError(t('intake.fixErrors')),
  );

  const partiesError = formState.errors.parties?.message ?? formState.errors.parties?.root?.message;
  const usedPartyIds = (watchedParties ?? []).flatMap((p) =>
    p.partyId === undefined ? [] : [p.partyId],
  );

  return (
    <FormProvider {...form}>
      <form
        onSubmit={submit}
        noValidate
        onKeyDown={getHotkeyHandler([['mod+Enter', () => void submit()]])}
      >
        <Stack>
          <Group justify="space-between" align="flex-end">
            <Stack gap={0}>
              <Title order={2}>{t('intake.title')}</Title>
              <Text c="dimmed" size="sm">
                {t('intake.subtitle')}
              </Text>
            </Stack>
          </Group>

          {saved && (
            <Alert
              color="teal"
              icon={<IconCircleCheck />}
              withCloseButton
              onClose={() => setSaved(null)}
              data-testid="intake-saved"
            >
              <Group justify="space-between">
                <Text fw={500}>{t('intake.saved', { number: saved.number })}</Text>
                <Group gap="xs">
                  <PrintReceiptButton caseId={saved.id} />
                  <Button size="xs" component={Link} href={`/cases/${saved.id}`}>
                    {t('intake.open')}
                  </Button>
                </Group>
              </Group>
            </Alert>
          )}
          {formError && (
            <Alert color="red" data-testid="intake-error">
              {formError}
            </Alert>
          )}

          <Paper withBorder p="md">
            <Group justify="space-between" mb="xs">
              <Title order={4}>{t('intake.parties')}</Title>
              <Group gap="xs">
                <Button
                  size="xs"
                  variant="light"
                  leftSection={<IconPlus size={14} />}
                  onClick={() => parties.append(blankPerson('respondent'))}
                >
                  {t('intake.addPerson')}
                </Button>
                <Button
                  size="xs"
                  variant="light"
                  leftSection={<IconPlus size={14} />}
                  onClick={() => parties.append(blankOrganization('respondent'))}
                >
                  {t('intake.addOrganization')}
                </Button>
              </Group>
            </Group>
            {partiesError && (
              <Text c="red" size="sm" mb="xs" data-testid="parties-error">
                {t(partiesError)}
              </Text>
            )}
            <Stack gap="xs">
              {parties.fields.map((field, index) => (
                <PartyCard
                  key={field.id}
                  index={index}
                  canRemove={parties.fields.length > 2}
                  onRemove={() => parties.remove(index)}
                  usedPartyIds={usedPartyIds}
                />
              ))}
            </Stack>
          </Paper>

          <Paper withBorder p="md">
            <Title order={4} mb="xs">
              {t('intake.dispute')}
            </Title>
            <Stack gap="xs">
              <SimpleGrid cols={{ base: 2, lg: 4 }} spacing="xs">
                <Controller
                  control={control}
                  name="category"
                  render={({ field, fieldState }) => (
                    <Select
                      label={t('intake.category')}
                      withAsterisk
                      searchable
                      value={field.value ?? null}
                      onChange={(v) => {
                        field.onChange(v ?? undefined);
                        const code = v
                          ? suggestedStudioCode[v as IntakeForm['category']]
                          : undefined;
                        const studio = studios.data?.find((s) => s.code === code);
                        if (studio && !form.getFieldState('studioId').isDirty)
                          form.setValue('studioId', studio.id);
                      }}
                      data={CATEGORIES.map((c) => ({ value: c, label: t(`label.category.${c}`) }))}
                      error={err(fieldState.error?.message)}
                    />
                  )}
                />
                <Controller
                  control={control}
                  name="source"
                  render={({ field, fieldState }) => (
                    <Select
                      label={t('intake.source')}
                      withAsterisk
                      allowDeselect={false}
                      value={field.value ?? null}
                      onChange={(v) => field.onChange(v ?? undefined)}
                      data={SOURCES.map((s) => ({ value: s, label: t(`label.source.${s}`) }))}
                      error={err(fieldState.error?.message)}
                    />
                  )}
                />
                <Controller
                  control={control}
                  name="riskLevel"
                  render={({ field }) => (
                    <Input.Wrapper label={t('intake.risk')}>
                      <SegmentedControl
                        fullWidth
                        aria-label={t('intake.risk')}
                        value={field.value ?? 'low'}
                        onChange={field.onChange}
                        data={RISK_LEVELS.map((r) => ({ value: r, label: t(`label.risk.${r}`) }))}
                      />
                    </Input.Wrapper>
                  )}
                />
                <TextInput
                  label={t('intake.amount')}
                  inputMode="decimal"
                  {...register('amountFen')}
                  error={err(formState.errors.amountFen?.message)}
                />
              </SimpleGrid>
              <Textarea
                label={t('intake.summary')}
                withAsterisk
                autosize
                minRows={3}
                {...register('summary')}
                error={err(formState.errors.summary?.message)}
              />
              <Textarea
                label={t('intake.requests')}
                autosize
                minRows={2}
                {...register('requests')}
                error={err(formState.errors.requests?.message)}
              />
            </Stack>
          </Paper>

          <Paper withBorder p="md">
            <Title order={4} mb="xs">
              {t('intake.routing')}
            </Title>
            <Controller
              control={control}
              name="studioId"
              render={({ field, fieldState }) => (
                <Select
                  label={t('intake.studio')}
                  withAsterisk
                  w={360}
                  value={field.value === undefined ? null : String(field.value)}
                  onChange={(v) => field.onChange(v === null ? undefined : Number(v))}
                  data={(studios.data ?? []).map((s) => ({
                    value: String(s.id),
                    label: studioName(s),
                  }))}
                  description={
                    suggested
                      ? t('intake.studioSuggested', { name: studioName(suggested) })
                      : undefined
                  }
                  error={err(fieldState.error?.message)}
                />
              )}
            />
          </Paper>

          <Group justify="flex-end">
            <Button type="submit" size="md" loading={formState.isSubmitting}>
              {t('intake.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </FormProvider>
  );
}
