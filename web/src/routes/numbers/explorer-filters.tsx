import { type FormEvent, useRef, useState } from 'react';
import { Button, Checkbox, Group, NativeSelect, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { parseNumberSearch } from '../../../../common/src/numbers/search.ts';
import { AVAILABILITIES, type Availability, type LengthChoice } from '../../api/numbers.ts';

interface ExplorerFiltersProps {
  availability: readonly Availability[];
  onAvailability: (availability: Availability[]) => void;
  expert: boolean;
  length: LengthChoice;
  onLength: (length: LengthChoice) => void;
  /** The concrete lengths the blocks offer ("13-stellig" …). */
  lengths: readonly number[];
  onSearch: (query: string) => void;
}

function parseLength(value: string): LengthChoice {
  return value === 'standard' || value === 'any' ? value : Number(value);
}

/** Verfügbarkeit, Rufnummernlänge (expert view) and the number search of seed 001. */
export function ExplorerFilters(props: ExplorerFiltersProps) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const query = text.trim();
    if (parseNumberSearch(query) === null) {
      setError(query === '' ? t('numbers.search.required') : t('numbers.search.invalid'));
      inputRef.current?.focus();
      return;
    }
    setError(null);
    props.onSearch(query);
  };

  const lengthOptions = [
    { value: 'standard', label: t('numbers.length.standard') },
    { value: 'any', label: t('numbers.length.any') },
    ...props.lengths.map((length) => ({
      value: String(length),
      label: t('numbers.digits', { count: length }),
    })),
  ];

  return (
    <Group align="flex-start" gap="lg" wrap="wrap">
      <Checkbox.Group
        label={t('numbers.availability.label')}
        value={[...props.availability]}
        onChange={(values) =>
          props.onAvailability(AVAILABILITIES.filter((entry) => values.includes(entry)))
        }
      >
        <Group gap="md" mt={6}>
          {AVAILABILITIES.map((entry) => (
            <Checkbox key={entry} value={entry} label={t(`numbers.availability.filter.${entry}`)} />
          ))}
        </Group>
      </Checkbox.Group>
      {props.expert && (
        <NativeSelect
          label={t('numbers.length.label')}
          value={String(props.length)}
          onChange={(event) => props.onLength(parseLength(event.currentTarget.value))}
          data={lengthOptions}
          miw={200}
        />
      )}
      <form noValidate onSubmit={onSubmit} role="search" aria-label={t('numbers.search.label')}>
        <Group align="flex-start" gap="xs">
          <TextInput
            ref={inputRef}
            type="search"
            label={t('numbers.search.label')}
            description={t('numbers.search.hint')}
            value={text}
            error={error}
            autoComplete="off"
            maxLength={40}
            onChange={(event) => {
              setText(event.currentTarget.value);
              setError(null);
            }}
            miw={240}
          />
          <Button type="submit" variant="default" mt={46}>
            {t('numbers.search.submit')}
          </Button>
        </Group>
      </form>
    </Group>
  );
}
