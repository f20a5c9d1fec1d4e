import { Suspense, lazy } from 'react';
import { Divider, Stack } from '@mantine/core';
import { QueryState } from '../../components/query-state.tsx';
import { CsvImport } from './csv-import.tsx';
import { NumberExplorer } from './number-explorer.tsx';
import { RemoveBlockAction } from './remove-block-action.tsx';

// The form checks numbers with libphonenumber's metadata; it loads only when the tab is opened.
const BlockForm = lazy(async () => ({ default: (await import('./block-form.tsx')).BlockForm }));

/** Operator console, tab "Rufnummern": the company's numbers, handing out and taking back. */
export function OperatorNumbersTab({ companyId }: { companyId: string }) {
  return (
    <Stack gap="xl">
      <NumberExplorer
        companyId={companyId}
        blockActions={(block) => <RemoveBlockAction companyId={companyId} block={block} />}
      />
      <Divider />
      <Suspense fallback={<QueryState isPending error={null} />}>
        <BlockForm companyId={companyId} />
      </Suspense>
      <Divider />
      <CsvImport companyId={companyId} />
    </Stack>
  );
}
