import { useId, useState } from 'react';
import { Badge, Button, Divider, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { NumberBlock } from '../../api/numbers.ts';
import { type OrgGroup, useEditGroup, useEffective, useRemoveGroup } from '../../api/org.ts';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import { AreasPanel } from './areas-panel.tsx';
import { AssignNumbersAction, groupOfBlock } from './assign-numbers.tsx';
import { CallInfoAction } from './call-info-form.tsx';
import { EffectiveCallInfo } from './effective-call-info.tsx';
import { GroupBarring } from './group-barring.tsx';
import { GroupForm } from './group-form.tsx';
import classes from './org.module.css';

interface GroupItemProps {
  companyId: string;
  group: OrgGroup;
  groups: readonly OrgGroup[];
  blocks: readonly NumberBlock[];
  /** Called with the confirmation text of an action. */
  onDone: (message: string) => void;
}

/** One group/location: facts, numbers, blocking profile, call information and areas. */
export function GroupItem({ companyId, group, groups, blocks, onDone }: GroupItemProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const effective = useEffective(companyId, group.id);
  const edit = useEditGroup(companyId);
  const remove = useRemoveGroup(companyId);
  const [editing, setEditing] = useState(false);
  const [removing, setRemoving] = useState(false);
  const named = { name: group.name };
  const own = blocks.filter((block) => groupOfBlock(block, groups)?.id === group.id);
  const closeRemove = () => {
    setRemoving(false);
    remove.reset();
  };

  return (
    <li aria-labelledby={headingId}>
      <Paper withBorder p="md">
        <Stack gap="sm">
          <Group gap="sm">
            <Title order={2} size="h3" id={headingId}>
              {group.name}
            </Title>
            {group.isDefault && (
              <Badge variant="outline" color="teal.9">
                {t('org.groups.default')}
              </Badge>
            )}
          </Group>
          <dl className={classes.facts}>
            <dt>{t('org.groups.shortCode')}</dt>
            <dd>{group.shortCode}</dd>
            <dt>{t('org.groups.address')}</dt>
            <dd>{`${group.street}, ${group.postalCode} ${group.city}`}</dd>
            <dt>{t('org.groups.timeZone')}</dt>
            <dd>{group.timeZone}</dd>
            <dt>{t('org.groups.dialCode')}</dt>
            <dd>{group.dialCode ?? t('org.groups.noDialCode')}</dd>
          </dl>
          <Text size="sm">
            {t('org.groups.blocks', { count: group.numberBlocks })},{' '}
            {t('org.groups.workplaces', { count: group.workplaces })}
          </Text>
          {own.length > 0 && (
            <ul className={classes.compact} aria-label={t('org.groups.numbersOf', named)}>
              {own.map((block) => (
                <li key={block.id}>
                  <Text size="sm">{block.display}</Text>
                </li>
              ))}
            </ul>
          )}
          <Group gap="sm">
            <Button
              variant="default"
              size="compact-sm"
              onClick={() => setEditing(true)}
              aria-label={t('org.groups.editNamed', named)}
            >
              {t('org.groups.edit')}
            </Button>
            <AssignNumbersAction
              companyId={companyId}
              group={group}
              groups={groups}
              blocks={blocks}
              onDone={onDone}
            />
            <Button
              variant="default"
              color="red.9"
              size="compact-sm"
              onClick={() => setRemoving(true)}
              aria-label={t('org.groups.removeNamed', named)}
            >
              {t('org.groups.remove')}
            </Button>
          </Group>
          <Divider />
          <Title order={3} size="h5">
            {t('org.barring.title')}
          </Title>
          <GroupBarring companyId={companyId} group={group} effective={effective.data} />
          <Divider />
          <Title order={3} size="h5">
            {t('org.callInfo.title')}
          </Title>
          <Group gap="sm" wrap="wrap">
            <EffectiveCallInfo callInfo={effective.data?.callInfo} labelled={false} />
            {effective.data !== undefined && (
              <CallInfoAction
                name={group.name}
                own={group.callInfo}
                fallback={effective.data.callInfo.value}
                save={(value) => edit.mutateAsync({ id: group.id, patch: { callInfo: value } })}
              />
            )}
          </Group>
          <Divider />
          <AreasPanel companyId={companyId} group={group} />
        </Stack>
      </Paper>
      {editing && (
        <GroupForm
          companyId={companyId}
          group={group}
          onClose={() => setEditing(false)}
          onDone={(message) => {
            setEditing(false);
            onDone(message);
          }}
        />
      )}
      <ConfirmDialog
        opened={removing}
        title={t('org.groups.removeTitle')}
        confirmLabel={t('org.groups.remove')}
        danger
        pending={remove.isPending}
        error={remove.error?.message ?? null}
        onClose={closeRemove}
        onConfirm={() =>
          remove.mutate(group.id, {
            onSuccess: () => {
              closeRemove();
              onDone(t('org.groups.removed', named));
            },
          })
        }
      >
        {t('org.groups.removeConfirm', named)}
      </ConfirmDialog>
    </li>
  );
}
