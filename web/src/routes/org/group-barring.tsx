import { useState } from 'react';
import { Alert, Button, Group, NativeSelect, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { type Effective, type OrgGroup, useEditGroup, useProfiles } from '../../api/org.ts';
import { ProfileDetailsAction } from './profile-details.tsx';

interface GroupBarringProps {
  companyId: string;
  group: OrgGroup;
  effective: Effective | undefined;
}

/** The group's blocking profile ("Standard des Unternehmens" = none) and the effective one. */
export function GroupBarring({ companyId, group, effective }: GroupBarringProps) {
  const { t } = useTranslation();
  const profiles = useProfiles(companyId);
  const edit = useEditGroup(companyId);
  const saved = group.blockingProfileId ?? '';
  const [choice, setChoice] = useState(saved);
  const items = profiles.data?.items ?? [];
  const standard = items.find((profile) => profile.isStandard);
  const barring = effective?.barring;

  return (
    <Stack gap="xs">
      <Group gap="sm" align="flex-end" wrap="wrap">
        <NativeSelect
          label={t('org.barring.label')}
          value={choice}
          onChange={(event) => {
            setChoice(event.currentTarget.value);
            edit.reset();
          }}
          data={[
            { value: '', label: t('org.barring.standard', { name: standard?.name ?? '' }) },
            ...items.map((profile) => ({ value: profile.id, label: profile.name })),
          ]}
          disabled={profiles.data === undefined}
          miw={280}
        />
        <Button
          variant="default"
          disabled={choice === saved}
          loading={edit.isPending}
          onClick={() =>
            edit.mutate({
              id: group.id,
              patch: { blockingProfileId: choice === '' ? null : choice },
            })
          }
        >
          {t('org.barring.apply')}
        </Button>
      </Group>
      {edit.error !== null && (
        <Alert color="red" variant="light" role="alert">
          {edit.error.message}
        </Alert>
      )}
      {barring !== undefined && (
        <Group gap="xs" wrap="wrap">
          <Text size="sm" role="status">
            {t('org.barring.effective', {
              name: barring.profile.name,
              source: t(`org.barring.sources.${barring.source}`),
            })}
          </Text>
          <ProfileDetailsAction profile={barring.profile} />
        </Group>
      )}
    </Stack>
  );
}
