import { Alert, Button, Group, Loader, NumberInput, Paper, Select, Table } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DEADLINE_UNITS } from '../../src/settings/settings.schema';
import { useApiQuery } from '../api/hooks';
import { ErrorState } from '../shared/ErrorState';
import type { AdminStudio } from './studios/StudioForm';
import { useSave } from './use-save';

type Unit = (typeof DEADLINE_UNITS)[number];

function RuleRow({ studio }: { studio: AdminStudio }) {
  const { t, i18n } = useTranslation();
  const save = useSave();
  const [amount, setAmount] = useState<number | ''>(studio.deadlineAmount);
  const [unit, setUnit] = useState<Unit>(studio.deadlineUnit as Unit);
  const [error, setError] = useState<string | undefined>();
  const changed = amount !== studio.deadlineAmount || unit !== studio.deadlineUnit;
  const name = i18n.language === 'en' ? studio.nameEn : studio.nameZh;
  const submit = async () => {
    setError(undefined);
    await save(
      'studios/setDeadline',
      {
        id: studio.id,
        version: studio.version,
        deadlineAmount: amount === '' ? 0 : amount,
        deadlineUnit: unit,
      },
      (field, e) => field === 'deadlineAmount' && setError(e.message),
    );
  };
  return (
    <Table.Tr>
      <Table.Td>{name}</Table.Td>
      <Table.Td>{t(`label.studioKind.${studio.kind}`)}</Table.Td>
      <Table.Td>
        <Group gap="xs" wrap="nowrap">
          <NumberInput
            aria-label={`${name} ${t('studios.deadlineAmount')}`}
            value={amount}
            min={1}
            max={365}
            allowDecimal={false}
            onChange={(v) => setAmount(typeof v === 'number' ? v : '')}
            error={error}
            w={90}
          />
          <Select
            aria-label={`${name} ${t('studios.deadlineUnit')}`}
            allowDeselect={false}
            value={unit}
            onChange={(v) => v !== null && setUnit(v as Unit)}
            data={DEADLINE_UNITS.map((u) => ({ value: u, label: t(`deadlineUnit.${u}`) }))}
            w={150}
          />
        </Group>
      </Table.Td>
      <Table.Td>
        <Button size="xs" disabled={!changed} onClick={() => void submit()}>
          {t('common.save')}
        </Button>
      </Table.Td>
    </Table.Tr>
  );
}

/** Settings → Deadlines: each studio's rule (DESIGN §4), applied to its open cases too. */
export function DeadlinesSection() {
  const { t } = useTranslation();
  const studios = useApiQuery('studios/listAll', {});
  if (studios.isPending) return <Loader />;
  if (studios.isError)
    return <ErrorState error={studios.error} onRetry={() => void studios.refetch()} />;
  return (
    <Paper withBorder p="md">
      <Alert color="blue" mb="md">
        {t('deadlines.hint')}
      </Alert>
      <Table striped aria-label={t('settings.section.deadlines')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('studios.col.name')}</Table.Th>
            <Table.Th>{t('studios.col.kind')}</Table.Th>
            <Table.Th>{t('deadlines.rule')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {studios.data.map((s) => (
            <RuleRow key={`${s.id}-${s.version}`} studio={s} />
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}
