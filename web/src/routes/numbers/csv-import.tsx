import { type FormEvent, useRef, useState } from 'react';
import { Alert, Anchor, Button, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { importProblems, useImportBlocks } from '../../api/numbers.ts';
import { FileField } from '../../components/file-field.tsx';

const COLUMN_KEYS = ['number', 'kind', 'extensionLength', 'decades', 'availableFrom', 'source'];
type ColumnKey = 'number' | 'kind' | 'extensionLength' | 'decades' | 'availableFrom' | 'source';

function isColumnKey(value: string): value is ColumnKey {
  return COLUMN_KEYS.includes(value);
}

// The file format's German header row (the server also reads English headers) and one example.
const TEMPLATE_HEADER = 'Rufnummer;Art;Durchwahlstellen;Dekaden;Verfügbar ab;Herkunft';
const TEMPLATE_EXAMPLE = '089 1234;Block;2;0-9;;neu';

/** The template as a data: address (UTF-8 with BOM, so spreadsheet programs read the umlauts). */
const TEMPLATE_HREF = `data:text/csv;charset=utf-8,${encodeURIComponent(
  `\uFEFF${TEMPLATE_HEADER}\r\n${TEMPLATE_EXAMPLE}\r\n`,
)}`;

/** Hands out many blocks from a CSV file; all or nothing, problems listed by row and column. */
export function CsvImport({ companyId }: { companyId: string }) {
  const { t } = useTranslation();
  const upload = useImportBlocks(companyId);
  const fileRef = useRef<HTMLInputElement>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const problems = importProblems(upload.error).filter((entry) => entry.row !== null);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const file = fileRef.current?.files?.[0];
    if (file === undefined) {
      setFileError(t('numbers.csv.fileRequired'));
      fileRef.current?.focus();
      return;
    }
    setFileError(null);
    upload.mutate(await file.text());
  };

  const columnName = (field: string) =>
    isColumnKey(field) ? t(`numbers.csv.columns.${field}`) : field;

  return (
    <form noValidate onSubmit={(event) => void onSubmit(event)} aria-labelledby="csv-heading">
      <Stack gap="md" maw={720}>
        <Title order={2} size="h3" id="csv-heading">
          {t('numbers.csv.title')}
        </Title>
        <Text size="sm">{t('numbers.csv.intro')}</Text>
        <Anchor
          href={TEMPLATE_HREF}
          download={t('numbers.csv.templateFile')}
          style={{ alignSelf: 'flex-start' }}
        >
          {t('numbers.csv.template')}
        </Anchor>
        <FileField
          label={t('numbers.csv.file')}
          description={t('numbers.csv.fileHint')}
          error={fileError}
          accept=".csv,text/csv"
          inputRef={fileRef}
          onChange={() => {
            setFileError(null);
            upload.reset();
          }}
        />
        <Button type="submit" loading={upload.isPending} style={{ alignSelf: 'flex-start' }}>
          {t('numbers.csv.submit')}
        </Button>
        {upload.data !== undefined && (
          <Alert color="teal" variant="light" role="status">
            {t('numbers.csv.done', { count: upload.data.created })}
          </Alert>
        )}
        {upload.error !== null && (
          <Alert color="red" variant="light" role="alert">
            {upload.error.message}
          </Alert>
        )}
        {problems.length > 0 && (
          <Table.ScrollContainer minWidth={520}>
            <Table verticalSpacing="xs" striped>
              <Table.Caption>{t('numbers.csv.problems')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('numbers.csv.row')}</Table.Th>
                  <Table.Th scope="col">{t('numbers.csv.column')}</Table.Th>
                  <Table.Th scope="col">{t('numbers.csv.message')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {problems.map((problem) => (
                  <Table.Tr key={`${problem.row}-${problem.field}-${problem.message}`}>
                    <Table.Td>{problem.row}</Table.Td>
                    <Table.Td>{columnName(problem.field)}</Table.Td>
                    <Table.Td>{problem.message}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
    </form>
  );
}
