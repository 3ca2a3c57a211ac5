import { Button, Chip, CloseButton, Group, Select, TextInput } from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconFilterOff, IconSearch } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CASE_SEARCH_MAX_LENGTH } from '../../../src/cases/case-list.schema';
import {
  CASE_STATUSES,
  CATEGORIES,
  RISK_LEVELS,
  SOURCES,
  type CaseStatus,
  type Category,
  type RiskLevel,
  type Source,
} from '../../../src/cases/case.schema';
import { centerDate } from '../../../src/shared/center-time';
import { useApiQuery } from '../../api/hooks';
import { useSession } from '../../auth/session';
import { useStudioName, useStudios } from '../../shared/studios';
import { ChoiceFilter } from './ChoiceFilter';
import type { ListParams } from './list-params';
import { studioScope } from './studio-scope';

/** How long typing pauses before the list searches. */
export const SEARCH_DEBOUNCE_MS = 300;

/** The studios the caller may list (see studio-scope.ts). */
function useVisibleStudios() {
  const { caller } = useSession();
  const studios = useStudios();
  const scope = studioScope(caller);
  return (studios.data ?? []).filter((s) => scope === null || scope.includes(s.id));
}

interface FilterBarProps {
  readonly params: ListParams;
  readonly filtered: boolean;
  readonly onChange: (patch: Partial<ListParams>) => void;
  readonly onClear: () => void;
  /** ↓ from the search box moves into the list. */
  readonly onFocusList: () => void;
}

export function FilterBar({ params, filtered, onChange, onClear, onFocusList }: FilterBarProps) {
  const { t } = useTranslation();
  const studioName = useStudioName();
  const studios = useVisibleStudios();
  const staff = useApiQuery('staff/list', {});

  // The search box answers every key at once; the list follows when typing pauses.
  const [text, setText] = useState(params.q);
  const submitted = useRef(params.q);
  const submit = useDebouncedCallback((q: string) => {
    submitted.current = q;
    onChange({ q });
  }, SEARCH_DEBOUNCE_MS);
  useEffect(() => {
    // A saved filter or "clear" changed the search from outside the box.
    if (params.q !== submitted.current) {
      submitted.current = params.q;
      setText(params.q);
    }
  }, [params.q]);

  // A range being picked (first date only) is the picker's until complete; the list's otherwise.
  type Range = [string | null, string | null];
  const committed: Range = [params.registeredFrom, params.registeredTo];
  const [picking, setPicking] = useState<{ from: Range; value: Range } | null>(null);
  const range =
    picking !== null && picking.from[0] === committed[0] && picking.from[1] === committed[1]
      ? picking.value
      : committed;

  const options = (values: readonly string[], group: string) =>
    values.map((v) => ({ value: v, label: t(`label.${group}.${v}`) as string }));

  const mediators = (staff.data ?? [])
    .filter((s) => s.roles.includes('mediator') && (s.active || s.id === params.mediatorId))
    .map((s) => ({ value: String(s.id), label: s.displayName }));

  return (
    <Group gap="sm" align="flex-end" wrap="wrap">
      <TextInput
        label={t('caseList.filter.search')}
        placeholder={t('caseList.filter.searchPlaceholder')}
        leftSection={<IconSearch size={16} />}
        rightSection={
          text !== '' ? (
            <CloseButton
              size="sm"
              aria-label={t('caseList.filter.clearSearch')}
              onClick={() => {
                setText('');
                submit.cancel();
                submitted.current = '';
                onChange({ q: '' });
              }}
            />
          ) : null
        }
        value={text}
        maxLength={CASE_SEARCH_MAX_LENGTH}
        onChange={(e) => {
          setText(e.currentTarget.value);
          submit(e.currentTarget.value);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            submit.flush();
          } else if (e.key === 'ArrowDown') {
            e.preventDefault();
            onFocusList();
          }
        }}
        style={{ flex: '1 1 300px' }}
        miw={260}
        data-autofocus
        type="search"
      />
      <ChoiceFilter
        label={t('caseList.filter.studio')}
        data={studios.map((s) => ({ value: String(s.id), label: studioName(s) }))}
        value={params.studioIds.map(String)}
        onChange={(v) => onChange({ studioIds: v.map(Number) })}
        width={250}
        dropdownWidth={300}
      />
      <ChoiceFilter
        label={t('caseList.filter.status')}
        data={options(CASE_STATUSES, 'status')}
        value={params.statuses}
        onChange={(v) => onChange({ statuses: v as CaseStatus[] })}
        width={200}
      />
      <ChoiceFilter
        label={t('caseList.filter.category')}
        data={options(CATEGORIES, 'category')}
        value={params.categories}
        onChange={(v) => onChange({ categories: v as Category[] })}
        width={200}
        dropdownWidth={240}
      />
      <ChoiceFilter
        label={t('caseList.filter.source')}
        data={options(SOURCES, 'source')}
        value={params.sources}
        onChange={(v) => onChange({ sources: v as Source[] })}
        width={170}
        dropdownWidth={260}
      />
      <ChoiceFilter
        label={t('caseList.filter.risk')}
        data={options(RISK_LEVELS, 'risk')}
        value={params.riskLevels}
        onChange={(v) => onChange({ riskLevels: v as RiskLevel[] })}
        width={120}
        dropdownWidth={160}
      />
      <Select
        label={t('caseList.filter.mediator')}
        placeholder={t('caseList.filter.any')}
        data={mediators}
        value={params.mediatorId === null ? null : String(params.mediatorId)}
        onChange={(v) => onChange({ mediatorId: v === null ? null : Number(v) })}
        clearable
        clearButtonProps={{
          'aria-label': t('caseList.filter.clearField', { field: t('caseList.filter.mediator') }),
        }}
        searchable
        nothingFoundMessage={t('caseList.filter.noMediators')}
        w={150}
      />
      <DatePickerInput
        type="range"
        label={t('caseList.filter.registered')}
        placeholder={t('caseList.filter.dateRange')}
        valueFormat="YYYY-MM-DD"
        value={range}
        onChange={(value) => {
          const [from, to] = value;
          setPicking({ from: committed, value: [from, to] });
          if (from !== null && to !== null) onChange({ registeredFrom: from, registeredTo: to });
          if (from === null && to === null) onChange({ registeredFrom: null, registeredTo: null });
        }}
        allowSingleDateInRange
        clearable
        maxDate={centerDate(new Date())}
        w={220}
        popoverProps={{ position: 'bottom-start' }}
      />
      <Group gap={6} h={36} align="center" role="group" aria-label={t('caseList.filter.deadline')}>
        <Chip
          checked={params.overdue}
          onChange={(checked) => onChange({ overdue: checked })}
          color="red"
          variant="outline"
        >
          {t('caseList.filter.overdue')}
        </Chip>
        <Chip
          checked={params.dueSoon}
          onChange={(checked) => onChange({ dueSoon: checked })}
          color="orange"
          variant="outline"
        >
          {t('caseList.filter.dueSoon')}
        </Chip>
      </Group>
      <Button
        variant="subtle"
        color="gray"
        leftSection={<IconFilterOff size={16} />}
        disabled={!filtered}
        onClick={() => {
          submit.cancel();
          onClear();
        }}
      >
        {t('caseList.filter.clear')}
      </Button>
    </Group>
  );
}
