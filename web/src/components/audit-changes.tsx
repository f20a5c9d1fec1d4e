import { Code, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../api/audit-log.ts';

function show(value: unknown): string {
  if (value === undefined) {
    return '–';
  }
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > 80 ? `${text.slice(0, 79)}…` : text;
}

// JSON values (e.g. the rules of a blocking profile) have no spaces to break at; without this
// they widen the table until it scrolls, and a scrolling table is not keyboard accessible.
const wrap = { overflowWrap: 'anywhere' } as const;

/** Before/after of one entry, one line per changed field: "parallelCalls: 10 → 12". */
export function AuditChanges({ changes }: { changes: AuditEntry['changes'] }) {
  const { t } = useTranslation();
  const before = changes.before ?? {};
  const after = changes.after ?? {};
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter(
    (key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]),
  );
  if (keys.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('audit.noChanges')}
      </Text>
    );
  }
  return (
    <ul style={{ margin: 0, paddingInlineStart: '1rem' }}>
      {keys.map((key) => (
        <li key={key}>
          <Text size="sm" component="span" fw={500}>
            {key}:
          </Text>{' '}
          {changes.before !== undefined && changes.before !== null && (
            <>
              <Code style={wrap}>{show(before[key])}</Code> →{' '}
            </>
          )}
          <Code style={wrap}>{show(after[key])}</Code>
        </li>
      ))}
    </ul>
  );
}
