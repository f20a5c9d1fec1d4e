import { type FormEvent, useState } from 'react';
import { Alert, Button, Checkbox, Group, NativeSelect, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import {
  type DeviceInput,
  PROVISIONING_KINDS,
  type ProvisioningKind,
} from '../../../api/catalog.ts';
import { focusFirstInvalid } from '../../../forms/focus-first-invalid.ts';
import { fieldMessages } from './server-errors.ts';

const TEXT_FIELDS = ['category', 'manufacturer', 'series', 'name'] as const;
type TextField = (typeof TEXT_FIELDS)[number];
const REQUIRED: readonly TextField[] = ['category', 'name'];
const MAX_LENGTH = 100;

/** A device key from its path, e.g. "Yealink" + "T46U" → "yealink-t46u". */
export function deviceKeyOf(manufacturer: string, name: string): string {
  return `${manufacturer} ${name}`
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ß/g, 'ss')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
}

interface DeviceFormProps {
  initial: DeviceInput;
  /** Adding shows the key field (derived from manufacturer and name until edited). */
  mode: 'add' | 'edit';
  pending: boolean;
  error: Error | null;
  /** The form's accessible name. */
  label: string;
  submitLabel: string;
  onSubmit: (input: DeviceInput) => void;
  onCancel?: () => void;
}

/** Path (category → manufacturer → series), name and provisioning of a device model. */
export function DeviceForm(props: DeviceFormProps) {
  const { initial, mode, pending, error, label, submitLabel, onSubmit, onCancel } = props;
  const { t } = useTranslation();
  const [values, setValues] = useState<DeviceInput>(initial);
  const [keyEdited, setKeyEdited] = useState(mode === 'edit');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const server = fieldMessages(error);
  const errorOf = (field: string) => errors[field] ?? server[field];
  const shownKey = keyEdited ? values.key : deviceKeyOf(values.manufacturer ?? '', values.name);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const input: DeviceInput = {
      ...values,
      key: shownKey,
      category: values.category.trim(),
      manufacturer: values.manufacturer?.trim() || null,
      series: values.series?.trim() || null,
      name: values.name.trim(),
    };
    const next: Record<string, string> = {};
    for (const field of REQUIRED) {
      if (input[field] === '') {
        next[field] = t('form.required');
      }
    }
    if (mode === 'add' && !/^[a-z0-9][a-z0-9-]{1,59}$/.test(input.key)) {
      next.key = t('catalog.errors.deviceKey');
    }
    setErrors(next);
    if (Object.keys(next).length > 0) {
      focusFirstInvalid(event.currentTarget);
      return;
    }
    onSubmit(input);
  };

  return (
    <form noValidate onSubmit={submit} aria-label={label}>
      <Stack gap="sm">
        {error !== null && (
          <Alert color="red" variant="light" role="alert">
            {error.message}
          </Alert>
        )}
        {TEXT_FIELDS.map((field) => (
          <TextInput
            key={field}
            label={t(`catalog.device.${field}`)}
            description={field === 'category' ? t('catalog.device.categoryHint') : undefined}
            required={REQUIRED.includes(field)}
            maxLength={MAX_LENGTH}
            autoComplete="off"
            value={values[field] ?? ''}
            error={errorOf(field)}
            onChange={(event) => setValues({ ...values, [field]: event.currentTarget.value })}
          />
        ))}
        {mode === 'add' && (
          <TextInput
            label={t('catalog.device.key')}
            description={t('catalog.device.keyHint')}
            required
            autoComplete="off"
            value={shownKey}
            error={errorOf('key')}
            onChange={(event) => {
              setKeyEdited(true);
              setValues({ ...values, key: event.currentTarget.value });
            }}
          />
        )}
        <NativeSelect
          label={t('catalog.device.provisioning')}
          value={values.provisioning}
          data={PROVISIONING_KINDS.map((kind) => ({
            value: kind,
            label: t(`catalog.provisioning.${kind}`),
          }))}
          onChange={(event) =>
            setValues({ ...values, provisioning: event.currentTarget.value as ProvisioningKind })
          }
        />
        <Checkbox
          label={t('catalog.device.extended')}
          description={t('catalog.device.extendedHint')}
          checked={values.extended}
          onChange={(event) => setValues({ ...values, extended: event.currentTarget.checked })}
        />
        <Group gap="sm">
          <Button type="submit" loading={pending}>
            {submitLabel}
          </Button>
          {onCancel !== undefined && (
            <Button variant="default" onClick={onCancel}>
              {t('common.cancel')}
            </Button>
          )}
        </Group>
      </Stack>
    </form>
  );
}
