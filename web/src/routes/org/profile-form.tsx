import { type FormEvent, useState } from 'react';
import { Alert, Button, Group, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DIRECTIONS } from '../../../../common/src/rules/barring.ts';
import { ApiError } from '../../api/client.ts';
import { type BlockingProfile, useCreateProfile, useEditProfile } from '../../api/org.ts';
import { DialogFrame } from '../../components/dialog-frame.tsx';
import { focusFirstInvalid } from '../../forms/focus-first-invalid.ts';
import { DirectionRules } from './direction-rules.tsx';
import {
  type ProfileDraft,
  type RuleOrigin,
  customRowProblem,
  draftOf,
  inputOfDraft,
  ruleIndexOfField,
} from './rule-draft.ts';

interface ProfileFormProps {
  companyId: string;
  /** The profile to edit; without it a new one is created. */
  profile?: BlockingProfile;
  onClose: () => void;
  /** Called with the confirmation text after saving. */
  onDone: (message: string) => void;
}

/** Server answers about one field: "name", or "rules.N" put next to the custom row it came from. */
function serverErrors(error: unknown, origins: RuleOrigin[]) {
  const fields: Record<string, string> = {};
  let unplaced = false;
  if (error instanceof ApiError) {
    for (const { field, message } of error.fieldErrors) {
      const index = ruleIndexOfField(field);
      const origin = index === null ? undefined : origins[index];
      if (field === 'name' || field === 'description') {
        fields[field] ??= message;
      } else if (origin?.kind === 'custom') {
        fields[origin.key] ??= message;
      } else {
        unplaced = true;
      }
    }
  }
  const form =
    error instanceof ApiError && (unplaced || error.fieldErrors.length === 0)
      ? error.message
      : null;
  return { fields, form };
}

/** "Sperrprofil erstellen / bearbeiten": name, description and rules per direction. */
export function ProfileForm({ companyId, profile, onClose, onDone }: ProfileFormProps) {
  const { t } = useTranslation();
  const { t: tErrors } = useTranslation('errors');
  const create = useCreateProfile(companyId);
  const edit = useEditProfile(companyId);
  const mutation = profile === undefined ? create : edit;
  const [draft, setDraft] = useState<ProfileDraft>(() => draftOf(profile));
  const [submitted, setSubmitted] = useState(false);
  const { input, origins } = inputOfDraft(draft);
  const fromServer = serverErrors(mutation.error, origins);

  const rowErrors: Record<string, string> = {};
  for (const direction of DIRECTIONS) {
    for (const row of draft.directions[direction].custom) {
      const problem = customRowProblem(direction, row);
      const server = fromServer.fields[row.key];
      if (row.prefix.trim() === '') {
        if (submitted) {
          rowErrors[row.key] = t('org.profileForm.prefixRequired');
        }
      } else if (problem !== null) {
        rowErrors[row.key] = tErrors(`barring_${problem}`);
      } else if (server !== undefined) {
        rowErrors[row.key] = server;
      }
    }
  }
  const nameError = submitted && input.name === '' ? t('form.required') : fromServer.fields.name;
  const invalid = input.name === '' || Object.keys(rowErrors).length > 0;

  const change = (next: ProfileDraft) => {
    setDraft(next);
    mutation.reset();
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSubmitted(true);
    const form = event.currentTarget;
    const hasEmptyRow = DIRECTIONS.some((d) =>
      draft.directions[d].custom.some((row) => row.prefix.trim() === ''),
    );
    if (invalid || hasEmptyRow) {
      focusFirstInvalid(form);
      return;
    }
    const options = {
      onSuccess: (saved: BlockingProfile) =>
        onDone(
          t(profile === undefined ? 'org.profiles.created' : 'org.profiles.saved', {
            name: saved.name,
          }),
        ),
      onError: () => focusFirstInvalid(form),
    };
    if (profile === undefined) {
      create.mutate(input, options);
    } else {
      edit.mutate({ id: profile.id, input }, options);
    }
  };

  const title =
    profile === undefined
      ? t('org.profileForm.createTitle')
      : t('org.profileForm.editTitle', { name: profile.name });

  return (
    <DialogFrame opened drawer onClose={onClose} title={title}>
      <form noValidate onSubmit={onSubmit} aria-label={title}>
        <Stack gap="md">
          <TextInput
            label={t('org.profileForm.name')}
            description={t('org.profileForm.nameHint')}
            required
            maxLength={100}
            autoComplete="off"
            value={draft.name}
            error={nameError}
            onChange={(event) => change({ ...draft, name: event.currentTarget.value })}
            data-autofocus
          />
          <Textarea
            label={t('org.profileForm.description')}
            description={t('org.profileForm.descriptionHint')}
            maxLength={500}
            autosize
            minRows={2}
            value={draft.description}
            error={fromServer.fields.description}
            onChange={(event) => change({ ...draft, description: event.currentTarget.value })}
          />
          {DIRECTIONS.map((direction) => (
            <DirectionRules
              key={direction}
              direction={direction}
              draft={draft.directions[direction]}
              rowErrors={rowErrors}
              onChange={(next) =>
                change({ ...draft, directions: { ...draft.directions, [direction]: next } })
              }
            />
          ))}
          {draft.extra.length > 0 && (
            <Text size="sm">{t('org.profileForm.extra', { count: draft.extra.length })}</Text>
          )}
          {fromServer.form !== null && (
            <Alert color="red" variant="light" role="alert">
              {fromServer.form}
            </Alert>
          )}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={mutation.isPending}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </DialogFrame>
  );
}
