import { Center, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconTools } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { MessageKey } from '../i18n/zh-CN';

export function ComingSoon({ title }: { title: MessageKey }) {
  const { t } = useTranslation();
  return (
    <Center mih={360}>
      <Stack align="center" gap="xs">
        <ThemeIcon size={56} radius="xl" variant="light">
          <IconTools size={30} />
        </ThemeIcon>
        <Title order={3}>{t(title)}</Title>
        <Text c="dimmed">{t('common.comingText')}</Text>
      </Stack>
    </Center>
  );
}
