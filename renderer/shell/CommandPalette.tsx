import { Group, Kbd, Loader, Text, UnstyledButton } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { createSpotlight, Spotlight } from '@mantine/spotlight';
import '@mantine/spotlight/styles.css';
import {
  IconCalendarEvent,
  IconChartBar,
  IconFileText,
  IconHome,
  IconListDetails,
  IconListSearch,
  IconSearch,
  IconSettings,
  IconUserPlus,
} from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import { CASE_SEARCH_MAX_LENGTH } from '../../src/cases/case-list.schema';
import type { Role } from '../../src/staff/staff.schema';
import { call } from '../api/client';
import { useSession } from '../auth/session';
import { partiesLine } from '../cases/list/CaseCells';
import { caseListHref } from '../cases/list/list-params';
import { StatusBadge } from '../cases/StatusBadge';
import { useStudioName, useStudios } from '../shared/studios';
import classes from './CommandPalette.module.css';

/** The palette's own store, so nothing else that uses Spotlight can open it by accident. */
export const [paletteStore, palette] = createSpotlight();

const LIST_ID = 'command-palette-actions';
const RESULTS = 8;

interface NavAction {
  readonly to: string;
  readonly label: string;
  readonly keywords: string;
  readonly icon: typeof IconHome;
  readonly role?: Role;
}

const NAV: readonly NavAction[] = [
  { to: '/', label: 'nav.home', keywords: 'home shouye 首页', icon: IconHome },
  {
    to: '/intake',
    label: 'nav.intake',
    keywords: 'intake register shouli dengji 受理 登记',
    icon: IconUserPlus,
    role: 'reception',
  },
  {
    to: '/cases',
    label: 'nav.cases',
    keywords: 'cases list anjian 案件 列表',
    icon: IconListDetails,
  },
  {
    to: '/schedule',
    label: 'nav.schedule',
    keywords: 'schedule sessions paiqi 排期',
    icon: IconCalendarEvent,
  },
  {
    to: '/documents',
    label: 'nav.documents',
    keywords: 'documents wenshu 文书',
    icon: IconFileText,
  },
  {
    to: '/reports',
    label: 'nav.reports',
    keywords: 'reports tongji 统计 报表',
    icon: IconChartBar,
  },
  { to: '/settings', label: 'nav.settings', keywords: 'settings shezhi 设置', icon: IconSettings },
];

/**
 * Moves the palette's selection to its first entry once results have rendered. Spotlight selects
 * the first entry as the query changes, but case results arrive later (debounce + call): Enter
 * must then open the first case, not whatever sat first before.
 */
function selectFirst() {
  const list = document.getElementById(LIST_ID);
  if (list === null) return;
  list.querySelector('[data-selected]')?.removeAttribute('data-selected');
  list.querySelector('[data-action]')?.setAttribute('data-selected', 'true');
  paletteStore.updateState((state) => ({ ...state, selected: 0 }));
}

/** ⌘K on a Mac, Ctrl+K elsewhere (either works everywhere). */
const PALETTE_KEYS = /Mac|iPhone|iPad/.test(navigator.userAgent) ? ['⌘', 'K'] : ['Ctrl', 'K'];

function PaletteKeys() {
  return (
    <Group gap={2} wrap="nowrap">
      {PALETTE_KEYS.map((key) => (
        <Kbd key={key} size="xs">
          {key}
        </Kbd>
      ))}
    </Group>
  );
}

/** The header's search field look-alike: opens the palette. */
export function PaletteButton() {
  const { t } = useTranslation();
  return (
    <UnstyledButton
      className={classes.button}
      onClick={palette.open}
      aria-label={t('palette.nav')}
      data-testid="open-palette"
    >
      <Group gap="xs" wrap="nowrap">
        <IconSearch size={16} stroke={1.5} />
        <Text size="sm" c="dimmed" flex={1} truncate>
          {t('palette.button')}
        </Text>
        <PaletteKeys />
      </Group>
    </UnstyledButton>
  );
}

