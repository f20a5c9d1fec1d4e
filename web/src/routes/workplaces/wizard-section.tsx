import { type ReactNode, useState } from 'react';
import {
  Accordion,
  Alert,
  Button,
  Group,
  List,
  Stack,
  Text,
  ThemeIcon,
  VisuallyHidden,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { type Section, SECTIONS } from '../../api/workplaces.ts';
import { type SectionProps, bindSection } from './section-props.ts';
import { ActivationSection } from './sections/activation-section.tsx';
import { AddonsSection } from './sections/addons-section.tsx';
import { DevicesSection } from './sections/devices-section.tsx';
import { GroupSection } from './sections/group-section.tsx';
import { LoginSection } from './sections/login-section.tsx';
import { MobileSection } from './sections/mobile-section.tsx';
import { NumberSection } from './sections/number-section.tsx';
import { ProfileSection } from './sections/profile-section.tsx';
import { UserSection } from './sections/user-section.tsx';
import { type Wizard, nextSection } from './use-wizard.ts';
import { DraftPrices } from './draft-prices.tsx';
import { Notice } from './notice.tsx';
import classes from './workplaces.module.css';

/** Sections seed 001 marks "(optional)". */
const OPTIONAL: readonly Section[] = ['devices', 'mobile', 'addons'];

/** One section's props; the switch below picks the component that matches `section`. */
function propsFor<S extends Section>(props: unknown): SectionProps<S> {
  return props as SectionProps<S>;
}

/** The form of one section; the same components serve the detail page. */
export function SectionBody({
  section,
  props,
  draftId,
}: {
  section: Section;
  props: SectionProps<Section>;
  draftId?: string;
}) {
  switch (section) {
    case 'group':
      return <GroupSection {...propsFor<'group'>(props)} />;
    case 'user':
      return <UserSection {...propsFor<'user'>(props)} />;
    case 'login':
      return <LoginSection {...propsFor<'login'>(props)} />;
    case 'number':
      return <NumberSection {...propsFor<'number'>(props)} />;
    case 'profile':
      return <ProfileSection {...propsFor<'profile'>(props)} />;
    case 'devices':
      return <DevicesSection {...propsFor<'devices'>(props)} />;
    case 'mobile':
      return <MobileSection {...propsFor<'mobile'>(props)} {...(draftId ? { draftId } : {})} />;
    case 'addons':
      return <AddonsSection {...propsFor<'addons'>(props)} />;
    case 'activation':
      return <ActivationSection {...propsFor<'activation'>(props)} />;
    default:
      return null;
  }
}

/** "3. Benutzeranmeldung ✓": the title of an accordion item, with its state for screen readers. */
export function SectionTitle({ section, done }: { section: Section; done: boolean }) {
  const { t } = useTranslation();
  const position = SECTIONS.indexOf(section) + 1;
  return (
    <Group gap="xs" wrap="nowrap">
      <Text component="span" fw={600}>
        {position}. {t(`workplaces.sections.${section}`)}
        {OPTIONAL.includes(section) ? ` ${t('workplaces.optional')}` : ''}
      </Text>
      {done && (
        <>
          <ThemeIcon size={20} radius="xl" color="teal.9" aria-hidden>
            ✓
          </ThemeIcon>
          <VisuallyHidden>{t('workplaces.wizard.done')}</VisuallyHidden>
        </>
      )}
    </Group>
  );
}

interface WizardItemProps {
  section: Section;
  wizard: Wizard;
  companyId: string;
  draftId: string;
  /** Instead of "Weiter" (the activation's "Auftrag hinzufügen"). */
  footer?: ReactNode;
  /** The activation is in the cart: the section only shows. */
  locked: boolean;
}

/** One accordion item: the section's form, its warnings and "Weiter". */
export function WizardItem(props: WizardItemProps) {
  const { section, wizard, companyId, draftId, footer, locked } = props;
  const { t } = useTranslation();
  const { t: tErrors } = useTranslation('errors');
  const [failure, setFailure] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const bound = bindSection(tErrors, {
    section,
    companyId,
    data: wizard.data,
    issues: wizard.live[section],
    server: wizard.serverErrors[section] ?? {},
    showAll: wizard.attempted.includes(section),
    touched: wizard.touched[section] ?? [],
    onTouch: (field) => wizard.touch(section, field),
    onChange: (patch) => {
      setFailure(null);
      wizard.update(section, patch);
    },
  });
  const notices = wizard.warnings[section] ?? [];

  const next = async () => {
    setPending(true);
    setFailure(null);
    const result = await wizard.next(section);
    setPending(false);
    const following = nextSection(section);
    if (result.ok && following !== null) {
      // Keyboard users continue in the section that just opened.
      window.setTimeout(() => {
        document.querySelector<HTMLElement>(`[data-section="${following}"] button`)?.focus();
      }, 0);
    }
    if (!result.ok) {
      setFailure(result.message ?? t('workplaces.wizard.checkFields'));
      // The first field with a message, once React has rendered it.
      window.setTimeout(() => {
        document
          .querySelector<HTMLElement>(`[data-section="${section}"] [aria-invalid="true"]`)
          ?.focus();
      }, 0);
    }
  };

  return (
    <Accordion.Item value={section} data-section={section}>
      <Accordion.Control>
        <SectionTitle section={section} done={wizard.completed.includes(section)} />
      </Accordion.Control>
      <Accordion.Panel>
        <Stack gap="md">
          {/* A disabled fieldset disables every control of the section at once. */}
          <fieldset disabled={locked} className={classes.plain}>
            <SectionBody section={section} props={bound} draftId={draftId} />
          </fieldset>
          {section === 'addons' && (
            <DraftPrices companyId={companyId} draftId={draftId} version={wizard.version} />
          )}
          <div role="status">
            {notices.length > 0 && (
              <Notice kind="warning" title={t('workplaces.wizard.warnings')}>
                <List size="sm">
                  {notices.map((notice) => (
                    <List.Item key={`${notice.field}-${notice.rule}`}>{notice.message}</List.Item>
                  ))}
                </List>
              </Notice>
            )}
          </div>
          <div role="alert">
            {failure !== null && (
              <Alert color="red" variant="light">
                {failure}
              </Alert>
            )}
          </div>
          {footer ??
            (!locked && (
              <Button
                style={{ alignSelf: 'flex-start' }}
                loading={pending}
                onClick={() => void next()}
              >
                {t('workplaces.wizard.next')}
              </Button>
            ))}
        </Stack>
      </Accordion.Panel>
    </Accordion.Item>
  );
}
