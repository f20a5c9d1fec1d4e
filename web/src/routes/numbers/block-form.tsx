import { type FormEvent, useState } from 'react';
import {
  Alert,
  Button,
  Checkbox,
  Group,
  NativeSelect,
  Radio,
  Stack,
  TextInput,
  Title,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { NATIONAL_MAX_DIGITS } from '../../../../common/src/numbers/block.ts';
import { type NewBlockInput, useCreateBlock } from '../../api/numbers.ts';
import { formLevelError, serverFieldErrors } from '../../forms/field-errors.ts';
import { focusFirstInvalid } from '../../forms/focus-first-invalid.ts';
import { type BlockKind, checkBlockInput } from './block-check.ts';

const DIGITS = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'];
const EXTENSION_LENGTHS = ['1', '2', '3', '4', '5', '6'];
const FIELDS = ['kind', 'number', 'extensionLength', 'decades', 'availableFrom', 'source'];

/** "Rufnummernblock / Einzelrufnummer vergeben" (operators): hands numbers to the company. */
export function BlockForm({ companyId }: { companyId: string }) {
  const { t } = useTranslation();
  const { t: tErrors } = useTranslation('errors');
  const create = useCreateBlock(companyId);
  const [kind, setKind] = useState<BlockKind>('block');
  const [number, setNumber] = useState('');
  const [extensionLength, setExtensionLength] = useState('2');
  const [decades, setDecades] = useState<string[]>(DIGITS);
  const [availableFrom, setAvailableFrom] = useState('');
  const [source, setSource] = useState<'new' | 'ported'>('new');
  const [touched, setTouched] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const ext = Number(extensionLength);
  const check = checkBlockInput(kind, number, ext);
  const fromServer = serverFieldErrors(create.error);
  const numberError =
    touched && !check.ok && check.field === 'number'
      ? tErrors(`number_${check.problem}`)
      : fromServer.number;
  const extensionError =
    kind === 'block' && !check.ok && check.field === 'extensionLength'
      ? tErrors('number_too_long_total', { max: NATIONAL_MAX_DIGITS })
      : fromServer.extensionLength;
  const decadesError =
    kind === 'block' && touched && decades.length === 0
      ? t('numbers.form.decadesRequired')
      : fromServer.decades;

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setTouched(true);
    setDone(null);
    if (!check.ok || (kind === 'block' && decades.length === 0)) {
      focusFirstInvalid(event.currentTarget);
      return;
    }
    const input: NewBlockInput = {
      kind,
      number: number.trim(),
      availableFrom: availableFrom === '' ? null : availableFrom,
      source,
    };
    if (kind === 'block') {
      input.extensionLength = ext;
      input.decades = decades.map(Number).sort((a, b) => a - b);
    }
    const form = event.currentTarget;
    create.mutate(input, {
      onSuccess: (block) => {
        setDone(t('numbers.form.done', { block: block.display }));
        setNumber('');
        setTouched(false);
      },
      onError: () => focusFirstInvalid(form),
    });
  };

  const formError = formLevelError(create.error, FIELDS);
  const decadeName = (digit: string) => `${digit}${'x'.repeat(Math.max(0, ext - 1))}`;

  return (
    <form noValidate onSubmit={onSubmit} aria-labelledby="block-form-heading">
      <Stack gap="md" maw={720}>
        <Title order={2} size="h3" id="block-form-heading">
          {t('numbers.form.title')}
        </Title>
        <Radio.Group
          label={t('numbers.form.kind')}
          value={kind}
          onChange={(value) => setKind(value === 'single' ? 'single' : 'block')}
        >
          <Group gap="md" mt={6}>
            <Radio value="block" label={t('numbers.kind.block')} />
            <Radio value="single" label={t('numbers.kind.single')} />
          </Group>
        </Radio.Group>
        <TextInput
          label={kind === 'block' ? t('numbers.form.baseNumber') : t('numbers.form.singleNumber')}
          description={
            check.ok
              ? t('numbers.form.recognised', { preview: check.preview })
              : kind === 'block'
                ? t('numbers.form.baseNumberHint')
                : t('numbers.form.singleNumberHint')
          }
          required
          autoComplete="off"
          maxLength={40}
          value={number}
          error={numberError}
          onChange={(event) => {
            setNumber(event.currentTarget.value);
            create.reset();
          }}
          onBlur={() => setTouched(number.trim() !== '')}
          maw={360}
        />
        {kind === 'block' && (
          <>
            <NativeSelect
              label={t('numbers.form.extensionLength')}
              value={extensionLength}
              error={extensionError}
              onChange={(event) => setExtensionLength(event.currentTarget.value)}
              data={EXTENSION_LENGTHS.map((value) => ({
                value,
                label: t('numbers.form.extensionRange', {
                  count: Number(value),
                  first: '0'.repeat(Number(value)),
                  last: '9'.repeat(Number(value)),
                }),
              }))}
              maw={360}
            />
            <Checkbox.Group
              label={t('numbers.form.decades')}
              description={t('numbers.form.decadesHint')}
              value={decades}
              onChange={setDecades}
              error={decadesError}
            >
              <Group gap="md" mt={6}>
                {DIGITS.map((digit) => (
                  <Checkbox key={digit} value={digit} label={decadeName(digit)} />
                ))}
              </Group>
            </Checkbox.Group>
          </>
        )}
        <TextInput
          type="date"
          label={t('numbers.form.availableFrom')}
          description={t('numbers.form.availableFromHint')}
          value={availableFrom}
          error={fromServer.availableFrom}
          onChange={(event) => setAvailableFrom(event.currentTarget.value)}
          maw={240}
        />
        <Radio.Group
          label={t('numbers.form.source')}
          value={source}
          onChange={(value) => setSource(value === 'ported' ? 'ported' : 'new')}
          error={fromServer.source}
        >
          <Group gap="md" mt={6}>
            <Radio value="new" label={t('numbers.source.new')} />
            <Radio value="ported" label={t('numbers.source.ported')} />
          </Group>
        </Radio.Group>
        {formError !== null && (
          <Alert color="red" variant="light" role="alert">
            {formError}
          </Alert>
        )}
        {done !== null && (
          <Alert color="teal" variant="light" role="status">
            {done}
          </Alert>
        )}
        <Button type="submit" loading={create.isPending} style={{ alignSelf: 'flex-start' }}>
          {t('numbers.form.submit')}
        </Button>
      </Stack>
    </form>
  );
}
