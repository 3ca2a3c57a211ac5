import { Alert, Group, Stack, Tabs, Title } from '@mantine/core';
import {
  IconBuildingCommunity,
  IconCalendarTime,
  IconClockHour4,
  IconDatabase,
  IconDeviceFloppy,
  IconHash,
  IconHistory,
  IconLock,
  IconUsers,
} from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import { useSession } from '../auth/session';
import { AuditSection } from './audit/AuditSection';
import { BackupsSection } from './backups/BackupsSection';
import { CalendarSection } from './CalendarSection';
import { DatabaseSection } from './DatabaseSection';
import { DeadlinesSection } from './DeadlinesSection';
import { NumberingSection } from './NumberingSection';
import { SecuritySection } from './SecuritySection';
import { StaffSection } from './staff/StaffSection';
import { StudiosSection } from './studios/StudiosSection';

const SECTIONS = [
  ['studios', IconBuildingCommunity, StudiosSection],
  ['staff', IconUsers, StaffSection],
  ['calendar', IconCalendarTime, CalendarSection],
  ['numbering', IconHash, NumberingSection],
  ['deadlines', IconClockHour4, DeadlinesSection],
  ['security', IconLock, SecuritySection],
  ['backups', IconDeviceFloppy, BackupsSection],
  ['database', IconDatabase, DatabaseSection],
  ['audit', IconHistory, AuditSection],
] as const;

type Section = (typeof SECTIONS)[number][0];

function isSection(value: string | undefined): value is Section {
  return SECTIONS.some(([name]) => name === value);
}

/** Settings (admin): one tab per area, the tab in the address so Back and links work. */
export function SettingsPage({ section }: { section?: string }) {
  const { t } = useTranslation();
  const { caller } = useSession();
  const [, navigate] = useLocation();
  const current: Section = isSection(section) ? section : 'studios';

  let body: ReactNode;
  if (!caller.roles.includes('admin')) {
    body = <Alert color="yellow">{t('settings.adminOnly')}</Alert>;
  } else {
    body = (
      <Tabs
        value={current}
        onChange={(value) => value !== null && navigate(`/settings/${value}`)}
        orientation="vertical"
        keepMounted={false}
        variant="pills"
      >
        <Tabs.List miw={180} aria-label={t('settings.title')}>
          {SECTIONS.map(([name, Icon]) => (
            <Tabs.Tab key={name} value={name} leftSection={<Icon size={16} />}>
              {t(`settings.section.${name}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {SECTIONS.map(([name, , Component]) => (
          <Tabs.Panel key={name} value={name} pl="lg">
            <Component />
          </Tabs.Panel>
        ))}
      </Tabs>
    );
  }
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>
          {t('settings.title')}
          {caller.roles.includes('admin') ? ` · ${t(`settings.section.${current}`)}` : ''}
        </Title>
      </Group>
      {body}
    </Stack>
  );
}
