import { Alert, Badge, Code, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { IconDatabase } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../api/hooks';
import { ErrorState } from '../shared/ErrorState';

/** Settings → Database: where the record lives. PostgreSQL comes with its own issue. */
export function DatabaseSection() {
  const { t } = useTranslation();
  const settings = useApiQuery('settings/get', {});
  if (settings.isPending) return <Loader />;
  if (settings.isError)
    return <ErrorState error={settings.error} onRetry={() => void settings.refetch()} />;
  return (
    <Paper withBorder p="md">
      <Stack>
        <Title order={4}>{t('database.title')}</Title>
        <Group>
          <IconDatabase size={20} />
          <Badge size="lg" variant="light" tt="none" data-testid="database-kind">
            {t('database.embedded')}
          </Badge>
        </Group>
        <Stack gap={4}>
          <Text size="sm" c="dimmed">
            {t('database.file')}
          </Text>
          <Code block data-testid="database-file">
            {settings.data.database.file}
          </Code>
        </Stack>
        <Alert color="gray">{t('database.postgresLater')}</Alert>
      </Stack>
    </Paper>
  );
}
