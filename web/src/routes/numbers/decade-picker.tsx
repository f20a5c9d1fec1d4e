import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DecadeLength } from '../../../../common/src/numbers/block.ts';
import type { BlockDecade, NumberBlock } from '../../api/numbers.ts';
import classes from './number-explorer.module.css';
import { decadeLabel } from './number-labels.ts';

interface DecadePickerProps {
  block: NumberBlock;
  selected: number | null;
  onSelect: (decade: BlockDecade) => void;
  label: string;
}

/** The up to ten decades (0x … 9x) of a block. */
export function DecadePicker({ block, selected, onSelect, label }: DecadePickerProps) {
  const { t } = useTranslation();
  return (
    <ul className={classes.tiles} aria-label={label}>
      {block.decades.map((decade) => (
        <li key={decade.digit}>
          <button
            type="button"
            className={classes.tile}
            aria-pressed={decade.digit === selected}
            onClick={() => onSelect(decade)}
          >
            <Text component="span" fw={600} display="block">
              {decadeLabel(block, decade.digit)}
            </Text>
            {decade.extra > 0 && (
              <Text component="span" size="xs" display="block">
                {t('numbers.lengthenedBy', { count: decade.extra })}
              </Text>
            )}
          </button>
        </li>
      ))}
    </ul>
  );
}

interface LengthPickerProps {
  lengths: readonly DecadeLength[];
  selected: number | null;
  onSelect: (length: DecadeLength) => void;
  label: string;
}

/** The lengths of a decade ("10-stellig", "14-stellig") with how many numbers each has. */
export function LengthPicker({ lengths, selected, onSelect, label }: LengthPickerProps) {
  const { t } = useTranslation();
  if (lengths.length === 0) {
    return <Text>{t('numbers.noLengths')}</Text>;
  }
  return (
    <ul className={classes.tiles} aria-label={label}>
      {lengths.map((length) => (
        <li key={length.displayLength}>
          <button
            type="button"
            className={classes.tile}
            aria-pressed={length.displayLength === selected}
            onClick={() => onSelect(length)}
          >
            <Text component="span" fw={600} display="block">
              {t('numbers.digits', { count: length.displayLength })}
            </Text>
            <Text component="span" size="xs" display="block">
              {t(`numbers.lengthKind.${length.kind}`)} ·{' '}
              {t('numbers.numberCount', { count: length.count })}
            </Text>
          </button>
        </li>
      ))}
    </ul>
  );
}
