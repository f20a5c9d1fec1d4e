import { Box, Burger, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SessionUser } from '../api/auth.ts';
import { CartButton } from './cart-button.tsx';
import { HelpLink } from './help-link.tsx';
import { LanguageSwitch } from './language-switch.tsx';
import { ProductName } from './product-name.tsx';
import { UserMenu } from './user-menu.tsx';
import { ViewSwitch } from './view-switch.tsx';
import type { View } from './views.ts';

interface HeaderBarProps {
  user: SessionUser | null;
  /** Views offered in the switch; empty hides it (signed out). */
  views: readonly View[];
  view: View;
  onViewChange: (view: View) => void;
  navOpened: boolean;
  /** Absent when there is no navbar to toggle. */
  onNavToggle: (() => void) | undefined;
}

export function HeaderBar({
  user,
  views,
  view,
  onViewChange,
  navOpened,
  onNavToggle,
}: HeaderBarProps) {
  const { t } = useTranslation();
  return (
    <Group h="100%" px="md" justify="space-between" wrap="nowrap" gap="sm">
      <Group gap="sm" wrap="nowrap">
        {onNavToggle !== undefined && (
          <Burger
            opened={navOpened}
            onClick={onNavToggle}
            hiddenFrom="sm"
            size="sm"
            aria-label={t('nav.toggle')}
            aria-expanded={navOpened}
          />
        )}
        <ProductName />
      </Group>
      <Group gap="sm" wrap="nowrap">
        {/* Below "sm" the switch moves into the navbar (see ShellLayout). */}
        <Box visibleFrom="sm">
          <ViewSwitch name="view-header" views={views} value={view} onChange={onViewChange} />
        </Box>
        {/* Shown once the session cart holds an item (seed 003 "Warenkorb"). */}
        <CartButton user={user} />
        {/* Below "sm" the name and the logout button move into the navbar as well. */}
        {user !== null && (
          <Box visibleFrom="sm">
            <UserMenu user={user} />
          </Box>
        )}
        <LanguageSwitch />
        <HelpLink />
      </Group>
    </Group>
  );
}
