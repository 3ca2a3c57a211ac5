import { Button } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPrinter } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { callResult } from '../api/client';
import { printedCode, useDocumentOutput } from './DocumentList';

/** Intake's "打印受理登记表": generate (or reprint) the register and hand it to the printer. */
export function PrintReceiptButton({ caseId }: { caseId: number }) {
  const { t } = useTranslation();
  const output = useDocumentOutput();
  const [busy, setBusy] = useState(false);
  const print = async () => {
    setBusy(true);
    const result = await callResult('documents/generate', { kind: 'acceptance_receipt', caseId });
    setBusy(false);
    if (!result.ok) {
      notifications.show({ color: 'red', message: result.error.message });
      return;
    }
    await output.run(result.value.id, 'print', {
      title: t('doc.generated.code', {
        code: printedCode(result.value.code),
        pages: result.value.pages,
      }),
      warning:
        result.value.missing.length > 0
          ? t('doc.generated.missing', { chars: result.value.missing.join(' ') })
          : undefined,
    });
  };
  return (
    <Button
      size="xs"
      variant="light"
      leftSection={<IconPrinter size={16} />}
      loading={busy || output.busy !== null}
      onClick={() => void print()}
    >
      {t('intake.printReceipt')}
    </Button>
  );
}
