import type { ReactNode } from 'react';
import { Badge, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { NumberBlock } from '../../api/numbers.ts';
import classes from './number-explorer.module.css';
import { availabilityText } from './number-labels.ts';

interface BlockListProps {
  blocks: readonly NumberBlock[];
  selectedId: string | null;
  onSelect: (block: NumberBlock) => void;
  /** Controls beside each block, e.g. "Block zurücknehmen". */
  actions?: ((block: NumberBlock) => ReactNode) | undefined;
  label: string;
}

/** The blocks and single numbers (Rufnummernbereiche) of the company; one can be opened. */
export function BlockList({ blocks, selectedId, onSelect, actions, label }: BlockListProps) {
  const { t } = useTranslation();
  return (
    <ul className={classes.rows} aria-label={label}>
      {blocks.map((block) => (
        <li key={block.id} className={classes.row}>
          <button
            type="button"
            className={`${classes.tile} ${classes.wide}`}
            aria-pressed={block.id === selectedId}
            onClick={() => onSelect(block)}
          >
            <Group gap="sm" wrap="wrap" component="span">
              <Text component="span" fw={600}>
                {block.display}
              </Text>
              <Text component="span" size="sm">
                {t(`numbers.kind.${block.kind}`)}
              </Text>
              <Badge
                component="span"
                variant="outline"
                color={block.availability === 'current' ? 'teal.9' : 'blue.9'}
              >
                {availabilityText(t, block)}
              </Badge>
              {block.source === 'ported' && (
                <Badge component="span" variant="outline" color="gray.8">
                  {t('numbers.source.ported')}
                </Badge>
              )}
            </Group>
            <Text component="span" size="sm" display="block">
              {t('numbers.counts', { count: block.numbersTotal, assigned: block.assignedTotal })}
            </Text>
          </button>
          {actions?.(block)}
        </li>
      ))}
    </ul>
  );
}
