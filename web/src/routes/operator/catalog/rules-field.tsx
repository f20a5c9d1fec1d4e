import { List, Stack, Text, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DependencyRule } from '../../../api/catalog.ts';
import { describeRule } from './rule-text.ts';

interface RulesFieldProps {
  /** The saved rules, shown in words. */
  saved: DependencyRule[];
  nameOf: (key: string) => string;
  value: string;
  onChange: (value: string) => void;
  /** The client's message for the whole field (JSON syntax). */
  error: string | undefined;
  /** The server's messages per rule ("requires.0.product"). */
  serverErrors: { field: string; message: string }[];
}

function ruleNumber(field: string): number | null {
  const match = /^requires\.(\d+)/.exec(field);
  return match ? Number(match[1]) + 1 : null;
}

/** Dependency rules: readable as saved, editable as JSON with the server's feedback per rule. */
export function RulesField({
  saved,
  nameOf,
  value,
  onChange,
  error,
  serverErrors,
}: RulesFieldProps) {
  const { t } = useTranslation();
  const messages = serverErrors.map(({ field, message }) => {
    const n = ruleNumber(field);
    return n === null ? message : t('catalog.rules.problemOfRule', { n, message });
  });
  const combined = [error, ...messages].filter(Boolean).join(' ');

  return (
    <Stack gap="xs">
      <Text fw={500} size="sm" id="catalog-rules-heading">
        {t('catalog.rules.title')}
      </Text>
      {saved.length === 0 ? (
        <Text size="sm">{t('catalog.rules.none')}</Text>
      ) : (
        <List size="sm" aria-labelledby="catalog-rules-heading">
          {saved.map((rule, index) => (
            <List.Item key={index}>{describeRule(rule, nameOf, t)}</List.Item>
          ))}
        </List>
      )}
      <Textarea
        label={t('catalog.rules.json')}
        description={t('catalog.rules.jsonHint')}
        autosize
        minRows={3}
        maxRows={14}
        spellCheck={false}
        styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
        value={value}
        error={combined === '' ? undefined : combined}
        onChange={(event) => onChange(event.currentTarget.value)}
      />
    </Stack>
  );
}
