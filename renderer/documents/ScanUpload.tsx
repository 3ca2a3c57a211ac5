import { Anchor, FileButton, Button, Group, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconUpload } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../src/api/contract';
import { MAX_SCAN_BYTES } from '../../src/documents/document.schema';
import { call, callResult } from '../api/client';
import { formatDateTime } from '../shared/format';
import { base64Bytes, bytesBase64, downloadBytes } from './pdf-output';

type Version = MethodOutput<'agreements/get'>['versions'][number];

/** The scanned signed copy: PDF, JPEG or PNG (the core checks the bytes, not the name). */
export function ScanUpload(props: { version: Version; editable: boolean; onChanged: () => void }) {
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const upload = async (file: File | null) => {
    if (file === null) return;
    setError(null);
    if (file.size > MAX_SCAN_BYTES) {
      setError(t('validation.scan.tooLarge'));
      return;
    }
    setBusy(true);
    const bytes = new Uint8Array(await file.arrayBuffer());
    const result = await callResult('agreements/attachScan', {
      versionId: props.version.id,
      fileName: file.name,
      dataBase64: bytesBase64(bytes),
    });
    setBusy(false);
    if (!result.ok) {
      setError(result.error.fields?.dataBase64 ?? result.error.message);
      return;
    }
    notifications.show({ color: 'teal', message: t('doc.scan.attached', { name: file.name }) });
    props.onChanged();
  };
  const open = async (id: number) => {
    const scan = await call('agreements/scan', { id });
    downloadBytes(base64Bytes(scan.dataBase64), scan.fileName, scan.mime);
  };
  return (
    <Stack gap={4}>
      <Group gap="xs">
        <Text size="sm" fw={500}>
          {t('doc.scan.title')}
        </Text>
        {props.editable && (
          <FileButton
            onChange={(f) => void upload(f)}
            accept="application/pdf,image/jpeg,image/png"
          >
            {(fileProps) => (
              <Button
                {...fileProps}
                size="compact-xs"
                variant="light"
                loading={busy}
                leftSection={<IconUpload size={12} />}
              >
                {t('doc.scan.attach')}
              </Button>
            )}
          </FileButton>
        )}
      </Group>
      {error && (
        <Text size="sm" c="red" data-testid="scan-error">
          {error}
        </Text>
      )}
      {props.version.scans.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('doc.scan.none')}
        </Text>
      ) : (
        props.version.scans.map((s) => (
          <Text size="sm" key={s.id}>
            <Anchor component="button" type="button" onClick={() => void open(s.id)}>
              {s.fileName}
            </Anchor>{' '}
            · {Math.ceil(s.size / 1024)} KB · {formatDateTime(s.attachedAt)} ·{' '}
            <Text span ff="monospace" size="xs">
              SHA-256 {s.sha256.slice(0, 16)}…
            </Text>
          </Text>
        ))
      )}
    </Stack>
  );
}
