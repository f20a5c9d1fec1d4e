import { useState } from 'react';
import { Button, Group, Paper, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { type CatalogDevice, useAddDevice, useCatalogDevices } from '../../../api/catalog.ts';
import { DialogFrame } from '../../../components/dialog-frame.tsx';
import { QueryState } from '../../../components/query-state.tsx';
import { DeviceEditDialog } from './device-edit-dialog.tsx';
import { DeviceForm } from './device-form.tsx';
import { DeviceItem } from './device-item.tsx';

interface Branch {
  label: string;
  devices: CatalogDevice[];
}

/** Category → (manufacturer › series) → models, in the catalogue's order. */
function treeOf(devices: CatalogDevice[]): { category: string; branches: Branch[] }[] {
  const tree: { category: string; branches: Branch[] }[] = [];
  for (const device of devices) {
    const [category = '', ...rest] = device.path;
    let node = tree.find((entry) => entry.category === category);
    if (node === undefined) {
      node = { category, branches: [] };
      tree.push(node);
    }
    const label = rest.join(' › ');
    let branch = node.branches.find((entry) => entry.label === label);
    if (branch === undefined) {
      branch = { label, devices: [] };
      node.branches.push(branch);
    }
    branch.devices.push(device);
  }
  return tree;
}

const EMPTY_DEVICE = {
  key: '',
  category: '',
  manufacturer: null,
  series: null,
  name: '',
  provisioning: 'desk_phone',
  extended: false,
} as const;

/** "Endgeräte": the device catalogue as a tree, searchable, with extended profiles on request. */
export function DevicesTab() {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 300);
  const [extended, setExtended] = useState(false);
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<CatalogDevice | null>(null);
  const [added, setAdded] = useState<string | null>(null);
  const devices = useCatalogDevices({ extended, search: debounced });
  const add = useAddDevice();
  const items = devices.data?.items ?? [];

  const closeAdd = () => {
    setAdding(false);
    add.reset();
  };

  return (
    <Stack gap="lg">
      <Group align="flex-end" justify="space-between">
        <Group align="flex-end">
          <TextInput
            type="search"
            label={t('catalog.device.search')}
            description={t('catalog.device.searchHint')}
            maxLength={100}
            value={search}
            onChange={(event) => setSearch(event.currentTarget.value)}
            w={320}
          />
          <Switch
            label={t('catalog.device.showExtended')}
            checked={extended}
            onChange={(event) => setExtended(event.currentTarget.checked)}
            mb={8}
          />
        </Group>
        <Button onClick={() => setAdding(true)}>{t('catalog.device.add')}</Button>
      </Group>
      {added !== null && (
        <Text role="status" c="teal.9">
          {t('catalog.device.added', { name: added })}
        </Text>
      )}
      <QueryState isPending={devices.isPending} error={devices.error} />
      {devices.data !== undefined && items.length === 0 && <Text>{t('catalog.device.none')}</Text>}
      {treeOf(items).map(({ category, branches }) => (
        <Stack gap="sm" key={category} component="section" aria-label={category}>
          <Title order={2} size="h4">
            {category}
          </Title>
          {branches.map((branch) => (
            <Paper key={branch.label} withBorder p="sm" ml="md">
              {branch.label !== '' && (
                <Title order={3} size="h6" mb={4}>
                  {branch.label}
                </Title>
              )}
              <Stack gap={0} component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
                {branch.devices.map((device) => (
                  <li key={device.id}>
                    <DeviceItem device={device} onEdit={setEditing} />
                  </li>
                ))}
              </Stack>
            </Paper>
          ))}
        </Stack>
      ))}
      <DialogFrame opened={adding} onClose={closeAdd} title={t('catalog.device.add')}>
        <DeviceForm
          mode="add"
          initial={EMPTY_DEVICE}
          pending={add.isPending}
          error={add.error}
          label={t('catalog.device.add')}
          submitLabel={t('catalog.device.addSubmit')}
          onCancel={closeAdd}
          onSubmit={(input) =>
            add.mutate(input, {
              onSuccess: (device) => {
                setAdded(device.name);
                closeAdd();
              },
            })
          }
        />
      </DialogFrame>
      {editing !== null && (
        <DeviceEditDialog key={editing.id} device={editing} onClose={() => setEditing(null)} />
      )}
    </Stack>
  );
}
