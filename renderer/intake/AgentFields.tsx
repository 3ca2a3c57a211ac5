import { Group, SegmentedControl, Select } from '@mantine/core';
import { Controller, useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { AGENT_AUTHORITIES } from '../../src/cases/case.schema';
import type { IntakeForm } from './intake-defaults';

/** 代理人: whom the agent acts for, and with which authority (一般 / 特别授权). */
export function AgentFields({ index }: { index: number }) {
  const { t } = useTranslation();
  const { control, formState } = useFormContext<IntakeForm>();
  const parties = useWatch({ control, name: 'parties' });
  const errors = formState.errors.parties?.[index];
  const principals = parties
    .map((p, i) => ({ p, i }))
    .filter(({ p, i }) => i !== index && p.role !== 'agent')
    .map(({ p, i }) => ({
      value: String(i),
      label: `${t(`label.partyRole.${p.role}`)} ${p.party.name || `#${i + 1}`}`,
    }));
  const message = (m: string | undefined) => (m ? t(m) : undefined);
  return (
    <Group gap="xs">
      <Controller
        control={control}
        name={`parties.${index}.represents`}
        render={({ field }) => (
          <Select
            size="xs"
            w={200}
            aria-label={t('party.represents')}
            placeholder={t('party.represents')}
            data={principals}
            value={field.value === undefined ? null : String(field.value)}
            onChange={(v) => field.onChange(v === null ? undefined : Number(v))}
            error={message(errors?.represents?.message)}
          />
        )}
      />
      <Controller
        control={control}
        name={`parties.${index}.authority`}
        render={({ field }) => (
          <SegmentedControl
            size="xs"
            aria-label={t('party.authority')}
            value={field.value ?? ''}
            onChange={field.onChange}
            data={AGENT_AUTHORITIES.map((a) => ({ value: a, label: t(`label.authority.${a}`) }))}
          />
        )}
      />
    </Group>
  );
}
