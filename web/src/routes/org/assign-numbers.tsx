import { type FormEvent, useState } from 'react';
import { Alert, Button, Group, NativeSelect, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { NumberBlock } from '../../api/numbers.ts';
import { type OrgGroup, useMoveBlock } from '../../api/org.ts';
import { DialogFrame } from '../../components/dialog-frame.tsx';

interface AssignNumbersProps {
  companyId: string;
  group: OrgGroup;
  groups: readonly OrgGroup[];
  blocks: readonly NumberBlock[];
  onDone: (message: string) => void;
}

/** The group a block belongs to; blocks without one count to the default group. */
export function groupOfBlock(block: NumberBlock, groups: readonly OrgGroup[]): OrgGroup | null {
  return (
    groups.find((group) => group.id === block.groupId) ??
    (block.groupId === null ? (groups.find((group) => group.isDefault) ?? null) : null)
  );
}

/** "Rufnummern zuordnen": moves one of the company's blocks or single numbers into the group. */
export function AssignNumbersAction(props: AssignNumbersProps) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  return (
    <>
      <Button
        variant="default"
        size="compact-sm"
        onClick={() => setOpened(true)}
        aria-label={t('org.assign.actionNamed', { name: props.group.name })}
      >
        {t('org.assign.action')}
      </Button>
      {opened && <AssignDialog {...props} onClose={() => setOpened(false)} />}
    </>
  );
}

function AssignDialog(props: AssignNumbersProps & { onClose: () => void }) {
  const { t } = useTranslation();
  const { group, groups, blocks } = props;
  const move = useMoveBlock(props.companyId);
  const [blockId, setBlockId] = useState('');
  const [missing, setMissing] = useState(false);
  const others = blocks.filter((block) => groupOfBlock(block, groups)?.id !== group.id);
  const title = t('org.assign.title', { name: group.name });

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const block = others.find((entry) => entry.id === blockId);
    if (block === undefined) {
      setMissing(true);
      event.currentTarget.querySelector('select')?.focus();
      return;
    }
    move.mutate(
      { blockId: block.id, groupId: group.id },
      {
        onSuccess: () => {
          props.onClose();
          props.onDone(t('org.assign.done', { block: block.display, name: group.name }));
        },
      },
    );
  };

  return (
    <DialogFrame opened onClose={props.onClose} title={title}>
      {others.length === 0 ? (
        <Stack gap="md">
          <Text>{blocks.length === 0 ? t('org.assign.noBlocks') : t('org.assign.noneLeft')}</Text>
          <Button variant="default" onClick={props.onClose} style={{ alignSelf: 'flex-end' }}>
            {t('common.close')}
          </Button>
        </Stack>
      ) : (
        <form noValidate onSubmit={onSubmit} aria-label={title}>
          <Stack gap="sm">
            <NativeSelect
              label={t('org.assign.label')}
              description={t('org.assign.hint')}
              required
              value={blockId}
              error={missing && blockId === '' ? t('org.assign.required') : undefined}
              onChange={(event) => {
                setBlockId(event.currentTarget.value);
                move.reset();
              }}
              data={[
                { value: '', label: t('org.assign.choose') },
                ...others.map((block) => ({
                  value: block.id,
                  label: t('org.assign.option', {
                    block: block.display,
                    group: groupOfBlock(block, groups)?.name ?? t('org.assign.noGroup'),
                  }),
                })),
              ]}
              data-autofocus
            />
            {move.error !== null && (
              <Alert color="red" variant="light" role="alert">
                {move.error.message}
              </Alert>
            )}
            <Group justify="flex-end" gap="sm">
              <Button variant="default" onClick={props.onClose}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={move.isPending}>
                {t('org.assign.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </DialogFrame>
  );
}
