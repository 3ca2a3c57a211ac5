import { Button, Group, Loader, Paper, Stack, Title } from '@mantine/core';
import { IconUserPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { useApiQuery } from '../api/hooks';
import { useSession } from '../auth/session';
import { CaseTable } from '../cases/CaseTable';
import { ErrorState } from '../shared/ErrorState';

/** Home: the work waiting for an answer; fuller role dashboards arrive with their features. */
export function HomePage() {
  const { t } = useTranslation();
  const { caller } = useSession();
  const awaiting = useApiQuery('cases/queue', { status: 'registered', limit: 50 });
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t('home.welcome', { name: caller.displayName })}</Title>
        {caller.roles.includes('reception') && (
          <Button component={Link} href="/intake" leftSection={<IconUserPlus size={18} />}>
            {t('nav.intake')}
          </Button>
        )}
      </Group>
      <Paper withBorder p="sm">
        <Title order={4} mb="xs">
          {t('home.awaiting')}
        </Title>
        {awaiting.isPending ? (
          <Loader />
        ) : awaiting.isError ? (
          <ErrorState error={awaiting.error} onRetry={() => void awaiting.refetch()} />
        ) : (
          <CaseTable cases={awaiting.data} />
        )}
      </Paper>
    </Stack>
  );
}
