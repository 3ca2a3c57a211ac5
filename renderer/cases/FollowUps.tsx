import { zodResolver } from '@hookform/resolvers/zod';
import {
  Badge,
  Button,
  Checkbox,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { MethodOutput } from '../../src/api/contract';
import { PERFORMANCE, recordFollowUpSchema, SATISFACTION } from '../../src/cases/case.schema';
import { formatDateTime } from '../shared/format';
import { runAction } from './actions/run-action';

type FollowUp = MethodOutput<'cases/get'>['followUps'][number];
type FollowUpForm = z.input<typeof recordFollowUpSchema>;

/** 回访: due after conclusion; performance, satisfaction and signs of escalation. */
export function FollowUps(props: {
  followUps: readonly FollowUp[];
  canRecord: boolean;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  if (props.followUps.length === 0) {
    return (
      <Text c="dimmed" size="sm">
        {t('followUp.none')}
      </Text>
    );
  }
  return (
    <Stack>
      {props.followUps.map((f) => (
        <Paper key={f.id} withBorder p="sm" data-testid="follow-up">
          <Group justify="space-between" mb="xs">
            <Text fw={500}>{t('followUp.due', { date: f.dueOn })}</Text>
            {f.visitedAt ? (
              <Badge color="teal">
                {t('followUp.done', {
                  date: formatDateTime(f.visitedAt),
                  name: f.visitorName ?? '',
                })}
              </Badge>
            ) : (
              <Badge color="orange">{t('followUp.pending')}</Badge>
            )}
          </Group>
          {f.visitedAt ? (
            <SimpleGrid cols={3}>
              <Text size="sm">{f.performance ? t(`label.performance.${f.performance}`) : ''}</Text>
              <Text size="sm">
                {f.satisfaction ? t(`label.satisfaction.${f.satisfaction}`) : t('followUp.unrated')}
              </Text>
              <Text size="sm" c={f.escalation ? 'red' : undefined}>
                {f.escalation
                  ? `${t('followUp.escalation')}: ${f.escalationNote ?? ''}`
                  : t('followUp.noEscalation')}
              </Text>
              {f.note && <Text size="sm">{f.note}</Text>}
            </SimpleGrid>
          ) : (
            props.canRecord && <FollowUpForm followUp={f} onChanged={props.onChanged} />
          )}
        </Paper>
      ))}
    </Stack>
  );
}

function FollowUpForm({ followUp, onChanged }: { followUp: FollowUp; onChanged: () => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const form = useForm<FollowUpForm>({
    resolver: zodResolver(recordFollowUpSchema),
    defaultValues: {
      followUpId: followUp.id,
      version: followUp.version,
      escalation: false,
      escalationNote: '',
      note: '',
    },
  });
  if (!open) {
    return (
      <Button size="xs" onClick={() => setOpen(true)}>
        {t('followUp.record')}
      </Button>
    );
  }
  const err = (m?: string) => (m ? t(m) : undefined);
  const submit = form.handleSubmit(async (values) => {
    const done = await runAction('followUps/record', values, {
      setError: form.setError,
      onStale: onChanged,
      staleText: t('action.stale'),
    });
    if (done === null) return;
    notifications.show({ color: 'teal', message: t('followUp.saved') });
    onChanged();
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="xs">
        <SimpleGrid cols={2}>
          <Controller
            control={form.control}
            name="performance"
            render={({ field, fieldState }) => (
              <Select
                label={t('field.performance')}
                withAsterisk
                data={PERFORMANCE.map((p) => ({ value: p, label: t(`label.performance.${p}`) }))}
                value={field.value ?? null}
                onChange={(v) => field.onChange(v ?? undefined)}
                error={err(fieldState.error?.message)}
              />
            )}
          />
          <Controller
            control={form.control}
            name="satisfaction"
            render={({ field }) => (
              <Select
                label={t('field.satisfaction')}
                clearable
                data={SATISFACTION.map((s) => ({ value: s, label: t(`label.satisfaction.${s}`) }))}
                value={field.value ?? null}
                onChange={(v) => field.onChange(v ?? undefined)}
              />
            )}
          />
        </SimpleGrid>
        <Checkbox label={t('followUp.escalation')} {...form.register('escalation')} />
        <Textarea
          label={t('field.escalationNote')}
          autosize
          {...form.register('escalationNote')}
          error={err(form.formState.errors.escalationNote?.message)}
        />
        <Textarea
          label={t('field.note')}
          autosize
          {...form.register('note')}
          error={err(form.formState.errors.note?.message)}
        />
        <Group justify="flex-end">
          <Button variant="default" size="xs" onClick={() => setOpen(false)}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" size="xs" loading={form.formState.isSubmitting}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
