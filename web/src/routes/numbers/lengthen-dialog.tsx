import { useState } from 'react';
import { Alert, Button, Divider, Group, NumberInput, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import {
  COUNTRY_CODE_DIGITS,
  NATIONAL_MAX_DIGITS,
  lengthenProblem,
  maxExtensionLength,
  nationalLength,
} from '../../../../common/src/numbers/block.ts';
import { type BlockDecade, type NumberBlock, useChangeDecadeLength } from '../../api/numbers.ts';
import { DialogFrame } from '../../components/dialog-frame.tsx';
import { decadeLabel, shapeOfBlock } from './number-labels.ts';

interface DecadeLengthActionProps {
  companyId: string;
  block: NumberBlock;
  decade: BlockDecade;
}

/** "Rufnummernverlängerung" for one decade: lengthen it, or take a lengthening back. */
export function DecadeLengthAction({ companyId, block, decade }: DecadeLengthActionProps) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  const name = decadeLabel(block, decade.digit);
  return (
    <>
      <Button
        variant="default"
        size="xs"
        onClick={() => setOpened(true)}
        aria-label={t('numbers.lengthen.openNamed', { decade: name })}
      >
        {t('numbers.lengthen.title')}
      </Button>
      {opened && (
        <LengthenDialog
          companyId={companyId}
          block={block}
          decade={decade}
          onClose={() => setOpened(false)}
        />
      )}
    </>
  );
}

function LengthenDialog(props: DecadeLengthActionProps & { onClose: () => void }) {
  const { t } = useTranslation();
  const { t: tErrors } = useTranslation('errors');
  const { block, decade } = props;
  const change = useChangeDecadeLength(props.companyId);
  const [by, setBy] = useState<number | string>(1);
  const shape = shapeOfBlock(block);
  const count = typeof by === 'number' ? by : Number.NaN;
  const problem = lengthenProblem(shape, decade, count);
  const currentExt = maxExtensionLength(shape, decade);
  const newExt = currentExt + (problem === null ? count : 0);
  const name = decadeLabel(block, decade.digit);
  const problemText =
    problem === 'too_long'
      ? tErrors('lengthen_too_long', {
          max: NATIONAL_MAX_DIGITS,
          maxWithCountry: NATIONAL_MAX_DIGITS + COUNTRY_CODE_DIGITS,
        })
      : problem === 'not_positive'
        ? t('numbers.lengthen.notPositive')
        : null;

  const submit = (delta: number) =>
    change.mutate(
      { blockId: block.id, digit: decade.digit, by: delta },
      { onSuccess: props.onClose },
    );

  return (
    <DialogFrame
      opened
      onClose={props.onClose}
      title={t('numbers.lengthen.dialogTitle', { decade: name, block: block.display })}
    >
      <Stack gap="md">
        <Text size="sm">
          {t('numbers.lengthen.current', {
            length: t('numbers.digits', {
              count: nationalLength(shape, currentExt) + COUNTRY_CODE_DIGITS,
            }),
          })}
        </Text>
        <NumberInput
          label={t('numbers.lengthen.by')}
          value={by}
          onChange={setBy}
          min={1}
          max={NATIONAL_MAX_DIGITS}
          allowDecimal={false}
          allowNegative={false}
          error={problemText}
          data-autofocus
        />
        {problem === null && (
          <Text size="sm" role="status">
            {t('numbers.lengthen.preview', {
              length: t('numbers.digits', {
                count: nationalLength(shape, newExt) + COUNTRY_CODE_DIGITS,
              }),
              first: `${decade.digit}${'0'.repeat(newExt - 1)}`,
              last: `${decade.digit}${'9'.repeat(newExt - 1)}`,
            })}
          </Text>
        )}
        <Alert color="blue" variant="light" title={t('numbers.lengthen.noteTitle')}>
          {t('numbers.lengthen.note')}
        </Alert>
        {change.error !== null && (
          <Alert color="red" variant="light" role="alert">
            {change.error.message}
          </Alert>
        )}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={props.onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            disabled={problem !== null}
            loading={change.isPending && change.variables.by > 0}
            onClick={() => submit(count)}
          >
            {t('numbers.lengthen.submit')}
          </Button>
        </Group>
        {decade.extra > 0 && (
          <>
            <Divider />
            <Text size="sm">{t('numbers.lengthen.undoHint', { count: decade.extra })}</Text>
            <Button
              variant="default"
              color="red.9"
              loading={change.isPending && change.variables.by < 0}
              onClick={() => submit(-decade.extra)}
              style={{ alignSelf: 'flex-start' }}
            >
              {t('numbers.lengthen.undo')}
            </Button>
          </>
        )}
      </Stack>
    </DialogFrame>
  );
}
