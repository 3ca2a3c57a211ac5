import { Alert, Badge, Code, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { IconDatabase, IconServer2 } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { DatabaseStatus } from '../../../src/settings/database.schema';

/** Which database this workstation works on now, and this computer's file (always kept). */
export function CurrentDatabase({ status }: { status: DatabaseStatus }) {
  const { t } = useTranslation();
  const server = status.server;
  const onServer = status.engine === 'postgres' && server !== null;
  return (
    <Paper withBorder p="md">
      <Stack>
        <Group justify="space-between">
          <Title order={4}>{t('database.current')}</Title>
          <Group gap="xs">
            {onServer ? <IconServer2 size={20} /> : <IconDatabase size={20} />}
            <Badge
              size="lg"
              variant="light"
              color={onServer ? 'teal' : 'indigo'}
              tt="none"
              data-testid="database-kind"
            >
              {t(onServer ? 'database.server' : 'database.embedded')}
            </Badge>
          </Group>
        </Group>
        {onServer && (
          <Table variant="vertical" layout="fixed" withTableBorder data-testid="database-server">
            <Table.Tbody>
              <Table.Tr>
                <Table.Th w={180}>{t('database.address')}</Table.Th>
                <Table.Td>
                  <Text size="sm" ff="monospace">
                    {t('database.addressValue', server)}
                  </Text>
                </Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>{t('database.tlsMode')}</Table.Th>
                <Table.Td>{t(`database.tls.${server.tls}`)}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>{t('database.serverVersion')}</Table.Th>
                <Table.Td data-testid="database-server-version">
                  {status.serverVersion ?? t('database.versionUnknown')}
                </Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>{t('database.savedPassword')}</Table.Th>
                <Table.Td>{t(passwordState(server.hasPassword, status.canKeepPasswords))}</Table.Td>
              </Table.Tr>
            </Table.Tbody>
          </Table>
        )}
        <Stack gap={4}>
          <Text size="sm" c="dimmed">
            {t('database.file')}
          </Text>
          <Code block data-testid="database-file">
            {status.file}
          </Code>
          {onServer && (
            <Text size="xs" c="dimmed">
              {t('database.fileKept')}
            </Text>
          )}
        </Stack>
        {onServer && server.hasPassword && !status.canKeepPasswords && (
          <Alert color="yellow" variant="light">
            {t('database.noKeptPasswords')}
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}

function passwordState(hasPassword: boolean, canKeep: boolean) {
  if (!hasPassword) return 'database.savedPassword.none';
  return canKeep ? 'database.savedPassword.yes' : 'database.savedPassword.memory';
}
