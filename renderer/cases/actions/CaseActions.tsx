import { Button, Group } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import type { CaseAction } from '../../../src/cases/case-lifecycle';
import { ACTION_FORMS } from './action-forms';
import { ActionDialog } from './ActionDialog';

interface Props {
  readonly caseId: number;
  readonly version: number;
  readonly studioId: number;
  readonly mediatorIds: readonly number[];
  readonly allowed: readonly CaseAction[];
  readonly onChanged: () => void;
}

/** The actions this case's state allows and this person may take — and no others. */
export function CaseActions({ caseId, version, studioId, mediatorIds, allowed, onChanged }: Props) {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const [open, setOpen] = useState<CaseAction | null>(null);
  const actions = allowed.filter((a) => ACTION_FORMS[a] !== undefined);
  // An open dialog stays open when the case changes elsewhere meanwhile (its save then
  // answers STALE), so what is being typed is not lost.
  if (actions.length === 0 && open === null) return null;
  return (
    <Group gap="xs" data-testid="case-actions">
      {actions.map((action) => (
        <Button
          key={action}
          size="xs"
          variant={action === 'accept' || action === 'conclude' ? 'filled' : 'light'}
          color={ACTION_FORMS[action]?.tone === 'danger' ? 'red' : undefined}
          onClick={() => setOpen(action)}
        >
          {t(`action.${action}`)}
        </Button>
      ))}
      {open && (
        <ActionDialog
          action={open}
          caseId={caseId}
          version={version}
          studioId={studioId}
          mediatorIds={mediatorIds}
          onClose={() => setOpen(null)}
          onStale={() => {
            setOpen(null);
            onChanged();
          }}
          onDone={(value) => {
            setOpen(null);
            onChanged();
            // A linked case opens where the work continues.
            if (
              open === 'openLinked' &&
              typeof value === 'object' &&
              value !== null &&
              'id' in value
            ) {
              navigate(`/cases/${String(value.id)}`);
            }
          }}
        />
      )}
    </Group>
  );
}
