import { type FormEvent, useEffect, useRef, useState } from 'react';
import { Alert, Anchor, Button, Group, Progress, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { cartQueryKey } from '../../api/cart.ts';
import {
  type ListImport,
  exportUrl,
  isRunning,
  templateUrl,
  useImport,
  useImports,
  useUploadList,
} from '../../api/imports.ts';
import { useSelectedCompany } from '../../api/selected-company.ts';
import { CompanyPicker } from '../../components/company-picker.tsx';
import { FileField } from '../../components/file-field.tsx';
import { QueryState } from '../../components/query-state.tsx';
import { usePageTitle } from '../../page-title.ts';
import { MY_WORKPLACES_PATH } from '../paths.ts';
import { ImportPreview } from './import-preview.tsx';
import { ImportResult } from './import-result.tsx';

/** "Arbeitsplatz-Listenimport" (seed 001 "3. Einrichtung durch Listenimport"). */
export function ImportPage() {
  const { t } = useTranslation();
  const { company } = useSelectedCompany();
  usePageTitle(t('import.title'));
  return (
    <Stack gap="lg" maw={1200}>
      <Title order={1}>{t('import.title')}</Title>
      <CompanyPicker />
      {company === null ? (
        <Text>{t('company.noCompany')}</Text>
      ) : (
        <ImportPanel key={company.id} companyId={company.id} />
      )}
    </Stack>
  );
}

function ImportPanel({ companyId }: { companyId: string }) {
  const { t } = useTranslation();
  const imports = useImports(companyId);
  const [chosen, setChosen] = useState<string | null>(null);
  // Coming back to the page: the newest import that is not finished yet.
  const resumable = imports.data?.items.find(
    (i) => i.status !== 'imported' && i.status !== 'failed',
  );
  const currentId = chosen ?? resumable?.id ?? null;
  const current = useImport(companyId, currentId);

  return (
    <Stack gap="xl">
      <Text maw={760}>{t('import.intro')}</Text>
      <Downloads companyId={companyId} />
      <UploadForm companyId={companyId} onUploaded={(state) => setChosen(state.id)} />
      <QueryState isPending={imports.isPending} error={imports.error} />
      {current.data !== undefined && <CurrentImport companyId={companyId} state={current.data} />}
    </Stack>
  );
}

function Downloads({ companyId }: { companyId: string }) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs" component="section" aria-labelledby="import-template">
      <Title order={2} size="h3" id="import-template">
        {t('import.templateTitle')}
      </Title>
      <Text size="sm" maw={760}>
        {t('import.templateIntro')}
      </Text>
      <Group gap="lg">
        <Anchor href={templateUrl(companyId, 'xlsx')} download>
          {t('import.templateXlsx')}
        </Anchor>
        <Anchor href={templateUrl(companyId, 'csv')} download>
          {t('import.templateCsv')}
        </Anchor>
        <Anchor href={exportUrl(companyId, 'xlsx')} download>
          {t('import.exportXlsx')}
        </Anchor>
        <Anchor href={exportUrl(companyId, 'csv')} download>
          {t('import.exportCsv')}
        </Anchor>
        <Anchor component={Link} to={MY_WORKPLACES_PATH}>
          {t('import.toWorkplaces')}
        </Anchor>
      </Group>
    </Stack>
  );
}

function UploadForm({
  companyId,
  onUploaded,
}: {
  companyId: string;
  onUploaded: (state: ListImport) => void;
}) {
  const { t } = useTranslation();
  const upload = useUploadList(companyId);
  const fileRef = useRef<HTMLInputElement>(null);
  const [fileError, setFileError] = useState<string | null>(null);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const file = fileRef.current?.files?.[0];
    if (file === undefined) {
      setFileError(t('import.fileRequired'));
      fileRef.current?.focus();
      return;
    }
    setFileError(null);
    upload.mutate(file, { onSuccess: onUploaded });
  };

  return (
    <form noValidate onSubmit={onSubmit} aria-labelledby="import-upload">
      <Stack gap="sm" maw={760}>
        <Title order={2} size="h3" id="import-upload">
          {t('import.uploadTitle')}
        </Title>
        <FileField
          label={t('import.file')}
          description={t('import.fileHint')}
          error={fileError}
          accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          inputRef={fileRef}
          onChange={() => {
            setFileError(null);
            upload.reset();
          }}
        />
        <Button type="submit" loading={upload.isPending} style={{ alignSelf: 'flex-start' }}>
          {t('import.upload')}
        </Button>
        {upload.error !== null && (
          <Alert color="red" variant="light" role="alert">
            {upload.error.message}
          </Alert>
        )}
      </Stack>
    </form>
  );
}

function CurrentImport({ companyId, state }: { companyId: string; state: ListImport }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const running = isRunning(state.status);
  // A job that put rows into the cart: the header's cart badge shows them.
  useEffect(() => {
    if (state.status === 'imported') {
      void queryClient.invalidateQueries({ queryKey: cartQueryKey });
    }
  }, [state.status, queryClient]);

  return (
    <Stack gap="md" component="section" aria-labelledby="import-current">
      <Title order={2} size="h3" id="import-current">
        {t('import.currentTitle', { file: state.fileName })}
      </Title>
      {running && (
        <Stack gap={4} role="status">
          <Text size="sm">
            {t(state.status === 'importing' ? 'import.importing' : 'import.checking', {
              done: state.progress.done,
              total: state.progress.total,
            })}
          </Text>
          <Progress
            value={state.progress.total ? (100 * state.progress.done) / state.progress.total : 5}
            aria-label={t('import.progress')}
            animated
          />
          <Text size="sm" c="dimmed">
            {t('import.leaveHint')}
          </Text>
        </Stack>
      )}
      {state.status === 'failed' && state.problem !== null && (
        <Alert color="red" variant="light" role="alert" title={t('import.failedTitle')}>
          {state.problem.message}
        </Alert>
      )}
      {state.notes.map((note) => (
        <Alert key={note} color="yellow" variant="light">
          {note}
        </Alert>
      ))}
      {state.status === 'imported' && state.result !== null && <ImportResult state={state} />}
      {(state.status === 'validated' || state.status === 'imported') && (
        <ImportPreview companyId={companyId} state={state} />
      )}
    </Stack>
  );
}
