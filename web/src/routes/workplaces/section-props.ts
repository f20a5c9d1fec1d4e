import type { TFunction } from 'i18next';
import type { RuleIssue } from '../../../../common/src/rules/workplace.ts';
import { REQUIRED_FIELDS } from '../../../../common/src/workplaces/sections.ts';
import type { DraftData, Section, SectionData } from '../../api/workplaces.ts';
import { type FieldMessages, messagesOf } from './workplace-labels.ts';

/** What a field gets from its section: the message to show next to it and "left the field". */
export interface FieldBinding {
  error: string | undefined;
  onBlur: () => void;
  required: boolean;
}

/** The same section forms serve the wizard (draft) and the detail page (PATCH). */
export interface SectionProps<S extends Section> {
  companyId: string;
  value: SectionData[S];
  /** The whole configuration, for choices that depend on other sections (group, integration). */
  data: DraftData;
  onChange: (patch: Partial<SectionData[S]>) => void;
  field: (name: string) => FieldBinding;
  /** A live warning of a field (e.g. the internal number 911). */
  warningOf: (name: string) => string | undefined;
  /** On the detail page of a set-up workplace: things fixed after set-up are read-only. */
  setUp?: boolean;
}

interface BindingInput<S extends Section> {
  section: S;
  data: DraftData;
  issues: readonly RuleIssue[];
  server: FieldMessages;
  /** Show live errors of every field (after "Weiter") or only of those left once. */
  showAll: boolean;
  touched: readonly string[];
  onTouch: (field: string) => void;
  onChange: (patch: Partial<SectionData[S]>) => void;
  companyId: string;
  setUp?: boolean;
}

/** Builds a section's props from the live rules, the server's messages and what was touched. */
export function bindSection<S extends Section>(
  tErrors: TFunction<'errors'>,
  input: BindingInput<S>,
): SectionProps<S> {
  const errors = messagesOf(tErrors, input.issues, 'error');
  const warnings = messagesOf(tErrors, input.issues, 'warning');
  const required = new Set<string>(REQUIRED_FIELDS);
  return {
    companyId: input.companyId,
    value: input.data[input.section] ?? {},
    data: input.data,
    onChange: input.onChange,
    setUp: input.setUp ?? false,
    field: (name) => ({
      error:
        input.server[name] ??
        (input.showAll || input.touched.includes(name) ? errors[name] : undefined),
      onBlur: () => input.onTouch(name),
      required: required.has(`${input.section}.${name}`),
    }),
    warningOf: (name) => warnings[name],
  };
}
