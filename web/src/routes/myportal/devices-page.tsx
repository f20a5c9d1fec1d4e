import { useState } from 'react';
import { Alert, Radio, Stack, Switch, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { type MyDevice, useMyDevices } from '../../api/myportal.ts';
import { formatDateTime } from '../../format.ts';
import { usePageTitle } from '../../page-title.ts';
import { DeviceCredentialsPanel } from './device-credentials.tsx';
import { MyPortalQueryState } from './no-workplace.tsx';

const deviceLabel = (device: MyDevice) =>
  [device.manufacturer, device.name].filter(Boolean).join(' ');

/**
 * "Endgeräte Einstellungen" (seed 003 "Ihr zweiter Schritt"): "Markieren Sie das jeweilige
 * Endgerät, die Erstanmelde-Daten werden Ihnen angezeigt." The expert view adds the status.
 */
export function DeviceSettingsPage() {
  const { t } = useTranslation();
  const devices = useMyDevices();
  const [selected, setSelected] = useState<string | null>(null);
  const [expert, setExpert] = useState(false);
  usePageTitle(t('myportal.devices.title'));
  const items = devices.data?.items ?? [];
  const device = items.find((item) => item.id === selected) ?? null;

  return (
    <Stack maw={960} gap="lg">
      <Title order={1}>{t('myportal.devices.title')}</Title>
      <Switch
        label={t('myportal.devices.expertView')}
        checked={expert}
        onChange={(event) => setExpert(event.currentTarget.checked)}
      />
      <MyPortalQueryState isPending={devices.isPending} error={devices.error} />
      {devices.data !== undefined && items.length === 0 && (
        <Alert color="blue" variant="light">
          {t('myportal.devices.none')}
        </Alert>
      )}
      {items.length > 0 && (
        <>
          <Radio.Group
            label={t('myportal.devices.pick')}
            description={t('myportal.devices.pickHint')}
            value={selected}
            onChange={setSelected}
          >
            <Stack gap="xs" mt="xs">
              {items.map((item) => (
                <Radio
                  key={item.id}
                  value={item.id}
                  label={`${deviceLabel(item)} – ${t(`myportal.devices.kinds.${item.provisioning}`)}`}
                  description={item.macAddress ? `MAC ${item.macAddress}` : undefined}
                />
              ))}
            </Stack>
          </Radio.Group>
          {expert && <StatusTable items={items} />}
          {device !== null && (
            <DeviceCredentialsPanel device={device} label={deviceLabel(device)} />
          )}
        </>
      )}
    </Stack>
  );
}

function StatusTable({ items }: { items: MyDevice[] }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="myportal-status-heading">
      <Title order={2} size="h3" id="myportal-status-heading" mb="sm">
        {t('myportal.devices.statusTitle')}
      </Title>
      <Table.ScrollContainer minWidth={480}>
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('myportal.devices.device')}</Table.Th>
              <Table.Th scope="col">{t('myportal.devices.registration')}</Table.Th>
              <Table.Th scope="col">{t('myportal.devices.issuedAt')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((item) => (
              <Table.Tr key={item.id}>
                <Table.Td>{deviceLabel(item)}</Table.Td>
                <Table.Td>{t(`myportal.devices.registrations.${item.registration}`)}</Table.Td>
                <Table.Td>
                  {item.credentialsIssuedAt ? formatDateTime(item.credentialsIssuedAt) : '–'}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Text size="sm" c="dimmed" mt="xs">
        {t('myportal.devices.statusHint')}
      </Text>
    </section>
  );
}
