import type { ReactNode } from 'react';
import { Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import {
  type Availability,
  type BlockDecade,
  type LengthChoice,
  type NumberBlock,
  type PhoneNumber,
  useDecadeNumbers,
  useNumberSearch,
} from '../../api/numbers.ts';
import { DecadePicker, LengthPicker } from './decade-picker.tsx';
import { decadeLabel, lengthsOf } from './number-labels.ts';
import { NumberList } from './number-list.tsx';

interface Selection {
  selectable: boolean;
  selected: string | null;
  onSelect: (number: PhoneNumber) => void;
}

interface BlockNumbersProps extends Selection {
  companyId: string;
  block: NumberBlock;
  length: LengthChoice;
  availability: readonly Availability[];
  digit: number | null;
  onDigit: (digit: number | null) => void;
  displayLength: number | null;
  onDisplayLength: (displayLength: number | null) => void;
  decadeActions?: ((block: NumberBlock, decade: BlockDecade) => ReactNode) | undefined;
}

/** An opened block: its decades, the lengths of the chosen decade, then its numbers. */
export function BlockNumbers(props: BlockNumbersProps) {
  const { t } = useTranslation();
  const { block, digit } = props;
  if (block.kind === 'single') {
    return <SingleNumber {...props} />;
  }
  const decade = block.decades.find((entry) => entry.digit === digit) ?? null;
  const lengths = decade === null ? [] : lengthsOf(block, decade, props.length);
  const length = lengths.find((entry) => entry.displayLength === props.displayLength) ?? null;
  const decadeName = decade === null ? '' : decadeLabel(block, decade.digit);

  return (
    <Stack gap="md">
      <Title order={3} size="h4">
        {t('numbers.decadesOf', { block: block.display })}
      </Title>
      <DecadePicker
        block={block}
        selected={decade?.digit ?? null}
        onSelect={(next) => {
          props.onDigit(next.digit);
          props.onDisplayLength(null);
        }}
        label={t('numbers.decadesOf', { block: block.display })}
      />
      {decade !== null && (
        <>
          <Group justify="space-between" align="center">
            <Title order={3} size="h4">
              {t('numbers.lengthsOf', { decade: decadeName })}
            </Title>
            {props.decadeActions?.(block, decade)}
          </Group>
          <LengthPicker
            lengths={lengths}
            selected={length?.displayLength ?? null}
            onSelect={(next) => props.onDisplayLength(next.displayLength)}
            label={t('numbers.lengthsOf', { decade: decadeName })}
          />
        </>
      )}
      {decade !== null && length !== null && (
        <DecadeNumbers
          {...props}
          decade={decade}
          displayLength={length.displayLength}
          title={t('numbers.numbersOf', {
            decade: decadeName,
            length: t('numbers.digits', { count: length.displayLength }),
          })}
        />
      )}
    </Stack>
  );
}

function DecadeNumbers(
  props: BlockNumbersProps & { decade: BlockDecade; displayLength: number; title: string },
) {
  const query = useDecadeNumbers(props.companyId, {
    blockId: props.block.id,
    digit: props.decade.digit,
    length: props.displayLength,
    state: 'all',
  });
  return (
    <Stack gap="sm">
      <Title order={3} size="h4">
        {props.title}
      </Title>
      <NumberList
        query={query}
        label={props.title}
        selectable={props.selectable}
        selected={props.selected}
        onSelect={props.onSelect}
      />
    </Stack>
  );
}

/** A single number (Einzelrufnummer) has no decades; it is shown with its state right away. */
function SingleNumber(props: BlockNumbersProps) {
  const { t } = useTranslation();
  const query = useNumberSearch(props.companyId, {
    q: props.block.e164Prefix,
    length: 'any',
    state: 'all',
    availability: props.availability,
  });
  const title = t('numbers.singleOf', { number: props.block.display });
  return (
    <Stack gap="sm">
      <Title order={3} size="h4">
        {title}
      </Title>
      <Text size="sm">{t('numbers.singleHint')}</Text>
      <NumberList
        query={query}
        label={title}
        selectable={props.selectable}
        selected={props.selected}
        onSelect={props.onSelect}
        blockId={props.block.id}
      />
    </Stack>
  );
}
