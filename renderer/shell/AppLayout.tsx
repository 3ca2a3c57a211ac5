import {
  AppShell,
  Badge,
  Button,
  Divider,
  Group,
  NavLink,
  Stack,
  Text,
  Title,
  Tooltip,
} from '@mantine/core';
import {
  IconCalendarEvent,
  IconChartBar,
  IconFileText,
  IconHome,
  IconListDetails,
  IconLogout,
  IconSearch,
  IconSettings,
  IconUserPlus,
} from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';
import { useLiveRefresh } from '../api/live-refresh';
import { useSession } from '../auth/session';
import type { MessageKey } from '../i18n/zh-CN';
import { CommandPalette, palette, PaletteButton } from './CommandPalette';
import { LanguageSwitch } from './LanguageSwitch';

const NAV: readonly { to: string; label: MessageKey; icon: typeof IconHome }[] = [
  { to: '/', label: 'nav.home', icon: IconHome },
  { to: '/intake', label: 'nav.intake', icon: IconUserPlus },
  { to: '/cases', label: 'nav.cases', icon: IconListDetails },
  { to: '/schedule', label: 'nav.schedule', icon: IconCalendarEvent },
  { to: '/documents', label: 'nav.documents', icon: IconFileText },
  { to: '/reports', label: 'nav.reports', icon: IconChartBar },
  { to: '/settings', label: 'nav.settings', icon: IconSettings },
];

/** Roles beyond this many fold into "+N" (an administrator may hold all five). */
const SHOWN_ROLES = 2;

function RoleBadges({ roles }: { roles: readonly string[] }) {
  const { t } = useTranslation();
  const label = (role: string) => t(`label.role.${role}`);
  const hidden = roles.slice(SHOWN_ROLES);
  return (
    <>
      {roles.slice(0, SHOWN_ROLES).map((role) => (
        <Badge key={role} variant="light" size="sm" tt="none" style={{ flexShrink: 0 }}>
          {label(role)}
        </Badge>
      ))}
      {hidden.length > 0 && (
        <Tooltip label={hidden.map(label).join(t('common.listSeparator'))} withArrow>
          <Badge
            variant="light"
            color="gray"
            size="sm"
            tt="none"
            style={{ flexShrink: 0 }}
            aria-label={roles.map(label).join(t('common.listSeparator'))}
          >
            +{hidden.length}
          </Badge>
        </Tooltip>
      )}
    </>
  );
}

export function AppLayout({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const [location] = useLocation();
  const { caller, signOut } = useSession();
  // Other workstations' work appears here without a manual refresh.
  useLiveRefresh();
  const active = (to: string) => (to === '/' ? location === '/' : location.startsWith(to));

  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 200, breakpoint: 0 }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between">
          <Group gap="xs">
            <Title order={4}>{t('app.name')}</Title>
            <Text size="sm" c="dimmed">
              {t('app.center')}
            </Text>
          </Group>
          <PaletteButton />
          <Group gap="sm" wrap="nowrap">
            <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
              {t('auth.signedInAs', { name: caller.displayName })}
            </Text>
            <RoleBadges roles={caller.roles} />
            <LanguageSwitch />
            <Button
              variant="subtle"
              size="xs"
              leftSection={<IconLogout size={16} />}
              onClick={signOut}
            >
              {t('common.signOut')}
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label="main navigation">
        <Stack gap={2}>
          {NAV.map(({ to, label, icon: Icon }) => (
            <NavLink
              key={to}
              component={Link}
              href={to}
              label={t(label)}
              leftSection={<Icon size={18} />}
              active={active(to)}
            />
          ))}
          <Divider my={4} />
          <NavLink
            component="button"
            label={t('palette.nav')}
            leftSection={<IconSearch size={18} />}
            onClick={palette.open}
          />
        </Stack>
      </AppShell.Navbar>
      <AppShell.Main bg="gray.0">{children}</AppShell.Main>
      <CommandPalette />
    </AppShell>
  );
}
