import { Anchor, Badge, Divider, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { OPEN_STATUSES } from '../../src/cases/case-list.schema';
import { centerDate } from '../../src/shared/center-time';
import { useApiQuery } from '../api/hooks';
import { caseListHref, DEFAULT_PARAMS, toApiFilter } from '../cases/list/list-params';
import { rowDeadline } from '../cases/list/row-deadline';
import type { CaseListItem } from '../cases/list/use-case-list';
import { CaseMiniList, type MiniColumn } from './CaseMiniList';
import { HomeCard } from './HomeCard';

const COLUMNS: readonly MiniColumn[] = ['parties', 'category', 'studio', 'status', 'deadline'];
const SHOWN = 8;

/** 我的案件 a mediator's open cases by urgency: overdue, due within 3 days, the rest. */
export function MyCasesCard({ staffId }: { staffId: number }) {
  const { t } = useTranslation();
  const mine = { ...DEFAULT_PARAMS, mediatorId: staffId };
  const open = { ...mine, statuses: OPEN_STATUSES };
  const byDeadline = { sort: 'deadlineOn', direction: 'asc' } as const;

  const overdue = useApiQuery('cases/list', {
    ...toApiFilter({ ...mine, overdue: true }),
    ...byDeadline,
    limit: SHOWN,
  });
  const dueSoon = useApiQuery('cases/list', {
    ...toApiFilter({ ...mine, dueSoon: true }),
    ...byDeadline,
    limit: SHOWN,
  });
  // "The rest" has no filter of its own: read the nearest open cases and leave out the urgent.
  const rest = useApiQuery('cases/list', {
    ...toApiFilter(open),
    ...byDeadline,
    limit: 100,
  });
  const overdueCount = useApiQuery('cases/count', toApiFilter({ ...mine, overdue: true }));
  const dueSoonCount = useApiQuery('cases/count', toApiFilter({ ...mine, dueSoon: true }));
  const openCount = useApiQuery('cases/count', toApiFilter(open));

  const today = centerDate(new Date());
  const restRows = rest.data?.items
    .filter((r) => {
      const d = rowDeadline(r.status, r.deadlineOn, today);
      return d === null || d.urgency === 'normal';
    })
    .slice(0, SHOWN);
  const restCount =
    openCount.data && overdueCount.data && dueSoonCount.data
      ? openCount.data.total - overdueCount.data.total - dueSoonCount.data.total
      : null;

  const part = (
    title: string,
    color: string,
    total: number | undefined,
    href: string,
    list: typeof overdue | typeof rest,
    rows: readonly CaseListItem[] | undefined,
    empty: string,
    testId: string,
  ) => (
    <Stack gap={4} data-testid={testId}>
      <Group justify="space-between">
        <Group gap="xs">
          <Text fw={600} size="sm">
            {title}
          </Text>
          {total !== undefined && (
            <Badge
              color={total > 0 ? color : 'gray'}
              variant={total > 0 ? 'filled' : 'light'}
              tt="none"
            >
              {t('roleHome.count', { count: total })}
            </Badge>
          )}
        </Group>
        <Anchor component={Link} href={href} size="xs">
          {t('roleHome.viewAll')}
        </Anchor>
      </Group>
      <CaseMiniList
        rows={rows}
        isPending={list.isPending}
        error={list.error}
        onRetry={() => void list.refetch()}
        columns={COLUMNS}
        empty={empty}
        label={title}
      />
    </Stack>
  );

  return (
    <HomeCard
      title={t('roleHome.mediator.myCases')}
      count={openCount.data?.total ?? null}
      testId="home-my-cases"
    >
      {part(
        t('roleHome.mediator.overdue'),
        'red',
        overdueCount.data?.total,
        caseListHref({ ...mine, overdue: true, ...byDeadline }),
        overdue,
        overdue.data?.items,
        t('roleHome.mediator.overdueEmpty'),
        'home-my-overdue',
      )}
      <Divider />
      {part(
        t('roleHome.mediator.dueSoon'),
        'orange',
        dueSoonCount.data?.total,
        caseListHref({ ...mine, dueSoon: true, ...byDeadline }),
        dueSoon,
        dueSoon.data?.items,
        t('roleHome.mediator.dueSoonEmpty'),
        'home-my-due-soon',
      )}
      <Divider />
      {part(
        t('roleHome.mediator.others'),
        'indigo',
        restCount ?? undefined,
        caseListHref({ ...open, ...byDeadline }),
        rest,
        restRows,
        t('roleHome.mediator.othersEmpty'),
        'home-my-others',
      )}
    </HomeCard>
  );
}
