import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../api/hooks';

interface Props {
  readonly value: number | undefined;
  readonly onChange: (caseId: number | undefined) => void;
  readonly error?: string;
}

/** Finds an open case by number or party name (the case list's own search). */
export function CasePicker({ value, onChange, error }: Props) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 250);
  const found = useApiQuery('cases/list', {
    q: q === '' ? undefined : q,
    statuses: ['registered', 'accepted', 'in_mediation'],
    limit: 20,
  });
  const data = (found.data?.items ?? []).map((c) => ({
    value: String(c.id),
    label: `${c.number} ${c.parties.map((p) => p.name).join('、')}`,
  }));
  return (
    <Select
      label={t('schedule.field.case')}
      placeholder={t('schedule.field.casePlaceholder')}
      withAsterisk
      searchable
      data={data}
      // The server already searched: show what it found as it is.
      filter={({ options }) => options}
      searchValue={search}
      onSearchChange={setSearch}
      value={value === undefined ? null : String(value)}
      onChange={(v) => onChange(v === null ? undefined : Number(v))}
      nothingFoundMessage={t('schedule.field.caseNone')}
      error={error}
      data-testid="session-case"
    />
  );
}