/** Ctrl+K / ⌘K: jump to a case by number, party name, ID or phone, or to a screen. */
export function CommandPalette() {
  const { t } = useTranslation();
  const { caller } = useSession();
  const [, navigate] = useLocation();
  const studios = useStudios();
  const studioName = useStudioName();
  const [query, setQuery] = useState('');
  const [q] = useDebouncedValue(query.trim(), 200);

  const search = useQuery({
    queryKey: ['cases/list', { q, limit: RESULTS }],
    queryFn: () => call('cases/list', { q, limit: RESULTS }),
    enabled: q !== '',
    placeholderData: keepPreviousData,
  });
  const cases = q === '' ? [] : (search.data?.items ?? []);
  const searching = query.trim() !== '' && (q !== query.trim() || search.isFetching);

  const needle = query.trim().toLowerCase();
  const nav = NAV.filter((a) => a.role === undefined || caller.roles.includes(a.role)).filter(
    (a) =>
      needle === '' ||
      t(a.label).toLowerCase().includes(needle) ||
      a.keywords.toLowerCase().includes(needle),
  );

  const firstId = cases[0]?.id;
  useEffect(() => {
    selectFirst();
  }, [firstId, q]);

  return (
    <Spotlight.Root
      store={paletteStore}
      query={query}
      onQueryChange={setQuery}
      shortcut={['mod + K']}
      // Works from inside form fields too: reception jumps to a case while typing at intake.
      tagsToIgnore={[]}
      scrollable
      maxHeight={480}
      onSpotlightOpen={() => requestAnimationFrame(selectFirst)}
      aria-label={t('palette.title')}
    >
      <Spotlight.Search
        placeholder={t('palette.placeholder')}
        leftSection={searching ? <Loader size="xs" /> : <IconSearch size={20} stroke={1.5} />}
        maxLength={CASE_SEARCH_MAX_LENGTH}
        aria-label={t('palette.placeholder')}
      />
      <Spotlight.ActionsList id={LIST_ID}>
        {needle !== '' && (
          <Spotlight.ActionsGroup label={t('palette.cases')}>
            {cases.map((c) => (
              <Spotlight.Action
                key={c.id}
                label={c.number}
                description={[
                  partiesLine(c.parties, t('common.none')),
                  t(`label.category.${c.category}`),
                  studioName(studios.data?.find((s) => s.id === c.studioId)),
                ].join(' · ')}
                rightSection={<StatusBadge status={c.status} />}
                leftSection={<IconListDetails size={20} stroke={1.5} />}
                onClick={() => navigate(`/cases/${c.id}`)}
                data-testid="palette-case"
              />
            ))}
            {!searching && cases.length === 0 && (
              <Spotlight.Empty>
                {search.isError ? search.error.message : t('palette.noCases')}
              </Spotlight.Empty>
            )}
            <Spotlight.Action
              label={t('palette.searchInList', { q: query.trim() })}
              leftSection={<IconListSearch size={20} stroke={1.5} />}
              onClick={() => navigate(caseListHref({ q: query.trim() }))}
            />
          </Spotlight.ActionsGroup>
        )}
        {nav.length > 0 && (
          <Spotlight.ActionsGroup label={t('palette.goTo')}>
            {nav.map(({ to, label, icon: Icon }) => (
              <Spotlight.Action
                key={to}
                label={t(label)}
                leftSection={<Icon size={20} stroke={1.5} />}
                onClick={() => navigate(to)}
              />
            ))}
          </Spotlight.ActionsGroup>
        )}
      </Spotlight.ActionsList>
      <Spotlight.Footer>
        <Group gap="md" justify="space-between">
          <Text size="xs" c="dimmed">
            {t('palette.hint')}
          </Text>
          <Group gap={4}>
            <Kbd size="xs">↑</Kbd>
            <Kbd size="xs">↓</Kbd>
            <Text size="xs" c="dimmed">
              {t('palette.move')}
            </Text>
            <Kbd size="xs" ml="xs">
              Enter
            </Kbd>
            <Text size="xs" c="dimmed">
              {t('palette.open')}
            </Text>
            <Kbd size="xs" ml="xs">
              Esc
            </Kbd>
            <Text size="xs" c="dimmed">
              {t('palette.close')}
            </Text>
          </Group>
        </Group>
      </Spotlight.Footer>
    </Spotlight.Root>
  );
}
