import { Badge, Button, Group, Loader, Paper, Table, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../api/hooks';
import { ErrorState } from '../../shared/ErrorState';
import { RoomsModal } from './RoomsModal';
import { StudioForm, type AdminStudio } from './StudioForm';

/** Settings → Studios and rooms: the eight defaults and any added, all editable. */
export function StudiosSection() {
  const { t, i18n } = useTranslation();
  const studios = useApiQuery('studios/listAll', {});
  const [editing, setEditing] = useState<AdminStudio | 'new' | null>(null);
  const [roomsOf, setRoomsOf] = useState<number | null>(null);
  if (studios.isPending) return <Loader />;
  if (studios.isError)
    return <ErrorState error={studios.error} onRetry={() => void studios.refetch()} />;
  const name = (s: AdminStudio) => (i18n.language === 'en' ? s.nameEn : s.nameZh);
  const rooms = studios.data.find((s) => s.id === roomsOf);
  return (
    <Paper withBorder p="md">
      <Group justify="flex-end" mb="sm">
        <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>
          {t('studios.add')}
        </Button>
      </Group>
      <Table striped highlightOnHover aria-label={t('settings.section.studios')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('studios.col.name')}</Table.Th>
            <Table.Th>{t('studios.col.kind')}</Table.Th>
            <Table.Th>{t('studios.col.number')}</Table.Th>
            <Table.Th>{t('studios.col.committee')}</Table.Th>
            <Table.Th>{t('studios.col.state')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {studios.data.map((s) => (
            <Table.Tr key={s.id}>
              <Table.Td>
                <Text size="sm" fw={500}>
                  {name(s)}
                </Text>
                <Text size="xs" c="dimmed" ff="monospace">
                  {s.code}
                </Text>
              </Table.Td>
              <Table.Td>{t(`label.studioKind.${s.kind}`)}</Table.Td>
              <Table.Td>
                {s.numberCode} · {s.numberWord}
              </Table.Td>
              <Table.Td>{s.committeeName}</Table.Td>
              <Table.Td miw={90}>
                <Badge variant="light" color={s.active ? 'green' : 'gray'} tt="none">
                  {s.active ? t('settings.active') : t('settings.inactive')}
                </Badge>
              </Table.Td>
              <Table.Td>
                <Group gap="xs" justify="flex-end" wrap="nowrap">
                  <Button size="xs" variant="light" onClick={() => setRoomsOf(s.id)}>
                    {t('studios.roomsButton', { count: s.rooms.filter((r) => r.active).length })}
                  </Button>
                  <Button
                    size="xs"
                    variant="default"
                    aria-label={`${t('settings.edit')} ${name(s)}`}
                    onClick={() => setEditing(s)}
                  >
                    {t('settings.edit')}
                  </Button>
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {editing !== null && (
        <StudioForm
          studio={editing === 'new' ? undefined : editing}
          onClose={() => setEditing(null)}
        />
      )}
      {rooms !== undefined && <RoomsModal studio={rooms} onClose={() => setRoomsOf(null)} />}
    </Paper>
  );
}
