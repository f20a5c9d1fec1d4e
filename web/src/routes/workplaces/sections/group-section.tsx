import { Alert, NativeSelect, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { type OrgGroup, useGroups } from '../../../api/org.ts';
import { QueryState } from '../../../components/query-state.tsx';
import type { SectionProps } from '../section-props.ts';

const DEFAULT_TIME_ZONE = 'Europe/Berlin';

/** The browser's time zones, the group's (or Europe/Berlin) first. */
function timeZones(first: string): string[] {
  const all = Intl.supportedValuesOf('timeZone');
  return [...new Set([first, DEFAULT_TIME_ZONE, ...all])];
}

/** The group the workplace belongs to: the chosen one, else the default group (seed 001). */
export function groupOf(
  groups: readonly OrgGroup[] | undefined,
  groupId: string | null | undefined,
) {
  return (
    groups?.find((group) => group.id === groupId) ??
    groups?.find((group) => group.isDefault) ??
    groups?.[0] ??
    null
  );
}

/** Gruppe/Standort, Bereich (of that group), Sprache (Deutsch only), Zeitzone. */
export function GroupSection({ companyId, value, onChange, field, setUp }: SectionProps<'group'>) {
  const { t } = useTranslation();
  const groups = useGroups(companyId);
  const items = groups.data?.items;
  const group = groupOf(items, value.groupId);
  const zone = value.timeZone ?? group?.timeZone ?? DEFAULT_TIME_ZONE;
  const zones = timeZones(zone);
  const groupField = field('groupId');
  const areaField = field('areaId');
  const zoneField = field('timeZone');

  return (
    <Stack gap="sm">
      <Text size="sm">{t('workplaces.group.intro')}</Text>
      <Alert color="blue" variant="light" title={t('workplaces.note')}>
        {t('workplaces.group.fixedNote')}
      </Alert>
      <QueryState isPending={groups.isPending} error={groups.error} />
      {items !== undefined && (
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <NativeSelect
            label={t('workplaces.group.group')}
            description={t('workplaces.group.groupHint')}
            value={group?.id ?? ''}
            disabled={setUp}
            error={groupField.error}
            onBlur={groupField.onBlur}
            onChange={(event) =>
              onChange({ groupId: event.currentTarget.value, areaId: null, timeZone: undefined })
            }
            data={items.map((entry) => ({
              value: entry.id,
              label: entry.isDefault
                ? t('workplaces.group.defaultGroup', { name: entry.name })
                : entry.name,
            }))}
          />
          <NativeSelect
            label={t('workplaces.group.area')}
            description={t('workplaces.group.areaHint')}
            value={value.areaId ?? ''}
            error={areaField.error}
            onBlur={areaField.onBlur}
            onChange={(event) => onChange({ areaId: event.currentTarget.value || null })}
            data={[
              { value: '', label: t('workplaces.group.noArea') },
              ...(group?.areas ?? []).map((area) => ({ value: area.id, label: area.name })),
            ]}
          />
          <NativeSelect
            label={t('workplaces.group.language')}
            description={t('workplaces.group.languageHint')}
            value="de"
            onChange={() => onChange({ language: 'de' })}
            data={[{ value: 'de', label: t('workplaces.group.german') }]}
          />
          <NativeSelect
            label={t('workplaces.group.timeZone')}
            description={t('workplaces.group.timeZoneHint')}
            value={zone}
            error={zoneField.error}
            onBlur={zoneField.onBlur}
            onChange={(event) => onChange({ timeZone: event.currentTarget.value })}
            data={zones}
          />
        </SimpleGrid>
      )}
    </Stack>
  );
}
