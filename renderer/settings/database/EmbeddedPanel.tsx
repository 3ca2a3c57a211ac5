import { Button, Group, Stack, Text } from '@mantine/core';
import { IconArrowBackUp } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DatabaseStatus } from '../../../src/settings/database.schema';
import { SwitchDialog } from './SwitchDialog';

/** "This computer": what that means, and the way back to it from the center server. */
export function EmbeddedPanel({ status }: { status: DatabaseStatus }) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  if (status.engine === 'sqlite') {
    return (
      <Text size="sm" c="dimmed">
        {t('database.embeddedInUse')}
      </Text>
    );
  }
  return (
    <Stack>
      <Text size="sm">{t('database.switchBackIntro')}</Text>
      <Group justify="flex-end">
        <Button
          color="orange"
          variant="light"
          leftSection={<IconArrowBackUp size={16} />}
          onClick={() => setConfirming(true)}
        >
          {t('database.switchBack')}
        </Button>
      </Group>
      {confirming && (
        <SwitchDialog
          request={{ input: { engine: 'sqlite' }, target: null, needsSetup: false }}
          file={status.file}
          onClose={() => setConfirming(false)}
          onFieldErrors={() => false}
        />
      )}
    </Stack>
  );
}
