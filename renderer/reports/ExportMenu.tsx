import { Button, Group } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconFileSpreadsheet, IconFileText, IconFileTypePdf } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodInput, MethodOutput } from '../../src/api/contract';
import type { ExportFormat } from '../../src/reports/report.schema';
import { call } from '../api/client';
import { downloadFile } from './download';

type ExportInput = MethodInput<'reports/export'>;
/** An export request without its format: the buttons add it. */
type ExportSpec = ExportInput extends infer U
  ? U extends ExportInput
    ? Omit<U, 'format'>
    : never
  : never;

function useDownload() {
  const { t } = useTranslation();
  const [busy, setBusy] = useState<string | null>(null);
  const run = async (
    key: string,
    produce: () => Promise<{ filename: string; mimeType: string; base64: string }>,
  ) => {
    setBusy(key);
    try {
      const file = await produce();
      downloadFile(file);
      notifications.show({
        color: 'teal',
        message: t('reports.export.done', { filename: file.filename }),
      });
    } catch (error) {
      notifications.show({
        color: 'red',
        title: t('reports.export.failed'),
        message: error instanceof Error ? error.message : String(error),
      });
    } finally {
      setBusy(null);
    }
  };
  return { busy, run };
}

/** XLSX and CSV of one list or table set (reports/export). */
export function ExportButtons({ input, testId }: { input: ExportSpec; testId: string }) {
  const { t } = useTranslation();
  const { busy, run } = useDownload();
  const exportAs = (format: ExportFormat) =>
    void run(format, () => call('reports/export', { ...input, format } as ExportInput));
  return (
    <Group gap="xs" data-testid={testId}>
      <Button
        size="xs"
        variant="light"
        leftSection={<IconFileSpreadsheet size={16} />}
        loading={busy === 'xlsx'}
        onClick={() => exportAs('xlsx')}
      >
        {t('reports.export.xlsx')}
      </Button>
      <Button
        size="xs"
        variant="light"
        leftSection={<IconFileText size={16} />}
        loading={busy === 'csv'}
        onClick={() => exportAs('csv')}
      >
        {t('reports.export.csv')}
      </Button>
    </Group>
  );
}

/** The dashboard's downloads: its tables as XLSX or CSV, and the monthly report as PDF. */
export function ExportMenu({
  view,
  studioIds,
}: {
  view: MethodOutput<'reports/dashboard'>;
  studioIds: readonly number[];
}) {
  const { t } = useTranslation();
  const { busy, run } = useDownload();
  const scope = studioIds.length > 0 ? { studioIds: [...studioIds] } : {};
  // The month the report is on: the period's own month, or the last month it reaches.
  const month = (view.period.cutoff ?? view.period.to).slice(0, 7);
  return (
    <Group gap="xs">
      <ExportButtons
        input={{ what: 'dashboard', from: view.period.from, to: view.period.to, ...scope }}
        testId="dashboard-export"
      />
      <Button
        size="xs"
        variant="light"
        color="red"
        leftSection={<IconFileTypePdf size={16} />}
        loading={busy === 'pdf'}
        data-testid="monthly-pdf"
        onClick={() =>
          void run('pdf', () =>
            call('reports/monthly', {
              year: Number(month.slice(0, 4)),
              month: Number(month.slice(5, 7)),
              ...scope,
            }),
          )
        }
      >
        {t('reports.export.monthly', { month })}
      </Button>
    </Group>
  );
}
