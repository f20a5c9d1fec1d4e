import { Button, Group, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import {
  type Availability,
  type LengthChoice,
  type PhoneNumber,
  useNumberSearch,
} from '../../api/numbers.ts';
import { NumberList } from './number-list.tsx';

interface SearchResultsProps {
  companyId: string;
  query: string;
  length: LengthChoice;
  availability: readonly Availability[];
  selectable: boolean;
  selected: string | null;
  onSelect: (number: PhoneNumber) => void;
  onClear: () => void;
  /** Only the numbers of this group/location. */
  groupId?: string;
  /** The heading level of the results (below the explorer's title). */
  headingOrder?: 3 | 4;
}

/** The numbers matching a search, free and taken, with their state. */
export function SearchResults(props: SearchResultsProps) {
  const { t } = useTranslation();
  const search = useNumberSearch(props.companyId, {
    q: props.query,
    length: props.length,
    state: 'all',
    availability: props.availability,
    groupId: props.groupId,
  });
  const title = t('numbers.search.results', { query: props.query });
  return (
    <Stack gap="sm">
      <Group justify="space-between" align="center">
        <Title order={props.headingOrder ?? 3} size={props.headingOrder === 4 ? 'h5' : 'h4'}>
          {title}
        </Title>
        <Button variant="default" size="xs" onClick={props.onClear}>
          {t('numbers.search.clear')}
        </Button>
      </Group>
      <NumberList
        query={search}
        label={title}
        selectable={props.selectable}
        selected={props.selected}
        onSelect={props.onSelect}
      />
    </Stack>
  );
}
