import { Group, NativeSelect, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useEffective, useGroups, useProfiles } from '../../../api/org.ts';
import { QueryState } from '../../../components/query-state.tsx';
import { ProfileDetailsAction } from '../../org/profile-details.tsx';
import type { SectionProps } from '../section-props.ts';
import { groupOf } from './group-section.tsx';

/** Sperrprofil: one of the company's profiles, or keep the group's; "Details anzeigen". */
export function ProfileSection({
  companyId,
  value,
  data,
  onChange,
  field,
}: SectionProps<'profile'>) {
  const { t } = useTranslation();
  const profiles = useProfiles(companyId);
  const groups = useGroups(companyId);
  const group = groupOf(groups.data?.items, data.group?.groupId);
  const effective = useEffective(companyId, group?.id ?? '');
  const inherited = effective.data?.barring.profile ?? null;
  const items = profiles.data?.items;
  const chosen = items?.find((profile) => profile.id === value.blockingProfileId) ?? null;
  const shown = chosen ?? inherited;
  const binding = field('blockingProfileId');

  return (
    <Stack gap="sm">
      <Text size="sm">{t('workplaces.profile.intro')}</Text>
      <QueryState isPending={profiles.isPending} error={profiles.error ?? effective.error} />
      {items !== undefined && (
        <Group gap="sm" align="flex-end">
          <NativeSelect
            label={t('workplaces.profile.select')}
            value={value.blockingProfileId ?? ''}
            error={binding.error}
            onBlur={binding.onBlur}
            onChange={(event) => onChange({ blockingProfileId: event.currentTarget.value || null })}
            data={[
              {
                value: '',
                label: t('workplaces.profile.keepGroup', {
                  name: inherited?.name ?? '…',
                  group: group?.name ?? '',
                }),
              },
              ...items.map((profile) => ({ value: profile.id, label: profile.name })),
            ]}
            miw={320}
          />
          {shown !== null && <ProfileDetailsAction profile={shown} />}
        </Group>
      )}
      <Text size="sm" c="dimmed">
        {t('workplaces.profile.hint')}
      </Text>
    </Stack>
  );
}
