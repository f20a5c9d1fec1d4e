import { useState } from 'react';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  List,
  NativeSelect,
  Stack,
  Table,
  Text,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import {
  type ImportRow,
  type ListImport,
  type RowFilter,
  type RowStatus,
  errorFileUrl,
  useCommitImport,
  useImportRows,
} from '../../api/imports.ts';
import { Paging } from '../../components/paging.tsx';
import { QueryState } from '../../components/query-state.tsx';

const PAGE_SIZE = 50;
const FILTERS: RowFilter[] = ['all', 'problems', 'valid', 'warning', 'invalid', 'skipped'];

const statusColor: Record<RowStatus, string> = {
  valid: 'teal.9',
  warning: 'yellow.9',
  invalid: 'red.9',
  skipped: 'gray.8',
};

/** The checked rows with every problem, the error workbook and the two ways to import. */
export function ImportPreview({ companyId, state }: { companyId: string; state: ListImport }) {
  const { t } = useTranslation();
  const [filter, setFilter] = useState<RowFilter>(state.summary.invalid > 0 ? 'problems' : 'all');
  const [page, setPage] = useState(1);
  const rows = useImportRows(
    companyId,
    state.id,
    { status: filter, page, pageSize: PAGE_SIZE },
    true,
  );
  const commit = useCommitImport(companyId, state.id);
  const { summary } = state;

  return (
    <Stack gap="md">
      <Text role="status" fw={500}>
        {t('import.summary', summary)}
      </Text>
      {state.status === 'validated' && (
        <Group gap="md">
          <Button
            onClick={() => commit.mutate('all')}
            disabled={!state.canImportAll}
            loading={commit.isPending && commit.variables === 'all'}
          >
            {t('import.importAll')}
          </Button>
          <Button
            variant="light"
            onClick={() => commit.mutate('valid_only')}
            disabled={!state.canImportValid}
            loading={commit.isPending && commit.variables === 'valid_only'}
          >
            {t('import.importValid')}
          </Button>
          {summary.invalid + summary.warning > 0 && (
            <Anchor href={errorFileUrl(companyId, state.id)} download>
              {t('import.errorFile')}
            </Anchor>
          )}
        </Group>
      )}
      {state.status === 'validated' && summary.invalid > 0 && (
        <Text size="sm" c="dimmed" maw={760}>
          {t('import.fixHint')}
        </Text>
      )}
      {commit.error !== null && (
        <Alert color="red" variant="light" role="alert">
          {commit.error.message}
        </Alert>
      )}
      {state.commitError !== null && commit.error === null && (
        <Alert color="red" variant="light" role="alert">
          {state.commitError.message}
        </Alert>
      )}
      <NativeSelect
        label={t('import.filter')}
        value={filter}
        onChange={(event) => {
          setFilter(event.currentTarget.value as RowFilter);
          setPage(1);
        }}
        data={FILTERS.map((value) => ({ value, label: t(`import.filters.${value}`) }))}
        maw={280}
      />
      <QueryState isPending={rows.isPending} error={rows.error} />
      {rows.data !== undefined && rows.data.items.length > 0 && (
        <Table.ScrollContainer minWidth={900}>
          <Table striped verticalSpacing="xs" aria-label={t('import.rowsCaption')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('import.row')}</Table.Th>
                <Table.Th scope="col">{t('import.status')}</Table.Th>
                <Table.Th scope="col">{t('import.name')}</Table.Th>
                <Table.Th scope="col">{t('import.username')}</Table.Th>
                <Table.Th scope="col">{t('import.number')}</Table.Th>
                <Table.Th scope="col">{t('import.problems')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.data.items.map((row) => (
                <RowLine key={row.row} row={row} />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {rows.data !== undefined && rows.data.total > PAGE_SIZE && (
        <Paging
          page={page}
          pageSize={PAGE_SIZE}
          total={rows.data.total}
          onChange={setPage}
          label={t('import.rowsCaption')}
        />
      )}
    </Stack>
  );
}

function RowLine({ row }: { row: ImportRow }) {
  const { t } = useTranslation();
  return (
    <Table.Tr>
      <Table.Td>{row.row}</Table.Td>
      <Table.Td>
        <Badge color={statusColor[row.status]} variant="light">
          {t(`import.statuses.${row.status}`)}
        </Badge>
      </Table.Td>
      <Table.Td>{row.name}</Table.Td>
      <Table.Td>{row.username}</Table.Td>
      <Table.Td>{row.mainNumber}</Table.Td>
      <Table.Td>
        {row.issues.length > 0 && (
          <List size="sm" spacing={4}>
            {row.issues.map((issue, index) => (
              <List.Item key={`${issue.rule}-${index}`}>
                <Text size="sm" c={issue.severity === 'error' ? 'red.9' : 'yellow.9'} span fw={500}>
                  {issue.columnHeader ?? t('import.wholeRow')}
                  {issue.cell !== null ? ` (${issue.cell})` : ''}:
                </Text>{' '}
                <Text size="sm" span>
                  {issue.message}
                </Text>
                {issue.hint !== '' && (
                  <Text size="xs" c="dimmed">
                    {t('import.hint')}: {issue.hint}
                  </Text>
                )}
              </List.Item>
            ))}
          </List>
        )}
      </Table.Td>
    </Table.Tr>
  );
}
