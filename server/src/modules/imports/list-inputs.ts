// The uploaded list as the wizard's data: the file read (upload-reader), its header found and
// every row turned into a Draft.data with the company's names resolved (rows.ts). The check does
// this once; an import on another app node (or after a restart) does it again from the stored
// file instead of keeping every row's data in the database.
import type { Executor } from '../../db/client.ts';
import type { ImportProblem, ImportState } from './imports.store.ts';
import { loadLookups } from './lookups.ts';
import { mapHeader, rowInput, type HeaderMap, type RowInput } from './rows.ts';
import { readUpload, type FileFormat } from './upload-reader.ts';
import type { SheetRow } from './xlsx-reader.ts';

export interface ReadList {
  format: FileFormat;
  header: HeaderMap;
  date1904: boolean;
  /** The rows below the header. */
  body: SheetRow[];
}

/** The file's rows under its header, or why the list cannot be read (UploadError for the file). */
export function readList(bytes: Uint8Array, maxRows: number): ReadList | ImportProblem {
  const content = readUpload(bytes, { maxRows });
  const header = mapHeader(content.rows);
  if ('rule' in header) {
    return {
      rule: header.rule,
      params:
        header.rule === 'import.missing_columns'
          ? { columns: header.columns.join(', ') }
          : header.rule === 'import.duplicate_column'
            ? { column: header.column, cells: header.cells.join(', ') }
            : {},
    };
  }
  return {
    format: content.format,
    header,
    date1904: content.date1904,
    body: content.rows.filter((r) => r.r > header.headerRow),
  };
}

/** Every row of the list as the wizard's data; `progress` hears every 500 rows. */
export async function listInputs(
  tx: Executor,
  state: Pick<ImportState, 'companyId' | 'lang'>,
  list: ReadList,
  progress: (done: number) => Promise<void> = () => Promise.resolve(),
): Promise<RowInput[]> {
  const lookups = await loadLookups(tx, state.companyId, state.lang);
  const inputs: RowInput[] = [];
  for (const [i, row] of list.body.entries()) {
    inputs.push(rowInput(row, list.header, lookups, list.date1904));
    if (i % 500 === 499) {
      await progress(i + 1);
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
  return inputs;
}
