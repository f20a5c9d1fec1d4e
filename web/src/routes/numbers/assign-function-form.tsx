import { type FormEvent, useRef, useState } from 'react';
import { Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { type PhoneNumber, useAssignNumber } from '../../api/numbers.ts';

interface AssignFunctionFormProps {
  companyId: string;
  number: PhoneNumber;
  /** Called with the confirmation text once the number is assigned. */
  onDone: (message: string) => void;
}

/** Gives the chosen free number to a company function such as "Zentrale" or "Empfang". */
export function AssignFunctionForm({ companyId, number, onDone }: AssignFunctionFormProps) {
  const { t } = useTranslation();
  const assign = useAssignNumber(companyId);
  const [label, setLabel] = useState('');
  const [error, setError] = useState<string | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const trimmed = label.trim();
    if (trimmed === '') {
      setError(t('form.required'));
      inputRef.current?.focus();
      return;
    }
    setError(null);
    assign.mutate(
      {
        number: number.e164,
        targetType: 'company_function',
        targetId: crypto.randomUUID(),
        targetLabel: trimmed,
      },
      {
        onSuccess: () => {
          setLabel('');
          onDone(t('numbers.assign.done', { number: number.display, label: trimmed }));
        },
      },
    );
  };

  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Title order={2} size="h4" id="assign-function-heading">
          {t('numbers.assign.title', { number: number.display })}
        </Title>
        <Text size="sm">{t('numbers.assign.intro')}</Text>
        <form noValidate onSubmit={onSubmit} aria-labelledby="assign-function-heading">
          <Group align="flex-start" gap="sm">
            <TextInput
              ref={inputRef}
              label={t('numbers.assign.label')}
              description={t('numbers.assign.labelHint')}
              required
              maxLength={200}
              autoComplete="off"
              value={label}
              error={error ?? assign.error?.message}
              onChange={(event) => setLabel(event.currentTarget.value)}
              miw={260}
            />
            <Button type="submit" loading={assign.isPending} mt={46}>
              {t('numbers.assign.submit')}
            </Button>
          </Group>
        </form>
      </Stack>
    </Paper>
  );
}
