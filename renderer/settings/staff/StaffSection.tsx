import { Badge, Button, Group, Loader, Menu, Paper, Table, Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import { IconDots, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../api/hooks';
import { useSession } from '../../auth/session';
import { ErrorState } from '../../shared/ErrorState';
import { useStudioName, useStudios } from '../../shared/studios';
import { useSave } from '../use-save';
import { ResetPasswordModal } from './ResetPasswordModal';
import { StaffForm, type Account } from './StaffForm';

/** Settings → Staff and roles: accounts, their roles and studios; deactivate, reset password. */
export function StaffSection() {
  const { t } = useTranslation();
  const { caller } = useSession();
  const accounts = useApiQuery('staff/accounts', {});
  const studios = useStudios();
  const studioName = useStudioName();
  const save = useSave();
  const [editing, setEditing] = useState<Account | 'new' | null>(null);
  const [resetting, setResetting] = useState<Account | null>(null);
  if (accounts.isPending) return <Loader />;
  if (accounts.isError)
    return <ErrorState error={accounts.error} onRetry={() => void accounts.refetch()} />;

  const setActive = (account: Account, active: boolean) => {
    const run = () =>
      void save('staff/setActive', { id: account.id, version: account.version, active });
    if (active) {
      run();
      return;
    }
    modals.openConfirmModal({
      title: t('staff.deactivateTitle', { name: account.displayName }),
      children: <Text size="sm">{t('staff.deactivateText')}</Text>,
      labels: { confirm: t('staff.deactivate'), cancel: t('common.cancel') },
      confirmProps: { color: 'red' },
      onConfirm: run,
    });
  };

  return (
    <Paper withBorder p="md">
      <Group justify="flex-end" mb="sm">
        <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>
          {t('staff.add')}
        </Button>
      </Group>
      <Table striped highlightOnHover aria-label={t('settings.section.staff')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('staff.col.name')}</Table.Th>
            <Table.Th>{t('staff.col.username')}</Table.Th>
            <Table.Th>{t('staff.col.roles')}</Table.Th>
            <Table.Th>{t('staff.col.studios')}</Table.Th>
            <Table.Th>{t('staff.col.state')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {accounts.data.map((a) => (
            <Table.Tr key={a.id} opacity={a.active ? 1 : 0.6}>
              <Table.Td>
                {a.displayName}
                {a.id === caller.staffId ? t('staff.you') : ''}
              </Table.Td>
              <Table.Td ff="monospace">{a.username}</Table.Td>
              <Table.Td>
                <Group gap={4}>
                  {a.roles.map((role) => (
                    <Badge key={role} variant="light" size="sm" tt="none">
                      {t(`label.role.${role}`)}
                    </Badge>
                  ))}
                </Group>
              </Table.Td>
              <Table.Td>
                <Text size="sm">
                  {a.studioIds.length === 0
                    ? t('common.none')
                    : a.studioIds
                        .map((id) => studioName(studios.data?.find((s) => s.id === id)))
                        .join('、')}
                </Text>
              </Table.Td>
              <Table.Td miw={90}>
                <Badge variant="light" color={a.active ? 'green' : 'gray'} tt="none">
                  {a.active ? t('settings.active') : t('settings.inactive')}
                </Badge>
              </Table.Td>
              <Table.Td>
                <Group gap="xs" justify="flex-end" wrap="nowrap">
                  <Button size="xs" variant="default" onClick={() => setEditing(a)}>
                    {t('settings.edit')}
                  </Button>
                  <Menu position="bottom-end">
                    <Menu.Target>
                      <Button size="xs" variant="subtle" aria-label={`${a.displayName} …`} px={6}>
                        <IconDots size={16} />
                      </Button>
                    </Menu.Target>
                    <Menu.Dropdown>
                      <Menu.Item onClick={() => setResetting(a)}>
                        {t('staff.resetPassword')}
                      </Menu.Item>
                      {a.active ? (
                        <Menu.Item
                          color="red"
                          disabled={a.id === caller.staffId}
                          onClick={() => setActive(a, false)}
                        >
                          {t('staff.deactivate')}
                        </Menu.Item>
                      ) : (
                        <Menu.Item onClick={() => setActive(a, true)}>
                          {t('staff.reactivate')}
                        </Menu.Item>
                      )}
                    </Menu.Dropdown>
                  </Menu>
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {editing !== null && (
        <StaffForm
          account={editing === 'new' ? undefined : editing}
          onClose={() => setEditing(null)}
        />
      )}
      {resetting !== null && (
        <ResetPasswordModal account={resetting} onClose={() => setResetting(null)} />
      )}
    </Paper>
  );
}
