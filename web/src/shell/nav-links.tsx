import { Divider, NavLink, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { NAV_ITEMS, type NavItem, PROFILE_ITEM, navItemOfPath } from './nav-config.ts';
import type { View } from './views.ts';

interface NavLinksProps {
  view: View;
  /** Called after a link is followed, e.g. to close the navbar on small screens. */
  onNavigate: () => void;
}

export function NavLinks({ view, onNavigate }: NavLinksProps) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const items = NAV_ITEMS[view];
  const activeItem = navItemOfPath([...items, PROFILE_ITEM], pathname);
  const link = (item: NavItem) => (
    <NavLink
      key={item.path}
      component={Link}
      to={item.path}
      label={t(item.label)}
      active={activeItem?.path === item.path}
      aria-current={activeItem?.path === item.path ? 'page' : undefined}
      onClick={onNavigate}
    />
  );
  return (
    <Stack gap={4}>
      {/* Operators have no view switch; the console still says where they are. */}
      {view === 'operator' && (
        <Text size="sm" fw={700} px="sm" pb="xs">
          {t('views.operator')}
        </Text>
      )}
      {items.map(link)}
      <Divider my="xs" />
      {link(PROFILE_ITEM)}
    </Stack>
  );
}
