import { type FormEvent, useState } from 'react';
import { Button, Group, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { type Area, useEditArea } from '../../api/org.ts';
import { DialogFrame } from '../../components/dialog-frame.tsx';

/** "Umbenennen" of an area, in a small dialog. */
export function RenameAreaAction({ companyId, area }: { companyId: string; area: Area }) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  return (
    <>
      <Button
        variant="default"
        size="compact-sm"
        onClick={() => setOpened(true)}
        aria-label={t('org.areas.renameNamed', { name: area.name })}
      >
        {t('org.areas.rename')}
      </Button>
      {opened && (
        <RenameDialog companyId={companyId} area={area} onClose={() => setOpened(false)} />
      )}
    </>
  );
}

function RenameDialog(props: { companyId: string; area: Area; onClose: () => void }) {
  const { t } = useTranslation();
  const edit = useEditArea(props.companyId);
  const [name, setName] = useState(props.area.name);
  const [missing, setMissing] = useState(false);
  const title = t('org.areas.renameTitle', { name: props.area.name });

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (name.trim() === '') {
      setMissing(true);
      return;
    }
    edit.mutate({ id: props.area.id, patch: { name: name.trim() } }, { onSuccess: props.onClose });
  };

  return (
    <DialogFrame opened onClose={props.onClose} title={title}>
      <form noValidate onSubmit={onSubmit} aria-label={title}>
        <Stack gap="sm">
          <TextInput
            label={t('org.areas.name')}
            required
            maxLength={100}
            autoComplete="off"
            value={name}
            error={missing && name.trim() === '' ? t('form.required') : edit.error?.message}
            onChange={(event) => {
              setName(event.currentTarget.value);
              edit.reset();
            }}
            data-autofocus
          />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={props.onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={edit.isPending}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </DialogFrame>
  );
}
