import { type FormEvent, type ReactNode, useRef, useState } from 'react';
import { Button, Stack, TextInput } from '@mantine/core';
import type { ApiError } from '../../api/client.ts';

interface CodeFormProps {
  label: string;
  description?: ReactNode;
  requiredMessage: string;
  submitLabel: string;
  name: string;
  pending: boolean;
  /** The server's answer to the last attempt (wrong, expired, used, revoked code …). */
  error: ApiError | null;
  onSubmit: (code: string) => void;
}

/** One code field with its submit button; the server's message shows next to the field. */
export function CodeForm(props: CodeFormProps) {
  const { label, description, requiredMessage, submitLabel, name, pending, error } = props;
  const [code, setCode] = useState('');
  const [localError, setLocalError] = useState<string | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const trimmed = code.trim();
    if (trimmed === '') {
      setLocalError(requiredMessage);
      inputRef.current?.focus();
      return;
    }
    setLocalError(null);
    props.onSubmit(trimmed);
  };

  return (
    <form noValidate onSubmit={onSubmit}>
      <Stack gap="md" maw={420}>
        <TextInput
          ref={inputRef}
          label={label}
          description={description}
          name={name}
          autoComplete="one-time-code"
          spellCheck={false}
          required
          value={code}
          error={localError ?? error?.message}
          onChange={(event) => setCode(event.currentTarget.value)}
        />
        <Button type="submit" loading={pending} style={{ alignSelf: 'flex-start' }}>
          {submitLabel}
        </Button>
      </Stack>
    </form>
  );
}
