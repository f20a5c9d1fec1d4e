import { useMemo, useState } from 'react';
import {
  Alert,
  Button,
  Checkbox,
  Group,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '../../../../../common/src/limits.ts';
import { type CatalogDevice, type DeviceEntry, useDeviceCatalog } from '../../../api/workplaces.ts';
import { QueryState } from '../../../components/query-state.tsx';
import { DesktopClientTable } from '../desktop-client-table.tsx';
import { DeviceTree, buildTree } from '../device-tree.tsx';
import type { SectionProps } from '../section-props.ts';
import classes from '../workplaces.module.css';

const MAX_DEVICES = LIMITS.workplace.devicesMax;

function matches(device: CatalogDevice, search: string): boolean {
  const text = search.trim().toLowerCase();
  return text === '' || [...device.path, device.name].join(' ').toLowerCase().includes(text);
}

/** Endgeräte: up to 6 from the catalogue, each its own entry (own credentials later). */
export function DevicesSection({ value, onChange, field }: SectionProps<'devices'>) {
  const { t } = useTranslation();
  const catalog = useDeviceCatalog();
  const [extended, setExtended] = useState(false);
  const [search, setSearch] = useState('');
  const [chosen, setChosen] = useState<CatalogDevice | null>(null);
  const [marked, setMarked] = useState<number[]>([]);
  const devices = value.devices ?? [];
  const all = catalog.data?.items;
  const byId = useMemo(() => new Map((all ?? []).map((device) => [device.id, device])), [all]);
  const tree = useMemo(
    () =>
      buildTree(
        (all ?? []).filter(
          (device) => device.active && (extended || !device.extended) && matches(device, search),
        ),
      ),
    [all, extended, search],
  );
  const full = devices.length >= MAX_DEVICES;
  const listError = field('devices').error;

  const setDevices = (next: DeviceEntry[]) => onChange({ devices: next });
  const add = () => {
    if (chosen !== null && !full) {
      setDevices([...devices, { deviceModelId: chosen.id, macAddress: null }]);
    }
  };
  const remove = () => {
    setDevices(devices.filter((_, index) => !marked.includes(index)));
    setMarked([]);
  };
  const nameOf = (entry: DeviceEntry) => byId.get(entry.deviceModelId)?.name ?? entry.deviceModelId;

  return (
    <Stack gap="md">
      <Text size="sm">{t('workplaces.devices.intro', { max: MAX_DEVICES })}</Text>
      <Alert color="blue" variant="light" title={t('workplaces.devices.doubleTitle')}>
        <Stack gap={4}>
          <Text size="sm">{t('workplaces.devices.doubleNote')}</Text>
          <Text size="sm">{t('workplaces.devices.doubleDesktop')}</Text>
        </Stack>
      </Alert>
      <QueryState isPending={catalog.isPending} error={catalog.error} />
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <Stack gap="sm">
          <Title order={3} size="h5">
            {t('workplaces.devices.catalogTitle')}
          </Title>
          <Switch
            label={t('workplaces.devices.extended')}
            description={t('workplaces.devices.extendedHint')}
            checked={extended}
            onChange={(event) => setExtended(event.currentTarget.checked)}
          />
          <TextInput
            type="search"
            label={t('workplaces.devices.search')}
            value={search}
            onChange={(event) => setSearch(event.currentTarget.value)}
            maxLength={100}
            autoComplete="off"
          />
          <div className={classes.catalog}>
            {tree.length === 0 && all !== undefined ? (
              <Text size="sm">{t('workplaces.devices.noMatch')}</Text>
            ) : (
              <DeviceTree
                nodes={tree}
                selected={chosen?.id ?? null}
                onSelect={setChosen}
                expandAll={search.trim() !== ''}
                label={t('workplaces.devices.catalogTitle')}
              />
            )}
          </div>
          <Group gap="sm">
            <Button onClick={add} disabled={chosen === null || full}>
              {t('workplaces.devices.add')}
            </Button>
            <Text size="sm" aria-live="polite">
              {chosen === null
                ? t('workplaces.devices.noneChosen')
                : t('workplaces.devices.chosen', { name: chosen.name })}
            </Text>
          </Group>
        </Stack>
        <Stack gap="sm">
          <Title order={3} size="h5">
            {t('workplaces.devices.assignedTitle')}
          </Title>
          <Text size="sm" aria-live="polite">
            {t('workplaces.devices.count', { count: devices.length, max: MAX_DEVICES })}
          </Text>
          {listError !== undefined && (
            <Text size="sm" c="red.8" role="alert">
              {listError}
            </Text>
          )}
          {devices.length === 0 ? (
            <Text size="sm">{t('workplaces.devices.none')}</Text>
          ) : (
            <ul className={classes.list} aria-label={t('workplaces.devices.assignedTitle')}>
              {devices.map((entry, index) => {
                const mac = field(`devices.${index}.macAddress`);
                const model = byId.get(entry.deviceModelId);
                const label = t('workplaces.devices.entry', {
                  position: index + 1,
                  name: nameOf(entry),
                });
                return (
                  <li key={index}>
                    <Group gap="sm" align="flex-end" wrap="wrap">
                      <Checkbox
                        label={label}
                        checked={marked.includes(index)}
                        onChange={(event) => {
                          const on = event.currentTarget.checked;
                          setMarked((current) =>
                            on ? [...current, index] : current.filter((entry) => entry !== index),
                          );
                        }}
                      />
                      {model?.provisioning === 'desk_phone' && (
                        <TextInput
                          size="xs"
                          label={t('workplaces.devices.mac', { position: index + 1 })}
                          value={entry.macAddress ?? ''}
                          error={mac.error}
                          onBlur={mac.onBlur}
                          onChange={(event) => {
                            const text = event.currentTarget.value;
                            setDevices(
                              devices.map((device, i) =>
                                i === index ? { ...device, macAddress: text || null } : device,
                              ),
                            );
                          }}
                          maxLength={17}
                          autoComplete="off"
                        />
                      )}
                    </Group>
                  </li>
                );
              })}
            </ul>
          )}
          <Button
            variant="default"
            style={{ alignSelf: 'flex-start' }}
            disabled={marked.length === 0}
            onClick={remove}
          >
            {t('workplaces.remove')}
          </Button>
        </Stack>
      </SimpleGrid>
      <Text size="sm" c="dimmed">
        {t('workplaces.devices.mobileClientNote')}
      </Text>
      <DesktopClientTable />
    </Stack>
  );
}
