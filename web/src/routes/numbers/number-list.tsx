import { Badge, Button, Stack, Text } from '@mantine/core';
import type { InfiniteData, UseInfiniteQueryResult } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { NumberPage, PhoneNumber } from '../../api/numbers.ts';
import { QueryState } from '../../components/query-state.tsx';
import classes from './number-explorer.module.css';
import { stateText } from './number-labels.ts';

interface NumberListProps {
  query: UseInfiniteQueryResult<InfiniteData<NumberPage>>;
  /** Names the list for screen readers, e.g. "Rufnummern der Dekade 0x, 10-stellig". */
  label: string;
  /** Free numbers are buttons that select; otherwise the list only shows. */
  selectable: boolean;
  selected: string | null;
  onSelect: (number: PhoneNumber) => void;
  /** Drop numbers of other blocks (the lookup of a single number searches all blocks). */
  blockId?: string;
}

function stateColor(number: PhoneNumber): string {
  return number.state === 'free' ? 'teal.9' : number.state === 'assigned' ? 'red.9' : 'gray.8';
}

function NumberEntry(props: {
  number: PhoneNumber;
  selectable: boolean;
  selected: boolean;
  onSelect: (number: PhoneNumber) => void;
}) {
  const { t } = useTranslation();
  const { number, selectable, selected } = props;
  const taken = number.state !== 'free';
  const content = (
    <>
      <Text component="span" fw={600} display="block">
        {number.display}
      </Text>
      <Badge component="span" variant="outline" color={stateColor(number)} size="sm">
        {stateText(t, number)}
      </Badge>
    </>
  );
  if (!selectable) {
    return (
      <li className={`${classes.tile} ${classes.static} ${taken ? classes.taken : ''}`}>
        {content}
      </li>
    );
  }
  return (
    <li>
      <button
        type="button"
        className={classes.tile}
        disabled={taken}
        aria-pressed={taken ? undefined : selected}
        onClick={() => props.onSelect(number)}
      >
        {content}
      </button>
    </li>
  );
}

/** Numbers of a decade and length or of a search, with "load more" along nextCursor. */
export function NumberList({
  query,
  label,
  selectable,
  selected,
  onSelect,
  blockId,
}: NumberListProps) {
  const { t } = useTranslation();
  const numbers = (query.data?.pages ?? [])
    .flatMap((page) => page.items)
    .filter((number) => blockId === undefined || number.blockId === blockId);

  return (
    <Stack gap="sm">
      <QueryState isPending={query.isPending} error={query.error} />
      {query.data !== undefined && numbers.length === 0 && <Text>{t('numbers.noNumbers')}</Text>}
      {numbers.length > 0 && (
        <ul className={classes.numbers} aria-label={label}>
          {numbers.map((number) => (
            <NumberEntry
              key={number.e164}
              number={number}
              selectable={selectable}
              selected={selected === number.e164}
              onSelect={onSelect}
            />
          ))}
        </ul>
      )}
      {query.hasNextPage && (
        <Button
          variant="default"
          onClick={() => void query.fetchNextPage()}
          loading={query.isFetchingNextPage}
          style={{ alignSelf: 'flex-start' }}
        >
          {t('numbers.loadMore')}
        </Button>
      )}
    </Stack>
  );
}
