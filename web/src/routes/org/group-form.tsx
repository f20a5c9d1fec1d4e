import { type FormEvent, useMemo, useState } from 'react';
import { Alert, Button, Group, NativeSelect, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { type GroupInput, type OrgGroup, useCreateGroup, useEditGroup } from '../../api/org.ts';
import { DialogFrame } from '../../components/dialog-frame.tsx';
import { formLevelError, serverFieldErrors } from '../../forms/field-errors.ts';
import { focusFirstInvalid } from '../../forms/focus-first-invalid.ts';

const FIELDS = ['name', 'shortCode', 'street', 'postalCode', 'city', 'timeZone', 'dialCode'];
const DEFAULT_TIME_ZONE = 'Europe/Berlin';

interface GroupFormProps {
  companyId: string;
  /** The group to edit; without it a new one is added. */
  group?: OrgGroup;
  onClose: () => void;
  onDone: (message: string) => void;
}

type Draft = Record<keyof GroupInput, string>;

function draftOf(group?: OrgGroup): Draft {
  return {
    name: group?.name ?? '',
    shortCode: group?.shortCode ?? '',
    street: group?.street ?? '',
    postalCode: group?.postalCode ?? '',
    city: group?.city ?? '',
    timeZone: group?.timeZone ?? DEFAULT_TIME_ZONE,
    dialCode: group?.dialCode ?? '',
  };
}

/** The browser's time zones, Europe/Berlin first (the one nearly every group uses). */
function timeZones(current: string): string[] {
  const all = Intl.supportedValuesOf('timeZone');
  const rest = all.filter((zone) => zone !== DEFAULT_TIME_ZONE && zone !== current);
  return [...new Set([DEFAULT_TIME_ZONE, current])].concat(rest);
}

/** What the browser checks before sending; the server checks the same and more. */
function problems(draft: Draft): Partial<Record<keyof Draft, 'required' | 'format'>> {
  const found: Partial<Record<keyof Draft, 'required' | 'format'>> = {};
  for (const field of ['name', 'shortCode', 'street', 'postalCode', 'city'] as const) {
    if (draft[field].trim() === '') {
      found[field] = 'required';
    }
  }
  if (found.shortCode === undefined && !/^[A-Za-z0-9_-]{1,10}$/.test(draft.shortCode.trim())) {
    found.shortCode = 'format';
  }
  if (found.postalCode === undefined && !/^\d{5}$/.test(draft.postalCode.trim())) {
    found.postalCode = 'format';
  }
  if (draft.dialCode.trim() !== '' && !/^\d{1,4}$/.test(draft.dialCode.trim())) {
    found.dialCode = 'format';
  }
  return found;
}

/** "Gruppe/Standort hinzufügen" and "bearbeiten": name, Kürzel, address, time zone, dial code. */
export function GroupForm({ companyId, group, onClose, onDone }: GroupFormProps) {
  const { t } = useTranslation();
  const create = useCreateGroup(companyId);
  const edit = useEditGroup(companyId);
  const mutation = group === undefined ? create : edit;
  const [draft, setDraft] = useState<Draft>(() => draftOf(group));
  const [submitted, setSubmitted] = useState(false);
  const zones = useMemo(() => timeZones(draft.timeZone), [draft.timeZone]);
  const found = problems(draft);
  const fromServer = serverFieldErrors(mutation.error);
  const formats: Partial<Record<keyof Draft, string>> = {
    shortCode: t('org.groupForm.shortCodeInvalid'),
    postalCode: t('org.groupForm.postalCodeInvalid'),
    dialCode: t('org.groupForm.dialCodeInvalid'),
  };
  const errorOf = (field: keyof Draft): string | undefined => {
    const problem = submitted ? found[field] : undefined;
    if (problem === 'required') {
      return t('form.required');
    }
    return problem === 'format' ? formats[field] : fromServer[field];
  };
  const set = (field: keyof Draft, value: string) => {
    setDraft((current) => ({ ...current, [field]: value }));
    mutation.reset();
  };
  const field = (name: keyof Draft) => ({
    label: t(`org.groupForm.${name}`),
    value: draft[name],
    error: errorOf(name),
    onChange: (event: { currentTarget: { value: string } }) => set(name, event.currentTarget.value),
  });

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSubmitted(true);
    const form = event.currentTarget;
    if (Object.keys(found).length > 0) {
      focusFirstInvalid(form);
      return;
    }
    const input: GroupInput = {
      name: draft.name.trim(),
      shortCode: draft.shortCode.trim(),
      street: draft.street.trim(),
      postalCode: draft.postalCode.trim(),
      city: draft.city.trim(),
      timeZone: draft.timeZone,
      dialCode: draft.dialCode.trim() === '' ? null : draft.dialCode.trim(),
    };
    const options = {
      onSuccess: (saved: OrgGroup) =>
        onDone(
          t(group === undefined ? 'org.groups.added' : 'org.groups.saved', { name: saved.name }),
        ),
      onError: () => focusFirstInvalid(form),
    };
    if (group === undefined) {
      create.mutate(input, options);
    } else {
      edit.mutate({ id: group.id, patch: input }, options);
    }
  };

  const title =
    group === undefined ? t('org.groups.add') : t('org.groups.editTitle', { name: group.name });
  const formError = formLevelError(mutation.error, FIELDS);

  return (
    <DialogFrame opened onClose={onClose} title={title}>
      <form noValidate onSubmit={onSubmit} aria-label={title}>
        <Stack gap="sm">
          <TextInput
            {...field('name')}
            description={t('org.groupForm.nameHint')}
            required
            maxLength={100}
            autoComplete="off"
            data-autofocus
          />
          <TextInput
            {...field('shortCode')}
            description={t('org.groupForm.shortCodeHint')}
            required
            maxLength={10}
            autoComplete="off"
          />
          <TextInput {...field('street')} required maxLength={200} autoComplete="street-address" />
          <Group gap="sm" align="flex-start" grow>
            <TextInput
              {...field('postalCode')}
              required
              maxLength={5}
              inputMode="numeric"
              autoComplete="postal-code"
            />
            <TextInput {...field('city')} required maxLength={100} autoComplete="address-level2" />
          </Group>
          <NativeSelect {...field('timeZone')} data={zones} />
          <TextInput
            {...field('dialCode')}
            description={t('org.groupForm.dialCodeHint')}
            maxLength={4}
            inputMode="numeric"
            autoComplete="off"
          />
          {formError !== null && (
            <Alert color="red" variant="light" role="alert">
              {formError}
            </Alert>
          )}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={mutation.isPending}>
              {group === undefined ? t('org.groupForm.submitCreate') : t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </DialogFrame>
  );
}
