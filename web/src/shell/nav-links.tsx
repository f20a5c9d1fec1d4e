import { NavLink, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { NavLink as RouterNavLink, useLocation } from 'react-router';
import { NAV_ITEMS } from './nav-config.ts';
import type { View } from './views.ts';

interface NavLinksProps {
  view: View;
  /** Called after a link is followed, e.g. to close the navbar on small screens. */
  onNavigate: () => void;
}

export function NavLinks({ view, onNavigate }: NavLinksProps) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  return (
    <Stack gap={4}>
      {NAV_ITEMS[view].map((item) => (
        <NavLink
          key={item.path}
          component={RouterNavLink}
          to={item.path}
          end
          label={t(item.label)}
          active={pathname === item.path}
          onClick={onNavigate}
        />
      ))}
    </Stack>
  );
}
