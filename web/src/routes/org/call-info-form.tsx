import { type FormEvent, useState } from 'react';
import { Alert, Button, Group, Radio, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CallInfoValue } from '../../api/org.ts';
import { DialogFrame } from '../../components/dialog-frame.tsx';
import { serverFieldErrors } from '../../forms/field-errors.ts';
import { focusFirstInvalid } from '../../forms/focus-first-invalid.ts';

interface CallInfoActionProps {
  /** Whose call information: the company, a group or an area (for titles and labels). */
  name: string;
  /** The level's own value; null when it inherits. */
  own: CallInfoValue | null;
  /** The value the form starts with when the level has none of its own. */
  fallback: CallInfoValue;
  /** The company has nothing to inherit from: "Zurücksetzen" instead of "Erben". */
  topLevel?: boolean;
  /** Saves the value (null: inherit / reset); rejects with the server's error. */
  save: (value: CallInfoValue | null) => Promise<unknown>;
}

/** "Anrufinformationen ändern": which number outgoing calls show, the display name, or inherit. */
export function CallInfoAction(props: CallInfoActionProps) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  return (
    <>
      <Button
        variant="default"
        size="compact-sm"
        onClick={() => setOpened(true)}
        aria-label={t('org.callInfo.editNamed', { name: props.name })}
      >
        {t('org.callInfo.edit')}
      </Button>
      {opened && <CallInfoDialog {...props} onClose={() => setOpened(false)} />}
    </>
  );
}

function CallInfoDialog(props: CallInfoActionProps & { onClose: () => void }) {
  const { t } = useTranslation();
  const start = props.own ?? props.fallback;
  const [mode, setMode] = useState(start.numberMode);
  const [number, setNumber] = useState(start.number ?? '');
  const [displayName, setDisplayName] = useState(start.displayName ?? '');
  const [submitted, setSubmitted] = useState(false);
  const [pending, setPending] = useState<'save' | 'clear' | null>(null);
  const [error, setError] = useState<unknown>(null);
  const numberMissing = mode === 'number' && number.trim() === '';
  const fromServer = serverFieldErrors(error);
  const numberError =
    submitted && numberMissing
      ? t('org.callInfo.numberRequired')
      : (fromServer['callInfo.number'] ?? fromServer.number);

  const run = async (kind: 'save' | 'clear', value: CallInfoValue | null) => {
    setPending(kind);
    setError(null);
    try {
      await props.save(value);
      props.onClose();
    } catch (cause) {
      setError(cause);
      setPending(null);
    }
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSubmitted(true);
    if (numberMissing) {
      focusFirstInvalid(event.currentTarget);
      return;
    }
    void run('save', {
      numberMode: mode,
      number: mode === 'number' ? number.trim() : null,
      displayName: displayName.trim() === '' ? null : displayName.trim(),
    });
  };

  const title = t('org.callInfo.dialogTitle', { name: props.name });
  const message = error instanceof Error && numberError === undefined ? error.message : null;
  return (
    <DialogFrame opened onClose={props.onClose} title={title}>
      <form noValidate onSubmit={onSubmit} aria-label={title}>
        <Stack gap="sm">
          <Radio.Group
            label={t('org.callInfo.mode')}
            value={mode}
            onChange={(value) => setMode(value === 'number' ? 'number' : 'workplace')}
          >
            <Stack gap="xs" mt={6}>
              <Radio value="workplace" label={t('org.callInfo.workplace')} />
              <Radio value="number" label={t('org.callInfo.number')} />
            </Stack>
          </Radio.Group>
          {mode === 'number' && (
            <TextInput
              label={t('org.callInfo.numberField')}
              description={t('org.callInfo.numberHint')}
              required
              inputMode="tel"
              autoComplete="off"
              maxLength={40}
              value={number}
              error={numberError}
              onChange={(event) => setNumber(event.currentTarget.value)}
            />
          )}
          <TextInput
            label={t('org.callInfo.displayName')}
            description={t('org.callInfo.displayNameHint')}
            maxLength={60}
            autoComplete="off"
            value={displayName}
            onChange={(event) => setDisplayName(event.currentTarget.value)}
          />
          {props.own !== null && (
            <Text size="sm">
              {props.topLevel === true
                ? t('org.callInfo.resetHint')
                : t('org.callInfo.inheritHint')}
            </Text>
          )}
          {message !== null && (
            <Alert color="red" variant="light" role="alert">
              {message}
            </Alert>
          )}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={props.onClose}>
              {t('common.cancel')}
            </Button>
            {props.own !== null && (
              <Button
                variant="default"
                loading={pending === 'clear'}
                onClick={() => void run('clear', null)}
              >
                {props.topLevel === true ? t('org.callInfo.reset') : t('org.callInfo.inherit')}
              </Button>
            )}
            <Button type="submit" loading={pending === 'save'}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </DialogFrame>
  );
}
