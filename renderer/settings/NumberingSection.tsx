import { zodResolver } from '@hookform/resolvers/zod';
import {
  Button,
  Code,
  Group,
  Loader,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useForm, type Resolver } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { MethodOutput } from '../../src/api/contract';
import { centerSettingsSchema, numberingSettingsSchema } from '../../src/settings/settings.schema';
import { useApiQuery } from '../api/hooks';
import { ErrorState } from '../shared/ErrorState';
import { StudioForm, type AdminStudio } from './studios/StudioForm';
import { useFieldError, useSave } from './use-save';

type Settings = MethodOutput<'settings/get'>;
type CenterFields = z.input<typeof centerSettingsSchema>;
type NumberingFields = z.input<typeof numberingSettingsSchema>;

function CenterForm({ center }: { center: Settings['center'] }) {
  const { t } = useTranslation();
  const save = useSave();
  const err = useFieldError();
  const form = useForm<CenterFields>({
    resolver: (zodResolver as (schema: unknown) => Resolver<CenterFields>)(centerSettingsSchema),
    defaultValues: center,
  });
  const submit = form.handleSubmit(async (values) => {
    await save('settings/setCenter', values, form.setError);
  });
  const errors = form.formState.errors;
  return (
    <Paper withBorder p="md" component="form" onSubmit={submit} noValidate>
      <Stack>
        <Title order={4}>{t('center.title')}</Title>
        <SimpleGrid cols={2}>
          <TextInput
            label={t('center.name')}
            withAsterisk
            {...form.register('name')}
            error={err(errors.name?.message)}
          />
          <TextInput
            label={t('center.nameEn')}
            withAsterisk
            {...form.register('nameEn')}
            error={err(errors.nameEn?.message)}
          />
        </SimpleGrid>
        <TextInput
          label={t('center.numberCode')}
          withAsterisk
          w={220}
          {...form.register('numberCode')}
          error={err(errors.numberCode?.message)}
        />
        <Group justify="flex-end">
          <Button type="submit" loading={form.formState.isSubmitting}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

function TemplateForm({ numbering }: { numbering: Settings['numbering'] }) {
  const { t } = useTranslation();
  const save = useSave();
  const err = useFieldError();
  const form = useForm<NumberingFields>({
    resolver: (zodResolver as (schema: unknown) => Resolver<NumberingFields>)(
      numberingSettingsSchema,
    ),
    // Follows the stored template (a save here or at another workstation) while the field is
    // untouched; what is being typed stays.
    values: { template: numbering.template },
    resetOptions: { keepDirtyValues: true, keepErrors: true },
  });
  const submit = form.handleSubmit(async (values) => {
    const saved = await save('settings/setNumbering', values, form.setError);
    // Saved: untouched again (not keeping this field as typed), so it follows the next change
    // made elsewhere.
    if (saved !== null) form.reset({ template: saved.template }, { keepDirtyValues: false });
  });
  return (
    <Paper withBorder p="md" component="form" onSubmit={submit} noValidate>
      <Stack>
        <Title order={4}>{t('numbering.title')}</Title>
        <TextInput
          label={t('numbering.template')}
          withAsterisk
          {...form.register('template')}
          error={err(form.formState.errors.template?.message)}
          description={t('numbering.placeholders')}
        />
        <Group gap="xs">
          <Text size="sm" c="dimmed">
            {t('numbering.example')}
          </Text>
          <Code fz="sm" data-testid="number-example">
            {numbering.example}
          </Code>
        </Group>
        <Group justify="flex-end">
          <Button type="submit" loading={form.formState.isSubmitting}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

function StudioCodes() {
  const { t, i18n } = useTranslation();
  const studios = useApiQuery('studios/listAll', {});
  const [editing, setEditing] = useState<AdminStudio | null>(null);
  if (studios.isPending) return <Loader size="sm" />;
  if (studios.isError) return <ErrorState error={studios.error} />;
  return (
    <Paper withBorder p="md">
      <Stack>
        <Title order={4}>{t('numbering.studios')}</Title>
        <Table striped aria-label={t('numbering.studios')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('studios.col.name')}</Table.Th>
              <Table.Th>{t('studios.numberCode')}</Table.Th>
              <Table.Th>{t('studios.numberWord')}</Table.Th>
              <Table.Th>{t('studios.col.committee')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {studios.data.map((s) => (
              <Table.Tr key={s.id}>
                <Table.Td>{i18n.language === 'en' ? s.nameEn : s.nameZh}</Table.Td>
                <Table.Td>{s.numberCode}</Table.Td>
                <Table.Td>{s.numberWord}</Table.Td>
                <Table.Td>{s.committeeName}</Table.Td>
                <Table.Td>
                  <Button size="xs" variant="default" onClick={() => setEditing(s)}>
                    {t('settings.edit')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Stack>
      {editing !== null && <StudioForm studio={editing} onClose={() => setEditing(null)} />}
    </Paper>
  );
}

/** Settings → Case numbers and document headers. */
export function NumberingSection() {
  const settings = useApiQuery('settings/get', {});
  if (settings.isPending) return <Loader />;
  if (settings.isError)
    return <ErrorState error={settings.error} onRetry={() => void settings.refetch()} />;
  return (
    <Stack>
      <CenterForm center={settings.data.center} />
      <TemplateForm numbering={settings.data.numbering} />
      <StudioCodes />
    </Stack>
  );
}
