import { Alert, List, Text } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ConnectionReport } from '../../../src/settings/database.schema';

/**
 * The answer of "Test connection": green with what the server is and holds, or red with what is
 * wrong and what to do (the core's explanation, in the window's language).
 */
export function ConnectionReportView({ report }: { report: ConnectionReport }) {
  const { t } = useTranslation();
  if (!report.ok) {
    return (
      <Alert
        color="red"
        icon={<IconAlertTriangle />}
        title={t(`database.problem.${report.problem ?? 'unknown'}`)}
        data-testid="connection-report"
        data-ok="false"
        role="alert"
      >
        <Text size="sm">{report.message}</Text>
        {report.serverVersion !== null && (
          <Text size="sm" c="dimmed" mt={4}>
            {t('database.report.version', { version: report.serverVersion })}
          </Text>
        )}
      </Alert>
    );
  }
  return (
    <Alert
      color="green"
      icon={<IconCircleCheck />}
      title={t('database.report.ok')}
      data-testid="connection-report"
      data-ok="true"
      role="status"
    >
      <List size="sm" spacing={2}>
        <List.Item>
          {t('database.report.version', { version: report.serverVersion ?? '?' })}
        </List.Item>
        {report.schema !== null && (
          <List.Item>
            {t('database.report.schema', {
              value: t(`database.report.schema.${report.schema}`),
            })}
          </List.Item>
        )}
        {report.hasRecords !== null && (
          <List.Item>
            {t('database.report.records', {
              value: t(
                report.hasRecords ? 'database.report.records.yes' : 'database.report.records.no',
              ),
            })}
          </List.Item>
        )}
      </List>
    </Alert>
  );
}
