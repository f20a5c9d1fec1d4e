import { useState } from 'react';
import { Alert, Button, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useProfiles } from '../../api/org.ts';
import { useSelectedCompany } from '../../api/selected-company.ts';
import { CompanyPicker } from '../../components/company-picker.tsx';
import { QueryState } from '../../components/query-state.tsx';
import { usePageTitle } from '../../page-title.ts';
import classes from './org.module.css';
import { ProfileForm } from './profile-form.tsx';
import { ProfileItem } from './profile-item.tsx';

/** "Sperrprofile verwalten" (admin view): the company's blocking profiles. */
export function BlockingProfilesPage() {
  const { t } = useTranslation();
  const { company } = useSelectedCompany();
  usePageTitle(t('org.profiles.title'));
  return (
    <Stack gap="lg" maw={1100}>
      <Title order={1}>{t('org.profiles.title')}</Title>
      <CompanyPicker />
      {company === null ? (
        <Text>{t('company.noCompany')}</Text>
      ) : (
        <ProfilesPanel key={company.id} companyId={company.id} />
      )}
    </Stack>
  );
}

/** The profiles with their actions; usable wherever a company id is known. */
export function ProfilesPanel({ companyId }: { companyId: string }) {
  const { t } = useTranslation();
  const profiles = useProfiles(companyId);
  const [creating, setCreating] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const done = (text: string) => {
    setCreating(false);
    setMessage(text);
  };
  return (
    <Stack gap="md">
      <Text>{t('org.profiles.intro')}</Text>
      <Button style={{ alignSelf: 'flex-start' }} onClick={() => setCreating(true)}>
        {t('org.profiles.create')}
      </Button>
      <div role="status">
        {message !== null && (
          <Alert color="teal" variant="light">
            {message}
          </Alert>
        )}
      </div>
      <QueryState isPending={profiles.isPending} error={profiles.error} />
      {profiles.data !== undefined && (
        <ul className={classes.list} aria-label={t('org.profiles.list')}>
          {profiles.data.items.map((profile) => (
            <ProfileItem
              key={profile.id}
              companyId={companyId}
              profile={profile}
              onDone={setMessage}
            />
          ))}
        </ul>
      )}
      {creating && (
        <ProfileForm companyId={companyId} onClose={() => setCreating(false)} onDone={done} />
      )}
    </Stack>
  );
}
