import { Button, Checkbox, Group, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../api/hooks';
import { CasePicker } from './CasePicker';
import { saveSession } from './save-session';
import type { SessionItem } from './session-events';
import { useSaveTexts } from './use-schedule';

/** 领导接访: reception books a petitioner's case (and which of its parties come) into a slot. */
export function BookSlotForm({ slot, onDone }: { slot: SessionItem; onDone: () => void }) {
  const { t } = useTranslation();
  const texts = useSaveTexts();
  const [caseId, setCaseId] = useState<number | undefined>();
  const [partyIds, setPartyIds] = useState<number[] | undefined>();
  const [error, setError] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);
  const kase = useApiQuery('cases/get', { id: caseId ?? 0 }, { enabled: caseId !== undefined });
  const parties = kase.data?.parties ?? [];
  const chosen = partyIds ?? parties.map((p) => p.partyId);

  const book = async () => {
    if (caseId === undefined) {
      setError({ caseId: t('validation.choose') });
      return;
    }
    setSaving(true);
    const done = await saveSession(
      'schedule/bookReceptionSlot',
      { id: slot.id, version: slot.version, caseId, partyIds: chosen },
      texts,
      {
        setError: (name, e) => setError((prev) => ({ ...prev, [String(name)]: e.message ?? '' })),
      },
    );
    setSaving(false);
    if (done === null) return;
    notifications.show({ color: 'teal', message: t('schedule.done.book') });
    onDone();
  };

  return (
    <Stack gap="sm" data-testid="book-slot">
      <CasePicker
        value={caseId}
        onChange={(id) => {
          setCaseId(id);
          setPartyIds(undefined);
          setError({});
        }}
        error={error.caseId}
      />
      {parties.length > 0 && (
        <Checkbox.Group
          label={t('schedule.field.petitioners')}
          value={chosen.map(String)}
          onChange={(v) => setPartyIds(v.map(Number))}
          error={error.partyIds}
        >
          <Group mt={4}>
            {parties.map((p) => (
              <Checkbox key={p.partyId} value={String(p.partyId)} label={p.name} />
            ))}
          </Group>
        </Checkbox.Group>
      )}
      <Group justify="flex-end">
        <Button onClick={() => void book()} loading={saving}>
          {t('schedule.action.book')}
        </Button>
      </Group>
    </Stack>
  );
}
