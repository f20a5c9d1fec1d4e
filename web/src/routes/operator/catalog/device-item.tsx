import { Badge, Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { type CatalogDevice, useUpdateDevice } from '../../../api/catalog.ts';

interface DeviceItemProps {
  device: CatalogDevice;
  onEdit: (device: CatalogDevice) => void;
}

/** One model in the device tree with its badges and actions. */
export function DeviceItem({ device, onEdit }: DeviceItemProps) {
  const { t } = useTranslation();
  const update = useUpdateDevice(device.id);
  const toggleLabel = device.active ? 'catalog.device.deactivate' : 'catalog.device.activate';

  return (
    <Group justify="space-between" gap="xs" py={4} wrap="nowrap">
      <div>
        <Group gap="xs">
          <Text fw={500} c={device.active ? undefined : 'dimmed'}>
            {device.name}
          </Text>
          {device.extended && (
            <Badge variant="outline" color="violet.9">
              {t('catalog.device.extendedBadge')}
            </Badge>
          )}
          {!device.active && (
            <Badge variant="outline" color="gray.8">
              {t('catalog.inactive')}
            </Badge>
          )}
        </Group>
        <Text size="xs" c="dimmed">
          {t(`catalog.provisioning.${device.provisioning}`)} · {device.key}
        </Text>
        {update.error !== null && (
          <Text size="sm" c="red.9" role="alert">
            {update.error.message}
          </Text>
        )}
      </div>
      <Group gap="xs" wrap="nowrap">
        <Button
          variant="default"
          size="xs"
          aria-label={t('catalog.device.editNamed', { name: device.name })}
          onClick={() => onEdit(device)}
        >
          {t('catalog.edit')}
        </Button>
        <Button
          variant="default"
          size="xs"
          loading={update.isPending}
          aria-label={t(`${toggleLabel}Named`, { name: device.name })}
          onClick={() => update.mutate({ active: !device.active })}
        >
          {t(toggleLabel)}
        </Button>
      </Group>
    </Group>
  );
}
