import { useId, useState } from 'react';
import { Alert, Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { type BlockingProfile, useRemoveProfile, useSetStandardProfile } from '../../api/org.ts';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import { profileSummary } from './org-labels.ts';
import { ProfileDetailsAction } from './profile-details.tsx';
import { ProfileForm } from './profile-form.tsx';

interface ProfileItemProps {
  companyId: string;
  profile: BlockingProfile;
  /** Called with the confirmation text of an action. */
  onDone: (message: string) => void;
}

/** One blocking profile: its marks, rules in words and the actions it allows. */
export function ProfileItem({ companyId, profile, onDone }: ProfileItemProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const makeStandard = useSetStandardProfile(companyId);
  const remove = useRemoveProfile(companyId);
  const [editing, setEditing] = useState(false);
  const [removing, setRemoving] = useState(false);
  const named = { name: profile.name };
  const closeRemove = () => {
    setRemoving(false);
    remove.reset();
  };

  return (
    <li aria-labelledby={headingId}>
      <Paper withBorder p="md">
        <Stack gap="xs">
          <Group gap="sm">
            <Title order={2} size="h4" id={headingId}>
              {profile.name}
            </Title>
            {profile.isSystem && (
              <Badge variant="outline" color="gray.8">
                {t('org.profiles.system')}
              </Badge>
            )}
            {profile.isStandard && (
              <Badge variant="outline" color="teal.9">
                {t('org.profiles.standard')}
              </Badge>
            )}
          </Group>
          {profile.description !== '' && <Text size="sm">{profile.description}</Text>}
          {profile.isSystem ? (
            <Text size="sm">{t('org.profiles.systemHint')}</Text>
          ) : (
            profileSummary(t, profile.rules).map((line) => (
              <Text key={line} size="sm">
                {line}
              </Text>
            ))
          )}
          {makeStandard.error !== null && (
            <Alert color="red" variant="light" role="alert">
              {makeStandard.error.message}
            </Alert>
          )}
          <Group gap="sm">
            <ProfileDetailsAction profile={profile} />
            {!profile.isSystem && (
              <Button
                variant="default"
                size="compact-sm"
                onClick={() => setEditing(true)}
                aria-label={t('org.profiles.editNamed', named)}
              >
                {t('org.profiles.edit')}
              </Button>
            )}
            {!profile.isStandard && (
              <Button
                variant="default"
                size="compact-sm"
                loading={makeStandard.isPending}
                aria-label={t('org.profiles.makeStandardNamed', named)}
                onClick={() =>
                  makeStandard.mutate(profile.id, {
                    onSuccess: () => onDone(t('org.profiles.standardSet', named)),
                  })
                }
              >
                {t('org.profiles.makeStandard')}
              </Button>
            )}
            {!profile.isSystem && (
              <Button
                variant="default"
                color="red.9"
                size="compact-sm"
                onClick={() => setRemoving(true)}
                aria-label={t('org.profiles.removeNamed', named)}
              >
                {t('org.profiles.remove')}
              </Button>
            )}
          </Group>
        </Stack>
      </Paper>
      {editing && (
        <ProfileForm
          companyId={companyId}
          profile={profile}
          onClose={() => setEditing(false)}
          onDone={(message) => {
            setEditing(false);
            onDone(message);
          }}
        />
      )}
      <ConfirmDialog
        opened={removing}
        title={t('org.profiles.removeTitle')}
        confirmLabel={t('org.profiles.remove')}
        danger
        pending={remove.isPending}
        error={remove.error?.message ?? null}
        onClose={closeRemove}
        onConfirm={() =>
          remove.mutate(profile.id, {
            onSuccess: () => {
              closeRemove();
              onDone(t('org.profiles.removed', named));
            },
          })
        }
      >
        {t('org.profiles.removeConfirm', named)}
      </ConfirmDialog>
    </li>
  );
}
