import { Paper, SimpleGrid, Skeleton, Text, UnstyledButton } from '@mantine/core';
import { useQueries } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { CASE_STATUSES } from '../../src/cases/case.schema';
import { call } from '../api/client';
import { caseListHref } from '../cases/list/list-params';
import { ErrorState } from '../shared/ErrorState';
import { HomeCard } from './HomeCard';

/** 各状态案件数: how many cases stand in each state across the center; a tile opens the list. */
export function StatusCountsCard() {
  const { t } = useTranslation();
  const counts = useQueries({
    queries: CASE_STATUSES.map((status) => {
      const input = { statuses: [status] };
      return { queryKey: ['cases/count', input], queryFn: () => call('cases/count', input) };
    }),
  });
  const failed = counts.find((c) => c.isError);
  const total = counts.every((c) => c.isSuccess)
    ? counts.reduce((sum, c) => sum + (c.data?.total ?? 0), 0)
    : null;

  return (
    <HomeCard title={t('roleHome.director.byStatus')} count={total} testId="home-status-counts">
      {failed?.error ? (
        <ErrorState error={failed.error} onRetry={() => counts.forEach((c) => void c.refetch())} />
      ) : (
        <SimpleGrid cols={{ base: 2, sm: 4, lg: 7 }} spacing="xs">
          {CASE_STATUSES.map((status, i) => {
            const count = counts[i];
            return (
              <UnstyledButton
                key={status}
                component={Link}
                href={caseListHref({ statuses: [status] })}
                aria-label={`${t(`label.status.${status}`)} ${count?.data?.total ?? ''}`}
              >
                <Paper withBorder p="xs" ta="center" data-testid={`status-count-${status}`}>
                  {count?.isSuccess ? (
                    <Text fz={22} fw={700} lh={1.2}>
                      {count.data.total}
                    </Text>
                  ) : (
                    <Skeleton h={26} w={40} mx="auto" />
                  )}
                  <Text size="xs" c="dimmed" truncate>
                    {t(`label.status.${status}`)}
                  </Text>
                </Paper>
              </UnstyledButton>
            );
          })}
        </SimpleGrid>
      )}
    </HomeCard>
  );
}
