import { type ReactNode, useState } from 'react';
import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import {
  AVAILABILITIES,
  type Availability,
  type BlockDecade,
  type LengthChoice,
  type NumberBlock,
  type PhoneNumber,
  useNumberBlocks,
} from '../../api/numbers.ts';
import { QueryState } from '../../components/query-state.tsx';
import { BlockList } from './block-list.tsx';
import { BlockNumbers } from './block-numbers.tsx';
import { ExplorerFilters } from './explorer-filters.tsx';
import { allDisplayLengths } from './number-labels.ts';
import { SearchResults } from './search-results.tsx';

export interface NumberExplorerProps {
  companyId: string;
  /** Free numbers can be chosen (e.g. in the workplace wizard); otherwise the explorer only shows. */
  selectable?: boolean;
  onSelect?: (number: PhoneNumber) => void;
  /** Controls beside each block, e.g. "Block zurücknehmen" in the operator console. */
  blockActions?: (block: NumberBlock) => ReactNode;
  /** Controls for the opened decade, e.g. "Rufnummernverlängerung". */
  decadeActions?: (block: NumberBlock, decade: BlockDecade) => ReactNode;
  /**
   * Only the blocks and numbers of one group/location (the workplace wizard, seed 001 "Wählen Sie
   * aus den verfügbaren Rufnummernbereichen Ihrer Gruppe/Ihres Standorts eine Rufnummer aus").
   */
  group?: { id: string; name: string };
  /** The chosen number when the caller keeps it (e.g. a saved draft); the explorer's own otherwise. */
  selected?: string | null;
}

/**
 * The Rufnummernübersicht of seed 001: blocks → decades (0x … 9x) → lengths → numbers, with the
 * availability filter, the number search and, in the expert view, the length filter.
 */
export function NumberExplorer(props: NumberExplorerProps) {
  const { t } = useTranslation();
  const { companyId, selectable = false, group } = props;
  const [availability, setAvailability] = useState<Availability[]>([...AVAILABILITIES]);
  const [expert, setExpert] = useState(false);
  const [lengthChoice, setLengthChoice] = useState<LengthChoice>('standard');
  const [query, setQuery] = useState<string | null>(null);
  const [blockId, setBlockId] = useState<string | null>(null);
  const [digit, setDigit] = useState<number | null>(null);
  const [displayLength, setDisplayLength] = useState<number | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const blocks = useNumberBlocks(companyId, availability, group?.id);
  const items = availability.length === 0 ? [] : (blocks.data?.items ?? []);
  const block = items.find((entry) => entry.id === blockId) ?? null;
  // The standard view always shows the standard length (seed 001, "Rufnummer auswählen").
  const length: LengthChoice = expert ? lengthChoice : 'standard';

  const select = (number: PhoneNumber) => {
    setSelected(number.e164);
    props.onSelect?.(number);
  };
  const selection = {
    selectable,
    selected: props.selected === undefined ? selected : props.selected,
    onSelect: select,
  };

  return (
    <Stack gap="md">
      <Group justify="space-between" align="center">
        {group ? (
          <Title order={3} size="h4">
            {t('workplaces.number.explorerTitle', { group: group.name })}
          </Title>
        ) : (
          <Title order={2} size="h3">
            {t('numbers.explorer.title')}
          </Title>
        )}
        <Button variant="subtle" onClick={() => setExpert((value) => !value)}>
          {expert ? t('numbers.explorer.toStandard') : t('numbers.explorer.toExpert')}
        </Button>
      </Group>
      <ExplorerFilters
        availability={availability}
        onAvailability={setAvailability}
        expert={expert}
        length={length}
        onLength={setLengthChoice}
        lengths={allDisplayLengths(items)}
        onSearch={setQuery}
      />
      {availability.length === 0 ? (
        <Text>{t('numbers.availability.none')}</Text>
      ) : query !== null ? (
        <SearchResults
          companyId={companyId}
          query={query}
          length={length}
          availability={availability}
          onClear={() => setQuery(null)}
          groupId={group?.id}
          headingOrder={group ? 4 : 3}
          {...selection}
        />
      ) : (
        <>
          <QueryState isPending={blocks.isPending} error={blocks.error} />
          {blocks.data !== undefined && items.length === 0 && (
            <Text>{group ? t('workplaces.number.noBlocks') : t('numbers.noBlocks')}</Text>
          )}
          {items.length > 0 && (
            <BlockList
              blocks={items}
              selectedId={block?.id ?? null}
              onSelect={(next) => {
                setBlockId(next.id);
                setDigit(null);
                setDisplayLength(null);
              }}
              actions={props.blockActions}
              label={t('numbers.blocks')}
            />
          )}
          {block !== null && (
            <BlockNumbers
              companyId={companyId}
              block={block}
              length={length}
              availability={availability}
              digit={digit}
              onDigit={setDigit}
              displayLength={displayLength}
              onDisplayLength={setDisplayLength}
              decadeActions={props.decadeActions}
              {...selection}
            />
          )}
        </>
      )}
    </Stack>
  );
}
