import { useTranslation } from 'react-i18next';
import { type CatalogDevice, useUpdateDevice } from '../../../api/catalog.ts';
import { DialogFrame } from '../../../components/dialog-frame.tsx';
import { DeviceForm } from './device-form.tsx';

/** Rename or move a device model; its key stays, so assignments keep pointing at it. */
export function DeviceEditDialog({
  device,
  onClose,
}: {
  device: CatalogDevice;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const update = useUpdateDevice(device.id);
  return (
    <DialogFrame
      opened
      onClose={onClose}
      title={t('catalog.device.editTitle', { name: device.name })}
    >
      <DeviceForm
        mode="edit"
        initial={{
          key: device.key,
          category: device.category,
          manufacturer: device.manufacturer,
          series: device.series,
          name: device.name,
          provisioning: device.provisioning,
          extended: device.extended,
        }}
        label={t('catalog.device.editTitle', { name: device.name })}
        pending={update.isPending}
        error={update.error}
        submitLabel={t('common.save')}
        onCancel={onClose}
        onSubmit={({ key: _key, ...patch }) => update.mutate(patch, { onSuccess: onClose })}
      />
    </DialogFrame>
  );
}
