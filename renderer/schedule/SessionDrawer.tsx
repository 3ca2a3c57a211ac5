import { Alert, Button, Divider, Drawer, Group, Loader, Stack, Tooltip } from '@mantine/core';
import { IconPrinter } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionFormValues } from '../../src/schedule/session-form.schema';
import { centerWallTime } from '../../src/schedule/session-time.schema';
import { useApiQuery } from '../api/hooks';
import { useHeldWhile } from '../api/live-refresh-hold';
import { BookSlotForm } from './BookSlotForm';
import { SessionDetails } from './SessionDetails';
import { SessionForm } from './SessionForm';
import { SessionStatusForm, type StatusAction } from './SessionStatusForms';
import { printSessionNotice } from './session-notice-hook';
import { useRefreshSchedule } from './use-schedule';

/** What the drawer shows: a new booking (with what is already known) or one session. */
export type DrawerTarget =
  | {
      readonly kind: 'new';
      readonly defaults: Partial<SessionFormValues>;
      readonly lockCase?: boolean;
    }
  | { readonly kind: 'session'; readonly id: number };

interface Props {
  readonly target: DrawerTarget | null;
  readonly onClose: () => void;
  /** Called after any change, e.g. to reload the case page (the case may now be in mediation). */
  readonly onChanged?: () => void;
}

/** 日程抽屉: book, edit, and record what happened, beside the calendar or the case. */
export function SessionDrawer({ target, onClose, onChanged }: Props) {
  const { t } = useTranslation();
  const refresh = useRefreshSchedule();
  return (
    <Drawer
      opened={target !== null}
      onClose={onClose}
      position="right"
      size="lg"
      title={target?.kind === 'new' ? t('schedule.new') : t('schedule.session')}
    >
      {target?.kind === 'new' && (
        <SessionForm
          defaults={target.defaults}
          lockCase={target.lockCase}
          onSaved={() => {
            void refresh();
            onChanged?.();
            onClose();
          }}
        />
      )}
      {target?.kind === 'session' && (
        <SessionPanel key={target.id} id={target.id} onChanged={onChanged} onClose={onClose} />
      )}
    </Drawer>
  );
}

function SessionPanel({
  id,
  onChanged,
  onClose,
}: {
  id: number;
  onChanged?: () => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const refresh = useRefreshSchedule();
  const [shown, setShown] = useState(id);
  const [action, setAction] = useState<StatusAction | null>(null);
  const session = useApiQuery('schedule/get', { id: shown });
  // The edit form keeps the session it was loaded from while it is being changed: a change
  // saved elsewhere meanwhile answers STALE on saving rather than replacing what is typed.
  const [editing, setEditing] = useState(false);
  const edited = useHeldWhile(session.data, editing);
  if (session.isPending) return <Loader />;
  if (session.isError) return <Alert color="red">{session.error.message}</Alert>;
  const s = session.data;
  const allowed = s.allowed;
  const changed = () => {
    void refresh();
    onChanged?.();
  };
  const form = edited ?? s;
  const from = centerWallTime(form.start);
  return (
    <Stack>
      <SessionDetails session={s} onOpen={setShown} />
      <Group gap="xs" data-testid="session-actions">
        {allowed.includes('hold') && (
          <Button size="xs" onClick={() => setAction('held')}>
            {t('schedule.action.held')}
          </Button>
        )}
        {allowed.includes('noShow') && (
          <Button size="xs" variant="light" onClick={() => setAction('noShow')}>
            {t('schedule.action.noShow')}
          </Button>
        )}
        {allowed.includes('postpone') && s.caseId !== null && (
          <Button size="xs" variant="light" onClick={() => setAction('postpone')}>
            {t('schedule.action.postpone')}
          </Button>
        )}
        {allowed.includes('cancel') && (
          <Button size="xs" variant="light" color="red" onClick={() => setAction('cancel')}>
            {t('schedule.action.cancel')}
          </Button>
        )}
        {s.caseId !== null && (
          <Tooltip label={t('schedule.notice.pending')} disabled={printSessionNotice !== null}>
            <Button
              size="xs"
              variant="default"
              leftSection={<IconPrinter size={14} />}
              disabled={printSessionNotice === null}
              onClick={() => void printSessionNotice?.(s.id)}
              data-testid="print-notice"
            >
              {t('schedule.notice.print')}
            </Button>
          </Tooltip>
        )}
      </Group>
      {allowed.includes('book') && (
        <>
          <Divider label={t('schedule.bookSlot')} labelPosition="left" />
          <BookSlotForm slot={s} onDone={changed} />
        </>
      )}
      {form.allowed.includes('edit') && form.caseId !== null && (
        <>
          <Divider label={t('schedule.edit')} labelPosition="left" />
          <SessionForm
            key={`${form.id}-${form.version}`}
            existing={{ id: form.id, version: form.version }}
            defaults={{
              caseId: form.caseId,
              kind: form.kind,
              roomId: form.roomId,
              staffIds: form.staff.map((p) => p.id),
              partyIds: form.parties.map((p) => p.id),
              date: from.date,
              startTime: from.time,
              endTime: centerWallTime(form.end).time,
              notes: form.notes,
            }}
            onDirtyChange={setEditing}
            onSaved={() => {
              changed();
              onClose();
            }}
            onStale={() => {
              // Reloaded with what was saved elsewhere (the save said so).
              setEditing(false);
              changed();
            }}
          />
        </>
      )}
      {action !== null && (
        <SessionStatusForm
          action={action}
          session={s}
          onClose={() => setAction(null)}
          onDone={(result) => {
            setAction(null);
            changed();
            if (action === 'postpone') setShown(result.id);
          }}
        />
      )}
    </Stack>
  );
}
