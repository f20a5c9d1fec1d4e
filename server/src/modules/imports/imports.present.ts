// Imports as the API shows them: messages and fix hints in the caller's language.
import type { Language } from '../../../../common/src/i18n/index.ts';
import { hasTranslation, translate } from '../../platform/i18n.ts';
import { COLUMNS, columnHeader, columnHint } from './columns.ts';
import { cellRef } from './files.service.ts';
import { commitRefusal } from './import-commit.service.ts';
import type { ImportProblem, ImportState, StoredRow } from './imports.store.ts';
import type { ImportOutput, RowOutput } from './imports.schema.ts';
import type { RowIssue } from './rows.ts';

/** Column keys in a problem's params become the headers in the caller's language. */
function message(problem: ImportProblem, lang: Language): string {
  const params = { ...problem.params };
  if (problem.rule === 'import.missing_columns') {
    params.columns = String(params.columns ?? '')
      .split(', ')
      .map((key) => columnHeader(lang, key))
      .join(', ');
  }
  if (problem.rule === 'import.duplicate_column') {
    params.column = columnHeader(lang, String(params.column ?? ''));
  }
  return translate(lang, problem.rule, params);
}

/** A fix hint: the rule's own (import.hints.<rule>) or what the column expects. */
function hintOf(issue: RowIssue, lang: Language): string {
  const own = `import.hints.${issue.rule.split('.').pop() ?? ''}`;
  if (hasTranslation(own)) {
    return translate(lang, own);
  }
  return issue.column ? columnHint(lang, issue.column) : '';
}

export function presentRow(state: ImportState, row: StoredRow, lang: Language): RowOutput {
  return {
    row: row.r,
    status: row.status,
    name: row.name,
    username: row.username,
    mainNumber: row.mainNumber,
    issues: row.issues.map((issue) => ({
      column: issue.column,
      columnHeader: issue.column ? columnHeader(lang, issue.column) : null,
      cell: cellRef(state, issue.column, row.r),
      rule: issue.rule,
      severity: issue.severity,
      message: translate(lang, issue.rule, issue.params ?? {}),
      hint: hintOf(issue, lang),
    })),
  };
}

export function presentImport(state: ImportState, lang: Language): ImportOutput {
  const refusalAll = state.status === 'validated' ? commitRefusal(state, 'all') : null;
  const refusalValid = state.status === 'validated' ? commitRefusal(state, 'valid_only') : null;
  return {
    id: state.id,
    fileName: state.fileName,
    format: state.format,
    size: state.size,
    status: state.status,
    progress: state.progress,
    problem: state.problem
      ? { rule: state.problem.rule, message: message(state.problem, lang) }
      : null,
    notes: state.notes.map((n) => message(n, lang)),
    summary: state.summary,
    columns: COLUMNS.filter((c) => state.columns[c.key] !== undefined).map((c) => ({
      key: c.key,
      header: columnHeader(lang, c.key),
      mandatory: c.mandatory,
    })),
    canImportAll: state.status === 'validated' && refusalAll === null,
    canImportValid: state.status === 'validated' && refusalValid === null,
    mode: state.mode,
    commitError: state.commitError
      ? { rule: state.commitError.rule, message: message(state.commitError, lang) }
      : null,
    result: state.result,
    createdAt: state.createdAt,
    updatedAt: state.updatedAt,
  };
}
