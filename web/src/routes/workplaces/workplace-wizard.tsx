import { type FormEvent, useState } from 'react';
import {
  Accordion,
  Alert,
  Anchor,
  Button,
  Group,
  Paper,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  type Draft,
  SECTIONS,
  type Section,
  useAddDraftToCart,
  useSaveTemplate,
} from '../../api/workplaces.ts';
import { CART_PATH, MY_WORKPLACES_PATH, NEW_WORKPLACE_PATH } from '../paths.ts';
import { type SaveState, type Wizard, useWizard } from './use-wizard.ts';
import { DraftPrices } from './draft-prices.tsx';
import { WizardItem } from './wizard-section.tsx';
import { Notice } from './notice.tsx';

function SaveStatus({ state }: { state: SaveState }) {
  const { t } = useTranslation();
  return (
    <Text size="sm" c={state === 'failed' ? 'red.8' : 'dimmed'} role="status">
      {state === 'idle' ? '' : t(`workplaces.wizard.save.${state}`)}
    </Text>
  );
}

/** "Auftrag hinzufügen": checks every section on the server, then the activation goes into the cart. */
function AddToCart({
  companyId,
  draft,
  wizard,
  added,
  onAdded,
}: {
  companyId: string;
  draft: Draft;
  wizard: Wizard;
  added: boolean;
  onAdded: () => void;
}) {
  const { t } = useTranslation();
  const cart = useAddDraftToCart(companyId, draft.id);
  const [error, setError] = useState<string | null>(null);
  const [checking, setChecking] = useState(false);

  const add = async () => {
    setError(null);
    setChecking(true);
    await wizard.saveAll();
    const checked = await wizard.next('activation', false);
    setChecking(false);
    if (!checked.ok) {
      setError(checked.message ?? t('workplaces.wizard.checkFields'));
      return;
    }
    cart.mutate(undefined, {
      onSuccess: onAdded,
      onError: (failure) => {
        wizard.showErrors(failure);
        if (failure.code === 'draft_in_cart') {
          onAdded();
        }
        setError(failure.message);
      },
    });
  };

  return (
    <Stack gap="sm">
      <Title order={3} size="h5">
        {t('workplaces.price.title')}
      </Title>
      <DraftPrices companyId={companyId} draftId={draft.id} version={wizard.version} />
      <div role="alert">
        {error !== null && (
          <Alert color="red" variant="light">
            {error}
          </Alert>
        )}
      </div>
      <div role="status">
        {added && (
          <Notice kind="success" title={t('workplaces.cart.addedTitle')}>
            {t('workplaces.cart.added')}
          </Notice>
        )}
      </div>
      {added && (
        <Group gap="md">
          <Anchor component={Link} to={CART_PATH}>
            {t('workplaces.cart.toCart')}
          </Anchor>
          <Anchor component={Link} to={NEW_WORKPLACE_PATH}>
            {t('workplaces.cart.another')}
          </Anchor>
          <Anchor component={Link} to={MY_WORKPLACES_PATH}>
            {t('workplaces.cart.toList')}
          </Anchor>
        </Group>
      )}
      {!added && (
        <Button
          style={{ alignSelf: 'flex-start' }}
          loading={checking || cart.isPending}
          onClick={() => void add()}
        >
          {t('workplaces.cart.add')}
        </Button>
      )}
    </Stack>
  );
}

/** "Arbeitsplatz als Mustervorlage speichern": name + Speichern. */
function TemplateSave({
  companyId,
  draft,
  wizard,
}: {
  companyId: string;
  draft: Draft;
  wizard: Wizard;
}) {
  const { t } = useTranslation();
  const save = useSaveTemplate(companyId, draft.id);
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const title = t('workplaces.template.title');

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSaved(null);
    if (name.trim() === '') {
      setError(t('form.required'));
      return;
    }
    await wizard.saveAll();
    save.mutate(name.trim(), {
      onSuccess: (template) => {
        setSaved(t('workplaces.template.saved', { name: template.name }));
        setName('');
      },
      onError: (failure) => setError(failure.fieldErrors[0]?.message ?? failure.message),
    });
  };

  return (
    <Paper withBorder p="md" component="section" aria-label={title}>
      <form noValidate onSubmit={(event) => void submit(event)} aria-label={title}>
        <Stack gap="sm">
          <Title order={2} size="h4">
            {title}
          </Title>
          <Text size="sm">{t('workplaces.template.intro')}</Text>
          <Group gap="sm" align="flex-start">
            <TextInput
              label={t('workplaces.template.name')}
              description={t('workplaces.template.nameHint')}
              value={name}
              onChange={(event) => {
                setName(event.currentTarget.value);
                setError(null);
              }}
              error={error}
              maxLength={100}
              autoComplete="off"
            />
            <Button type="submit" mt={{ base: 0, sm: 46 }} loading={save.isPending}>
              {t('common.save')}
            </Button>
          </Group>
          <div role="status">
            {saved !== null && (
              <Alert color="teal" variant="light">
                {saved}
              </Alert>
            )}
          </div>
        </Stack>
      </form>
    </Paper>
  );
}

/** The nine sections of seed 001 as an accordion, saved as the server draft while typing. */
export function WorkplaceWizard({ companyId, draft }: { companyId: string; draft: Draft }) {
  const { t } = useTranslation();
  const wizard = useWizard(companyId, draft);
  // With its activation in the cart the draft is fixed; the cart is the place to take it back.
  const [inCart, setInCart] = useState(draft.workplaceId !== null);
  return (
    <Stack gap="lg">
      {inCart && <Notice kind="success">{t('workplaces.wizard.locked')}</Notice>}
      <Group justify="space-between">
        <Text size="sm">
          {t('workplaces.wizard.progress', {
            done: wizard.completed.length,
            total: SECTIONS.length,
          })}
        </Text>
        <SaveStatus state={wizard.saveState} />
      </Group>
      <Accordion
        multiple
        variant="separated"
        order={2}
        value={wizard.open}
        onChange={(value) => wizard.setOpen(value as Section[])}
      >
        {SECTIONS.map((section) => (
          <WizardItem
            key={section}
            section={section}
            wizard={wizard}
            companyId={companyId}
            draftId={draft.id}
            locked={inCart}
            footer={
              section === 'activation' ? (
                <AddToCart
                  companyId={companyId}
                  draft={draft}
                  wizard={wizard}
                  added={inCart}
                  onAdded={() => setInCart(true)}
                />
              ) : undefined
            }
          />
        ))}
      </Accordion>
      <TemplateSave companyId={companyId} draft={draft} wizard={wizard} />
    </Stack>
  );
}
