import { Button, Center, Group, Loader, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconFilterOff, IconInbox, IconUserPlus } from '@tabler/icons-react';
import { useCallback, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';
import { centerDate } from '../../../src/shared/center-time';
import { useSession } from '../../auth/session';
import { ErrorState } from '../../shared/ErrorState';
import { CaseListTable } from './CaseListTable';
import { FilterBar } from './FilterBar';
import { DEFAULT_PARAMS, isFiltered, serializeParams } from './list-params';
import { SavedFilters } from './SavedFilters';
import { studioScope } from './studio-scope';
import { useCaseList } from './use-case-list';
import { useListParams } from './use-list-params';

/** 案件 the Cases screen: filter bar, search, sortable virtualized list, saved filters. */
export function CaseListPage() {
  const { t } = useTranslation();
  const { caller } = useSession();
  const [, navigate] = useLocation();
  const { params, ready, setParams, replaceParams } = useListParams(caller.staffId);
  // A link or an old address may name a studio outside the caller's scope: leave it out rather
  // than have the core refuse the whole list.
  const scope = studioScope(caller);
  const inScope =
    scope === null ? params.studioIds : params.studioIds.filter((id) => scope.includes(id));
  const outOfScope = inScope.length !== params.studioIds.length;
  useEffect(() => {
    if (ready && outOfScope) setParams({ studioIds: inScope });
  }, [ready, outOfScope, inScope, setParams]);
  const { pages, rows, count } = useCaseList(params, ready && !outOfScope);
  const filtered = isFiltered(params);
  const query = serializeParams(params);
  const today = centerDate(new Date());

  const { hasNextPage, isFetchingNextPage, fetchNextPage } = pages;
  const loadMore = useCallback(() => void fetchNextPage(), [fetchNextPage]);
  const openCase = useCallback((id: number) => navigate(`/cases/${id}`), [navigate]);
  const focusList = () =>
    document
      .querySelector<HTMLElement>('[data-testid="case-list"] [data-row][tabindex="0"]')
      ?.focus();
  const clear = () =>
    setParams({ ...DEFAULT_PARAMS, sort: params.sort, direction: params.direction });

  let body: React.ReactNode;
  if (!ready || pages.isPending) {
    body = (
      <Center flex={1}>
        <Loader />
      </Center>
    );
  } else if (pages.isError) {
    body = (
      <Stack gap={0}>
        <ErrorState error={pages.error} onRetry={() => void pages.refetch()} />
        {filtered && (
          <Group justify="center">
            <Button variant="subtle" leftSection={<IconFilterOff size={16} />} onClick={clear}>
              {t('caseList.filter.clear')}
            </Button>
          </Group>
        )}
      </Stack>
    );
  } else if (rows.length === 0) {
    body = filtered ? (
      <EmptyState
        icon={<IconFilterOff size={26} />}
        title={t('caseList.empty.filteredTitle')}
        text={t('caseList.empty.filteredText')}
        action={
          <Button variant="light" onClick={clear}>
            {t('caseList.filter.clear')}
          </Button>
        }
      />
    ) : (
      <EmptyState
        icon={<IconInbox size={26} />}
        title={t('caseList.empty.title')}
        text={t('caseList.empty.text')}
        action={
          caller.roles.includes('reception') ? (
            <Button component={Link} href="/intake" leftSection={<IconUserPlus size={16} />}>
              {t('nav.intake')}
            </Button>
          ) : null
        }
      />
    );
  } else {
    body = (
      <CaseListTable
        key={query}
        scrollKey={query}
        rows={rows}
        total={count.data?.total ?? null}
        hasMore={hasNextPage}
        loadingMore={isFetchingNextPage}
        loadMore={loadMore}
        sort={params.sort}
        direction={params.direction}
        onSort={(sort, direction) => setParams({ sort, direction })}
        onOpen={openCase}
        today={today}
      />
    );
  }

  return (
    // The page fills the window below the header; only the list scrolls.
    <Stack
      gap="sm"
      h="calc(100dvh - var(--app-shell-header-offset, 56px) - 2 * var(--mantine-spacing-md))"
    >
      <Group justify="space-between" wrap="nowrap">
        <Group gap="sm" align="baseline">
          <Title order={2}>{t('caseList.title')}</Title>
          <Text c="dimmed" size="sm" data-testid="case-count" aria-live="polite">
            {count.isSuccess
              ? t('caseList.total', { count: count.data.total })
              : count.isError
                ? ''
                : t('common.loading')}
          </Text>
        </Group>
        <SavedFilters
          staffId={caller.staffId}
          current={query}
          filtered={filtered}
          onApply={replaceParams}
        />
      </Group>
      <Paper withBorder p="sm">
        <FilterBar
          params={params}
          filtered={filtered}
          onChange={setParams}
          onClear={clear}
          onFocusList={focusList}
        />
      </Paper>
      {body}
    </Stack>
  );
}

function EmptyState(props: {
  icon: React.ReactNode;
  title: string;
  text: string;
  action: React.ReactNode;
}) {
  return (
    <Paper withBorder flex={1} data-testid="case-list-empty">
      <Center h="100%" mih={240}>
        <Stack align="center" gap={6}>
          <ThemeIcon size={52} radius="xl" variant="light" color="gray">
            {props.icon}
          </ThemeIcon>
          <Text fw={600}>{props.title}</Text>
          <Text size="sm" c="dimmed" ta="center" maw={420} mb="xs">
            {props.text}
          </Text>
          {props.action}
        </Stack>
      </Center>
    </Paper>
  );
}
