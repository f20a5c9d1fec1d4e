import { Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { type SessionUser, useLogout } from '../api/auth.ts';
import { LOGIN_PATH } from '../routes/paths.ts';

interface UserMenuProps {
  user: SessionUser;
  /** Hide the name (small screens, where it does not fit). */
  compact?: boolean;
}

/** The signed-in user's name and the "Abmelden" button. */
export function UserMenu({ user, compact = false }: UserMenuProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const logout = useLogout();
  const onLogout = () => {
    logout.mutate(undefined, {
      onSettled: () => void navigate(LOGIN_PATH, { replace: true }),
    });
  };
  return (
    <Group gap="sm" wrap="nowrap">
      {!compact && (
        <Text size="sm" fw={500} truncate="end" maw={200} title={user.username}>
          {user.displayName || user.username}
        </Text>
      )}
      <Button variant="default" size="sm" loading={logout.isPending} onClick={onLogout}>
        {t('logout.submit')}
      </Button>
    </Group>
  );
}
