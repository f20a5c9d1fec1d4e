import { Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../api/auth.ts';
import { usePageTitle } from '../../page-title.ts';
import { ApiTokensPanel } from './api-tokens-panel.tsx';
import { SessionsPanel } from './sessions-panel.tsx';

/** "Mein Profil": API tokens and sessions of the signed-in user. */
export function ProfilePage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  usePageTitle(t('profile.title'));

  return (
    <Stack gap="xl" maw={1000}>
      <div>
        <Title order={1}>{t('profile.title')}</Title>
        {user !== null && (
          <Text c="dimmed">
            {t('profile.signedInAs', { username: user.username, email: user.email ?? '–' })}
          </Text>
        )}
      </div>
      <ApiTokensPanel />
      <SessionsPanel />
    </Stack>
  );
}
