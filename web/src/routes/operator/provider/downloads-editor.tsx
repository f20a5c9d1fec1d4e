import { useEffect, useRef } from 'react';
import { Button, Fieldset, Group, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DOWNLOAD_LIMITS } from '../../../../../common/src/downloads.ts';
import type { ProviderDownload } from '../../../api/provider.ts';

/** A link being edited; `key` keeps React's identity stable while links move. */
export interface DownloadDraft extends ProviderDownload {
  key: number;
}

let nextKey = 0;
export const toDrafts = (links: ProviderDownload[]): DownloadDraft[] =>
  links.map((link) => ({ ...link, key: ++nextKey }));

export const fromDrafts = (drafts: DownloadDraft[]): ProviderDownload[] =>
  drafts.map(({ title, url, description }) => ({
    title: title.trim(),
    url: url.trim(),
    description: description.trim(),
  }));

type Field = 'title' | 'url' | 'description';

/**
 * The links of MyPortal's "Hilfe & Downloads" (seed 003): add, remove, move up and down. Errors
 * come from the server keyed like "downloads.2.url"; `onStructureChange` lets the form drop them
 * when positions change, so no message ends up next to the wrong link.
 */
export function DownloadsEditor({
  value,
  onChange,
  errors,
  onStructureChange,
}: {
  value: DownloadDraft[];
  onChange: (next: DownloadDraft[]) => void;
  errors: Record<string, string>;
  onStructureChange: () => void;
}) {
  const { t } = useTranslation();
  const titleInputs = useRef(new Map<number, HTMLInputElement>());
  const addButton = useRef<HTMLButtonElement>(null);
  // After a change of the list, focus goes to the title of this link (null: the add button),
  // so it never falls back to the page when the clicked button disappears or moves.
  const pendingFocus = useRef<number | null | undefined>(undefined);
  const full = value.length >= DOWNLOAD_LIMITS.items;

  useEffect(() => {
    const key = pendingFocus.current;
    if (key !== undefined) {
      pendingFocus.current = undefined;
      (key === null ? addButton.current : titleInputs.current.get(key))?.focus();
    }
  });

  const restructure = (next: DownloadDraft[], focus: number | null) => {
    onStructureChange();
    pendingFocus.current = focus;
    onChange(next);
  };
  const add = () => {
    const [draft] = toDrafts([{ title: '', url: '', description: '' }]);
    restructure([...value, draft!], draft!.key);
  };
  const remove = (index: number) => {
    const neighbour = value[index + 1] ?? value[index - 1];
    restructure(
      value.filter((_, i) => i !== index),
      neighbour?.key ?? null,
    );
  };
  const move = (index: number, by: -1 | 1) => {
    const next = [...value];
    const [entry] = next.splice(index, 1);
    next.splice(index + by, 0, entry!);
    restructure(next, entry!.key);
  };
  const set = (index: number, field: Field, text: string) =>
    onChange(value.map((draft, i) => (i === index ? { ...draft, [field]: text } : draft)));

  return (
    <Stack gap="sm">
      <Title order={2} size="h4">
        {t('provider.downloads.title')}
      </Title>
      <Text size="sm">{t('provider.downloads.intro')}</Text>
      {errors.downloads !== undefined && (
        <Text size="sm" c="red.8" role="alert">
          {errors.downloads}
        </Text>
      )}
      {value.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('provider.downloads.none')}
        </Text>
      )}
      {value.map((draft, index) => {
        const position = index + 1;
        const error = (field: string) =>
          errors[`downloads.${index}.${field}`] ??
          (field === 'title' ? errors[`downloads.${index}`] : undefined);
        return (
          <Fieldset key={draft.key} legend={t('provider.downloads.entry', { position })}>
            <Stack gap="sm">
              <TextInput
                ref={(element) => {
                  if (element) {
                    titleInputs.current.set(draft.key, element);
                  } else {
                    titleInputs.current.delete(draft.key);
                  }
                }}
                label={t('provider.downloads.fields.title')}
                required
                value={draft.title}
                error={error('title')}
                onChange={(e) => set(index, 'title', e.currentTarget.value)}
              />
              <TextInput
                type="url"
                label={t('provider.downloads.fields.url')}
                description={t('provider.downloads.hints.url')}
                required
                value={draft.url}
                error={error('url')}
                onChange={(e) => set(index, 'url', e.currentTarget.value)}
              />
              <Textarea
                label={t('provider.downloads.fields.description')}
                description={t('provider.downloads.hints.description')}
                autosize
                minRows={1}
                value={draft.description}
                error={error('description')}
                onChange={(e) => set(index, 'description', e.currentTarget.value)}
              />
              <Group gap="xs">
                <Button
                  variant="default"
                  size="xs"
                  disabled={index === 0}
                  aria-label={t('provider.downloads.moveUpLabel', { position })}
                  onClick={() => move(index, -1)}
                >
                  {t('provider.downloads.moveUp')}
                </Button>
                <Button
                  variant="default"
                  size="xs"
                  disabled={index === value.length - 1}
                  aria-label={t('provider.downloads.moveDownLabel', { position })}
                  onClick={() => move(index, 1)}
                >
                  {t('provider.downloads.moveDown')}
                </Button>
                <Button
                  variant="default"
                  size="xs"
                  aria-label={t('provider.downloads.removeLabel', { position })}
                  onClick={() => remove(index)}
                >
                  {t('provider.downloads.remove')}
                </Button>
              </Group>
            </Stack>
          </Fieldset>
        );
      })}
      <Group gap="sm">
        <Button ref={addButton} variant="default" onClick={add} disabled={full}>
          {t('provider.downloads.add')}
        </Button>
        <Text size="sm" aria-live="polite">
          {t('provider.downloads.count', { count: value.length, max: DOWNLOAD_LIMITS.items })}
        </Text>
      </Group>
    </Stack>
  );
}
