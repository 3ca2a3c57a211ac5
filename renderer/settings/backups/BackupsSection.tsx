import { zodResolver } from '@hookform/resolvers/zod';
import {
  Alert,
  Badge,
  Button,
  Group,
  Loader,
  NumberInput,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDeviceFloppy } from '@tabler/icons-react';
import { useState } from 'react';
import { Controller, useForm, type Resolver } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { MethodOutput } from '../../../src/api/contract';
import { absolutePathSchema, backupSettingsSchema } from '../../../src/settings/settings.schema';
import { useApiQuery } from '../../api/hooks';
import { ErrorState } from '../../shared/ErrorState';
import { formatDateTime } from '../../shared/format';
import { useFieldError, useSave } from '../use-save';
import { RestoreModal } from './RestoreModal';

type Listing = MethodOutput<'backups/list'>;
type Fields = z.input<typeof backupSettingsSchema>;

function size(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function SettingsForm({ config }: { config: Listing['config'] }) {
  const { t } = useTranslation();
  const save = useSave();
  const err = useFieldError();
  const form = useForm<Fields>({
    resolver: (zodResolver as (schema: unknown) => Resolver<Fields>)(backupSettingsSchema),
    // Follows the stored settings (a save here or at another workstation) while a field is
    // untouched; what is being typed stays.
    values: {
      folder: config.folderSetting,
      keepDaily: config.keepDaily,
      keepMonthly: config.keepMonthly,
    },
    resetOptions: { keepDirtyValues: true, keepErrors: true },
  });
  const submit = form.handleSubmit(async (values) => {
    const saved = await save('backups/setSettings', values, form.setError);
    // Saved: untouched again (not keeping the fields as typed), so it follows the next change
    // made elsewhere.
    if (saved !== null) {
      form.reset(
        { folder: saved.folderSetting, keepDaily: saved.keepDaily, keepMonthly: saved.keepMonthly },
        { keepDirtyValues: false },
      );
    }
  });
  const count = (name: 'keepDaily' | 'keepMonthly', label: string, min: number) => (
    <Controller
      control={form.control}
      name={name}
      render={({ field, fieldState }) => (
        <NumberInput
          label={label}
          min={min}
          allowDecimal={false}
          value={field.value}
          onChange={(v) => field.onChange(typeof v === 'number' ? v : undefined)}
          error={err(fieldState.error?.message)}
        />
      )}
    />
  );
  return (
    <Paper withBorder p="md" component="form" onSubmit={submit} noValidate>
      <Stack>
        <Title order={4}>{t('backups.settingsTitle')}</Title>
        <Text size="sm" c="dimmed">
          {t('backups.auto')}
        </Text>
        <TextInput
          label={t('backups.folder')}
          placeholder={t('backups.folderPlaceholder', { folder: config.defaultFolder })}
          {...form.register('folder')}
          error={err(form.formState.errors.folder?.message)}
        />
        <SimpleGrid cols={2}>
          {count('keepDaily', t('backups.keepDaily'), 1)}
          {count('keepMonthly', t('backups.keepMonthly'), 0)}
        </SimpleGrid>
        <Group justify="flex-end">
          <Button type="submit" loading={form.formState.isSubmitting}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

function Checks({ backup }: { backup: Listing['backups'][number] }) {
  const { t } = useTranslation();
  if (backup.checks === null)
    return (
      <Badge color="gray" variant="light" tt="none">
        {t('backups.checksUnknown')}
      </Badge>
    );
  if (backup.checks.integrity && backup.checks.chainOk) {
    return (
      <Badge color="green" variant="light" tt="none">
        {t('backups.checksOk')}
      </Badge>
    );
  }
  return (
    <Badge color="red" variant="light" tt="none">
      {t('backups.checksBroken', { id: backup.checks.firstBreak?.id ?? '?' })}
    </Badge>
  );
}

function OtherFile({ onChoose }: { onChoose: (file: string) => void }) {
  const { t } = useTranslation();
  const err = useFieldError();
  const [file, setFile] = useState('');
  const [error, setError] = useState<string | undefined>();
  const choose = () => {
    const parsed = absolutePathSchema.safeParse(file);
    if (!parsed.success) {
      setError(parsed.error.issues[0]?.message);
      return;
    }
    setError(undefined);
    onChoose(parsed.data);
  };
  return (
    <Group align="flex-start">
      <TextInput
        label={t('backups.restoreOther')}
        placeholder={t('backups.restoreFile')}
        value={file}
        onChange={(e) => setFile(e.currentTarget.value)}
        error={err(error)}
        style={{ flexGrow: 1 }}
      />
      <Button variant="default" mt={25} onClick={choose}>
        {t('backups.check')}
      </Button>
    </Group>
  );
}

/** Settings → Backup and restore. */
export function BackupsSection() {
  const { t } = useTranslation();
  const save = useSave();
  const settings = useApiQuery('settings/get', {});
  const onServer = settings.data?.database.kind === 'postgres';
  const listing = useApiQuery('backups/list', {}, { enabled: settings.isSuccess && !onServer });
  const [backingUp, setBackingUp] = useState(false);
  const [restoring, setRestoring] = useState<string | null>(null);
  if (onServer)
    return (
      <Alert color="blue" title={t('settings.section.backups')} data-testid="backups-on-server">
        {t('error.backupOnServer')}
      </Alert>
    );
  if (settings.isError)
    return <ErrorState error={settings.error} onRetry={() => void settings.refetch()} />;
  if (listing.isPending) return <Loader />;
  if (listing.isError)
    return <ErrorState error={listing.error} onRetry={() => void listing.refetch()} />;

  const backUpNow = async () => {
    setBackingUp(true);
    const made = await save('backups/now', {}, undefined, { quiet: true });
    setBackingUp(false);
    if (made !== null)
      notifications.show({ color: 'green', message: t('backups.made', { file: made.file }) });
  };

  return (
    <Stack>
      <SettingsForm config={listing.data.config} />
      <Paper withBorder p="md">
        <Stack>
          <Group justify="space-between">
            <Title order={4}>{t('backups.listTitle')}</Title>
            <Button
              leftSection={<IconDeviceFloppy size={16} />}
              loading={backingUp}
              onClick={() => void backUpNow()}
            >
              {t('backups.now')}
            </Button>
          </Group>
          {listing.data.backups.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('backups.none')}
            </Text>
          ) : (
            <Table striped aria-label={t('backups.listTitle')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('backups.col.time')}</Table.Th>
                  <Table.Th>{t('backups.col.kind')}</Table.Th>
                  <Table.Th>{t('backups.col.size')}</Table.Th>
                  <Table.Th>{t('backups.col.checks')}</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {listing.data.backups.map((b) => (
                  <Table.Tr key={b.name}>
                    <Table.Td>
                      <Text size="sm">
                        {b.createdAt === null ? t('common.none') : formatDateTime(b.createdAt)}
                      </Text>
                      <Text size="xs" c="dimmed" ff="monospace">
                        {b.name}
                      </Text>
                    </Table.Td>
                    <Table.Td>{t(`backups.kind.${b.kind}`)}</Table.Td>
                    <Table.Td>{size(b.sizeBytes)}</Table.Td>
                    <Table.Td>
                      <Checks backup={b} />
                    </Table.Td>
                    <Table.Td>
                      <Button
                        size="xs"
                        variant="light"
                        color="orange"
                        onClick={() => setRestoring(b.file)}
                      >
                        {t('backups.restore')}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
          <OtherFile onChoose={setRestoring} />
        </Stack>
      </Paper>
      {restoring !== null && <RestoreModal file={restoring} onClose={() => setRestoring(null)} />}
    </Stack>
  );
}
