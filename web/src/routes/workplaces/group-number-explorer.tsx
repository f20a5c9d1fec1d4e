import { useState } from 'react';
import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import {
  AVAILABILITIES,
  type Availability,
  type LengthChoice,
  type PhoneNumber,
} from '../../api/numbers.ts';
import { useGroupBlocks, useGroupNumberSearch } from '../../api/workplaces.ts';
import { QueryState } from '../../components/query-state.tsx';
import { BlockList } from '../numbers/block-list.tsx';
import { BlockNumbers } from '../numbers/block-numbers.tsx';
import { ExplorerFilters } from '../numbers/explorer-filters.tsx';
import { allDisplayLengths } from '../numbers/number-labels.ts';
import { NumberList } from '../numbers/number-list.tsx';

interface GroupNumberExplorerProps {
  companyId: string;
  groupId: string;
  groupName: string;
  selected: string | null;
  onSelect: (number: PhoneNumber) => void;
}

/**
 * The Rufnummernübersicht of the numbers page (blocks → decades → lengths → numbers, search,
 * expert view) limited to the blocks of the workplace's group (seed 001 "Wählen Sie aus den
 * verfügbaren Rufnummernbereichen Ihrer Gruppe/Ihres Standorts eine Rufnummer aus").
 */
export function GroupNumberExplorer(props: GroupNumberExplorerProps) {
  const { t } = useTranslation();
  const { companyId, groupId } = props;
  const [availability, setAvailability] = useState<Availability[]>([...AVAILABILITIES]);
  const [expert, setExpert] = useState(false);
  const [lengthChoice, setLengthChoice] = useState<LengthChoice>('standard');
  const [query, setQuery] = useState<string | null>(null);
  const [blockId, setBlockId] = useState<string | null>(null);
  const [digit, setDigit] = useState<number | null>(null);
  const [displayLength, setDisplayLength] = useState<number | null>(null);
  const blocks = useGroupBlocks(companyId, groupId, availability);
  const length: LengthChoice = expert ? lengthChoice : 'standard';
  const search = useGroupNumberSearch(
    companyId,
    groupId,
    query === null ? null : { q: query, length, availability },
  );
  const items = availability.length === 0 ? [] : (blocks.data?.items ?? []);
  const block = items.find((entry) => entry.id === blockId) ?? null;
  const selection = { selectable: true, selected: props.selected, onSelect: props.onSelect };
  const searchTitle = query === null ? '' : t('numbers.search.results', { query });

  return (
    <Stack gap="md">
      <Group justify="space-between" align="center">
        <Title order={3} size="h4">
          {t('workplaces.number.explorerTitle', { group: props.groupName })}
        </Title>
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
        <Stack gap="sm">
          <Group justify="space-between" align="center">
            <Title order={4} size="h5">
              {searchTitle}
            </Title>
            <Button variant="default" size="xs" onClick={() => setQuery(null)}>
              {t('numbers.search.clear')}
            </Button>
          </Group>
          <NumberList query={search} label={searchTitle} {...selection} />
        </Stack>
      ) : (
        <>
          <QueryState isPending={blocks.isPending} error={blocks.error} />
          {blocks.data !== undefined && items.length === 0 && (
            <Text>{t('workplaces.number.noBlocks')}</Text>
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
              {...selection}
            />
          )}
        </>
      )}
    </Stack>
  );
}
