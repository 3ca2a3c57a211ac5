import { zodResolver } from '@hookform/resolvers/zod';
import {
  ActionIcon,
  Button,
  Divider,
  Group,
  Modal,
  Popover,
  ScrollArea,
  Stack,
  Text,
  TextInput,
  Tooltip,
  UnstyledButton,
} from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { IconBookmark, IconBookmarkPlus, IconChevronDown, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from '../../../src/shared/zod-messages';
import { SAVED_FILTER_NAME_MAX, useSavedFilters } from './saved-filters';
import classes from './SavedFilters.module.css';

const nameSchema = z.object({ name: z.string().trim().min(1).max(SAVED_FILTER_NAME_MAX) });
type NameForm = z.input<typeof nameSchema>;

interface SavedFiltersProps {
  readonly staffId: number;
  /** The list's current query string (filter, search, sort). */
  readonly current: string;
  /** Whether the current list is filtered at all (an unfiltered list is not worth a name). */
  readonly filtered: boolean;
  readonly onApply: (query: string) => void;
}

/** 已保存的筛选: name the current filter, pick one, delete one (after confirmation). */
export function SavedFilters({ staffId, current, filtered, onApply }: SavedFiltersProps) {
  const { t } = useTranslation();
  const { saved, save, remove } = useSavedFilters(staffId);
  const [opened, setOpened] = useState(false);
  const [naming, setNaming] = useState(false);
  const form = useForm<NameForm>({
    resolver: zodResolver(nameSchema),
    defaultValues: { name: '' },
  });

  const submit = form.handleSubmit(({ name }) => {
    const trimmed = name.trim();
    if (saved.some((f) => f.name === trimmed)) {
      form.setError('name', { message: 'caseList.saved.duplicate' });
      return;
    }
    save(trimmed, current);
    setNaming(false);
    form.reset({ name: '' });
    notifications.show({ color: 'teal', message: t('caseList.saved.done', { name: trimmed }) });
  });

  const confirmDelete = (name: string) => {
    setOpened(false);
    modals.openConfirmModal({
      title: t('caseList.saved.deleteTitle'),
      children: <Text size="sm">{t('caseList.saved.deleteText', { name })}</Text>,
      labels: { confirm: t('caseList.saved.delete'), cancel: t('common.cancel') },
      confirmProps: { color: 'red' },
      onConfirm: () => remove(name),
    });
  };

  const nameError = form.formState.errors.name?.message;
  const activeName = saved.find((f) => f.query === current)?.name;

  return (
    <>
      <Popover
        opened={opened}
        onChange={setOpened}
        position="bottom-end"
        width={320}
        shadow="md"
        trapFocus
      >
        <Popover.Target>
          <Button
            variant="default"
            leftSection={<IconBookmark size={16} />}
            rightSection={<IconChevronDown size={14} />}
            onClick={() => setOpened((o) => !o)}
            aria-haspopup="dialog"
            data-testid="saved-filters"
          >
            {activeName ?? t('caseList.saved.title')}
          </Button>
        </Popover.Target>
        <Popover.Dropdown p="xs" aria-label={t('caseList.saved.title')} role="dialog">
          <Stack gap={4}>
            {saved.length === 0 ? (
              <Text size="sm" c="dimmed" px="xs" py={6}>
                {t('caseList.saved.none')}
              </Text>
            ) : (
              <ScrollArea.Autosize mah={280}>
                <Stack gap={2} role="list" aria-label={t('caseList.saved.title')}>
                  {saved.map((f) => (
                    <Group
                      key={f.name}
                      gap={4}
                      wrap="nowrap"
                      role="listitem"
                      className={classes.item}
                    >
                      <UnstyledButton
                        className={classes.apply}
                        data-active={f.query === current || undefined}
                        onClick={() => {
                          onApply(f.query);
                          setOpened(false);
                        }}
                      >
                        <Text size="sm" truncate>
                          {f.name}
                        </Text>
                      </UnstyledButton>
                      <Tooltip label={t('caseList.saved.delete')}>
                        <ActionIcon
                          variant="subtle"
                          color="red"
                          aria-label={t('caseList.saved.deleteNamed', { name: f.name })}
                          onClick={() => confirmDelete(f.name)}
                        >
                          <IconTrash size={16} />
                        </ActionIcon>
                      </Tooltip>
                    </Group>
                  ))}
                </Stack>
              </ScrollArea.Autosize>
            )}
            <Divider my={4} />
            <Button
              variant="subtle"
              justify="flex-start"
              leftSection={<IconBookmarkPlus size={16} />}
              disabled={!filtered || activeName !== undefined}
              onClick={() => {
                setOpened(false);
                setNaming(true);
              }}
            >
              {t('caseList.saved.saveCurrent')}
            </Button>
            {(!filtered || activeName !== undefined) && (
              <Text size="xs" c="dimmed" px="xs">
                {activeName !== undefined
                  ? t('caseList.saved.alreadySaved', { name: activeName })
                  : t('caseList.saved.nothingToSave')}
              </Text>
            )}
          </Stack>
        </Popover.Dropdown>
      </Popover>

      <Modal opened={naming} onClose={() => setNaming(false)} title={t('caseList.saved.saveTitle')}>
        <form onSubmit={(e) => void submit(e)} noValidate>
          <Stack>
            <TextInput
              label={t('caseList.saved.name')}
              description={t('caseList.saved.nameHint')}
              withAsterisk
              data-autofocus
              maxLength={SAVED_FILTER_NAME_MAX}
              {...form.register('name')}
              error={nameError ? t(nameError) : undefined}
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setNaming(false)}>
                {t('common.cancel')}
              </Button>
              <Button type="submit">{t('common.save')}</Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}
