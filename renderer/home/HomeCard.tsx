import { Anchor, Badge, Group, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { CaseListSort, SortDirection } from '../../src/cases/case-list.schema';
import { useApiQuery } from '../api/hooks';
import {
  caseListHref,
  type ListParams,
  toApiFilter,
  DEFAULT_PARAMS,
} from '../cases/list/list-params';
import { CaseMiniList, type MiniColumn } from './CaseMiniList';

/** A titled block of the home page, with a count and a link to the full list. */
export function HomeCard(props: {
  title: string;
  count?: number | null;
  countColor?: string;
  href?: string;
  children: ReactNode;
  testId?: string;
}) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md" data-testid={props.testId} h="100%">
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Group gap="xs" wrap="nowrap" miw={0}>
            <Title order={4}>{props.title}</Title>
            {props.count !== undefined && props.count !== null && (
              <Badge
                color={props.countColor ?? 'gray'}
                variant="light"
                data-testid="home-card-count"
                tt="none"
                style={{ flexShrink: 0 }}
              >
                {t('roleHome.count', { count: props.count })}
              </Badge>
            )}
          </Group>
          {props.href !== undefined && (
            <Anchor
              component={Link}
              href={props.href}
              size="sm"
              style={{ whiteSpace: 'nowrap', flexShrink: 0 }}
            >
              {t('roleHome.viewAll')}
            </Anchor>
          )}
        </Group>
        {props.children}
      </Stack>
    </Paper>
  );
}

/** A home card of cases: a few rows of a list query, its total, and the full list one click away. */
export function CaseListCard(props: {
  title: string;
  params: Partial<ListParams>;
  sort: CaseListSort;
  direction: SortDirection;
  limit?: number;
  columns: readonly MiniColumn[];
  empty: string;
  countColor?: string;
  testId?: string;
}) {
  const params = {
    ...DEFAULT_PARAMS,
    ...props.params,
    sort: props.sort,
    direction: props.direction,
  };
  const filter = toApiFilter(params);
  const list = useApiQuery('cases/list', {
    ...filter,
    sort: props.sort,
    direction: props.direction,
    limit: props.limit ?? 8,
  });
  const count = useApiQuery('cases/count', filter);
  return (
    <HomeCard
      title={props.title}
      count={count.data?.total ?? null}
      countColor={(count.data?.total ?? 0) > 0 ? props.countColor : 'gray'}
      href={caseListHref(params)}
      testId={props.testId}
    >
      <CaseMiniList
        rows={list.data?.items}
        isPending={list.isPending}
        error={list.error}
        onRetry={() => void list.refetch()}
        columns={props.columns}
        empty={props.empty}
        label={props.title}
      />
    </HomeCard>
  );
}

/** Stands where a later feature's content will be, and says which. */
export function PlaceholderCard(props: {
  title: string;
  text: string;
  icon: ReactNode;
  testId?: string;
}) {
  return (
    <Paper
      withBorder
      p="md"
      style={{ borderStyle: 'dashed', alignSelf: 'start' }}
      bg="transparent"
      data-testid={props.testId}
    >
      <Group gap="sm" wrap="nowrap" align="flex-start">
        <ThemeIcon variant="light" color="gray" size={36} radius="xl">
          {props.icon}
        </ThemeIcon>
        <Stack gap={2}>
          <Text fw={600}>{props.title}</Text>
          <Text size="sm" c="dimmed">
            {props.text}
          </Text>
        </Stack>
      </Group>
    </Paper>
  );
}
