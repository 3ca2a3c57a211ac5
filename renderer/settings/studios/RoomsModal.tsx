import { zodResolver } from '@hookform/resolvers/zod';
import {
  ActionIcon,
  Button,
  Group,
  Modal,
  NumberInput,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
  Tooltip,
} from '@mantine/core';
import { IconDeviceFloppy } from '@tabler/icons-react';
import { Controller, useForm, type Resolver } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { createRoomSchema, updateRoomSchema } from '../../../src/settings/settings.schema';
import { useFieldError, useSave } from '../use-save';
import type { AdminStudio } from './StudioForm';

type Room = AdminStudio['rooms'][number];
type RoomFields = z.input<typeof createRoomSchema>;

/** One room as a row of inputs: saved on its own, active or not. */
function RoomRow({ room }: { room: Room }) {
  const { t } = useTranslation();
  const save = useSave();
  const err = useFieldError();
  const form = useForm<RoomFields & { active: boolean }>({
    resolver: (zodResolver as (schema: unknown) => Resolver<RoomFields & { active: boolean }>)(
      updateRoomSchema.omit({ id: true }),
    ),
    defaultValues: room,
  });
  const submit = form.handleSubmit(async (values) => {
    await save('rooms/update', { ...values, id: room.id }, form.setError);
  });
  const errors = form.formState.errors;
  return (
    <Table.Tr>
      <Table.Td>
        <TextInput
          aria-label={t('rooms.nameZh')}
          size="xs"
          {...form.register('nameZh')}
          error={err(errors.nameZh?.message)}
        />
      </Table.Td>
      <Table.Td>
        <TextInput
          aria-label={t('rooms.nameEn')}
          size="xs"
          {...form.register('nameEn')}
          error={err(errors.nameEn?.message)}
        />
      </Table.Td>
      <Table.Td w={100}>
        <Controller
          control={form.control}
          name="capacity"
          render={({ field, fieldState }) => (
            <NumberInput
              aria-label={t('rooms.capacity')}
              size="xs"
              min={1}
              allowDecimal={false}
              value={field.value}
              onChange={(v) => field.onChange(typeof v === 'number' ? v : undefined)}
              error={err(fieldState.error?.message)}
            />
          )}
        />
      </Table.Td>
      <Table.Td>
        <Controller
          control={form.control}
          name="active"
          render={({ field }) => (
            <Switch
              aria-label={t('settings.active')}
              checked={field.value}
              onChange={(e) => field.onChange(e.currentTarget.checked)}
            />
          )}
        />
      </Table.Td>
      <Table.Td>
        <Tooltip label={t('common.save')}>
          <ActionIcon variant="subtle" aria-label={t('common.save')} onClick={() => void submit()}>
            <IconDeviceFloppy size={18} />
          </ActionIcon>
        </Tooltip>
      </Table.Td>
    </Table.Tr>
  );
}

function AddRoom({ studioId }: { studioId: number }) {
  const { t } = useTranslation();
  const save = useSave();
  const err = useFieldError();
  const form = useForm<RoomFields>({
    resolver: (zodResolver as (schema: unknown) => Resolver<RoomFields>)(createRoomSchema),
    defaultValues: { studioId, nameZh: '', nameEn: '', capacity: 8 },
  });
  const submit = form.handleSubmit(async (values) => {
    if ((await save('rooms/create', values, form.setError)) !== null) {
      form.reset({ studioId, nameZh: '', nameEn: '', capacity: 8 });
    }
  });
  const errors = form.formState.errors;
  return (
    <form onSubmit={submit} noValidate>
      <Group align="flex-start" grow>
        <TextInput
          label={t('rooms.nameZh')}
          size="xs"
          {...form.register('nameZh')}
          error={err(errors.nameZh?.message)}
        />
        <TextInput
          label={t('rooms.nameEn')}
          size="xs"
          {...form.register('nameEn')}
          error={err(errors.nameEn?.message)}
        />
        <Controller
          control={form.control}
          name="capacity"
          render={({ field, fieldState }) => (
            <NumberInput
              label={t('rooms.capacity')}
              size="xs"
              min={1}
              allowDecimal={false}
              value={field.value}
              onChange={(v) => field.onChange(typeof v === 'number' ? v : undefined)}
              error={err(fieldState.error?.message)}
            />
          )}
        />
        <Button type="submit" size="xs" mt={22} style={{ flexGrow: 0 }}>
          {t('rooms.add')}
        </Button>
      </Group>
    </form>
  );
}

export function RoomsModal({ studio, onClose }: { studio: AdminStudio; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const name = i18n.language === 'en' ? studio.nameEn : studio.nameZh;
  return (
    <Modal opened onClose={onClose} size="xl" title={t('studios.rooms', { name })}>
      <Stack>
        {studio.rooms.length === 0 ? (
          <Text c="dimmed" size="sm">
            {t('rooms.none')}
          </Text>
        ) : (
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('rooms.nameZh')}</Table.Th>
                <Table.Th>{t('rooms.nameEn')}</Table.Th>
                <Table.Th>{t('rooms.capacity')}</Table.Th>
                <Table.Th>{t('settings.active')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {studio.rooms.map((room) => (
                <RoomRow key={room.id} room={room} />
              ))}
            </Table.Tbody>
          </Table>
        )}
        <AddRoom studioId={studio.id} />
      </Stack>
    </Modal>
  );
}
