import { type FormEvent, useState } from 'react';
import { Button, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DEFAULT_CALL_INFO } from '../../../../common/src/rules/call-info.ts';
import {
  type Area,
  type OrgGroup,
  useCreateArea,
  useEditArea,
  useEffective,
  useRemoveArea,
} from '../../api/org.ts';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import { CallInfoAction } from './call-info-form.tsx';
import { EffectiveCallInfo } from './effective-call-info.tsx';
import classes from './org.module.css';
import { RenameAreaAction } from './rename-area.tsx';

interface AreasPanelProps {
  companyId: string;
  group: OrgGroup;
}

/** The areas (Bereiche) of a group: add, rename, call information, delete. */
export function AreasPanel({ companyId, group }: AreasPanelProps) {
  const { t } = useTranslation();
  const create = useCreateArea(companyId);
  const [name, setName] = useState('');
  const [missing, setMissing] = useState(false);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const trimmed = name.trim();
    if (trimmed === '') {
      setMissing(true);
      event.currentTarget.querySelector('input')?.focus();
      return;
    }
    create.mutate({ groupId: group.id, name: trimmed }, { onSuccess: () => setName('') });
  };

  return (
    <Stack gap="xs">
      <Title order={3} size="h5">
        {t('org.areas.title')}
      </Title>
      {group.areas.length === 0 ? (
        <Text size="sm">{t('org.areas.none')}</Text>
      ) : (
        <ul className={classes.compact} aria-label={t('org.areas.listOf', { name: group.name })}>
          {group.areas.map((area) => (
            <AreaItem key={area.id} companyId={companyId} group={group} area={area} />
          ))}
        </ul>
      )}
      <form noValidate onSubmit={onSubmit} aria-label={`${t('org.areas.add')}: ${group.name}`}>
        <Group gap="sm" align="flex-start" wrap="wrap">
          <TextInput
            label={t('org.areas.newName')}
            required
            maxLength={100}
            autoComplete="off"
            value={name}
            error={missing && name.trim() === '' ? t('form.required') : create.error?.message}
            onChange={(event) => {
              setName(event.currentTarget.value);
              create.reset();
            }}
            w={260}
          />
          <Button type="submit" variant="default" loading={create.isPending} mt={25}>
            {t('org.areas.add')}
          </Button>
        </Group>
      </form>
    </Stack>
  );
}

function AreaItem({ companyId, group, area }: { companyId: string; group: OrgGroup; area: Area }) {
  const { t } = useTranslation();
  const effective = useEffective(companyId, group.id, area.id);
  const edit = useEditArea(companyId);
  const remove = useRemoveArea(companyId);
  const [removing, setRemoving] = useState(false);
  const closeRemove = () => {
    setRemoving(false);
    remove.reset();
  };
  const named = { name: area.name };
  return (
    <li>
      <Group gap="sm" wrap="wrap" justify="space-between">
        <Stack gap={0}>
          <Text fw={500}>{area.name}</Text>
          <EffectiveCallInfo callInfo={effective.data?.callInfo} />
        </Stack>
        <Group gap="xs">
          <RenameAreaAction companyId={companyId} area={area} />
          <CallInfoAction
            name={area.name}
            own={area.callInfo}
            fallback={effective.data?.callInfo.value ?? DEFAULT_CALL_INFO}
            save={(value) => edit.mutateAsync({ id: area.id, patch: { callInfo: value } })}
          />
          <Button
            variant="default"
            color="red.9"
            size="compact-sm"
            onClick={() => setRemoving(true)}
            aria-label={t('org.areas.removeNamed', named)}
          >
            {t('org.areas.remove')}
          </Button>
        </Group>
      </Group>
      <ConfirmDialog
        opened={removing}
        title={t('org.areas.removeTitle')}
        confirmLabel={t('org.areas.remove')}
        danger
        pending={remove.isPending}
        error={remove.error?.message ?? null}
        onClose={closeRemove}
        onConfirm={() => remove.mutate(area.id, { onSuccess: closeRemove })}
      >
        {t('org.areas.removeConfirm', named)}
      </ConfirmDialog>
    </li>
  );
}
