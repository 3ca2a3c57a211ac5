import { Loader, Paper, SegmentedControl, Stack, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DatabaseStatus } from '../../src/settings/database.schema';
import { useApiQuery } from '../api/hooks';
import { ErrorState } from '../shared/ErrorState';
import { CurrentDatabase } from './database/CurrentDatabase';
import { EmbeddedPanel } from './database/EmbeddedPanel';
import { ServerForm } from './database/ServerForm';

/**
 * Settings → Database: this computer's embedded file, or the center's PostgreSQL server shared
 * by every workstation. Switching signs everyone out: the other database has its own accounts.
 */
export function DatabaseSection() {
  const status = useApiQuery('database/status', {});
  if (status.isPending) return <Loader />;
  if (status.isError)
    return <ErrorState error={status.error} onRetry={() => void status.refetch()} />;
  return (
    <Stack>
      <CurrentDatabase status={status.data} />
      <DatabaseChoice status={status.data} />
    </Stack>
  );
}

function DatabaseChoice({ status }: { status: DatabaseStatus }) {
  const { t } = useTranslation();
  const [engine, setEngine] = useState<DatabaseStatus['engine']>(status.engine);
  return (
    <Paper withBorder p="md">
      <Stack>
        <Title order={4}>{t('database.title')}</Title>
        <SegmentedControl
          aria-label={t('database.choose')}
          value={engine}
          onChange={(value) => setEngine(value === 'postgres' ? 'postgres' : 'sqlite')}
          data={[
            { value: 'sqlite', label: t('database.choice.sqlite') },
            { value: 'postgres', label: t('database.choice.postgres') },
          ]}
          style={{ alignSelf: 'flex-start' }}
        />
        {engine === 'sqlite' ? <EmbeddedPanel status={status} /> : <ServerForm status={status} />}
      </Stack>
    </Paper>
  );
}
