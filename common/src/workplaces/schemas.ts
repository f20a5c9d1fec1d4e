// The saved data of the workplace wizard's sections: Draft.data in
// docs/contracts/workplaces-orders.md. Lenient on purpose — a half-filled section can always be
// stored, nothing entered is lost; "Weiter" (sections.ts) applies the rules.
import { z } from 'zod';
import { LIMITS } from '../limits.ts';

export const SECTIONS = [
  'group',
  'user',
  'login',
  'number',
  'profile',
  'devices',
  'mobile',
  'addons',
  'activation',
] as const;
export type Section = (typeof SECTIONS)[number];

export const isSection = (value: string): value is Section =>
  (SECTIONS as readonly string[]).includes(value);

/** Fields the UI marks with * (seed 001: "Alle mit einem Stern (*) gekennzeichneten Felder sind Pflichtfelder"). */
export const REQUIRED_FIELDS = [
  'user.firstName',
  'user.lastName',
  'login.username',
  'login.authEmail',
  'login.authEmailConfirm',
  'number.mainNumber',
  'number.internalNumber',
] as const;
export type RequiredField = (typeof REQUIRED_FIELDS)[number];

// Generous bounds only against abuse; the real limits are checked by "Weiter".
const TEXT_MAX = 1000;
const LIST_MAX = 50;
const text = z.string().max(TEXT_MAX);
const id = z.uuid();

export const groupSectionSchema = z.object({
  groupId: id.nullable().optional(), // null/absent = the company's default group
  areaId: id.nullable().optional(),
  language: z.enum(LIMITS.workplaceLanguages).optional(),
  timeZone: z.string().max(60).optional(),
});

export const userSectionSchema = z.object({
  salutation: text.optional(),
  firstName: text.optional(),
  lastName: text.optional(),
  email: text.optional(),
  street: text.optional(),
  postalCode: text.optional(),
  city: text.optional(),
  department: text.optional(),
});

export const loginSectionSchema = z.object({
  username: text.optional(),
  authEmail: text.optional(),
  authEmailConfirm: text.optional(),
  authMobile: text.optional(),
  withoutMobile: z.boolean().optional(),
});

export const NOMADIC_MODES = ['allowed', 'restricted'] as const;
export const numberSectionSchema = z.object({
  mainNumber: text.optional(),
  internalNumber: text.optional(),
  nomadic: z.enum(NOMADIC_MODES).optional(),
  additionalNumbers: z.array(text).max(LIST_MAX).optional(),
});

export const profileSectionSchema = z.object({
  blockingProfileId: id.nullable().optional(), // null = keep the group's
});

export const devicesSectionSchema = z.object({
  devices: z
    .array(z.object({ deviceModelId: id, macAddress: text.nullable().optional() }))
    .max(LIST_MAX)
    .optional(),
});

export const MOBILE_MODES = ['none', 'integration', 'client'] as const;
export const mobileSectionSchema = z.object({
  mode: z.enum(MOBILE_MODES).optional(),
  mobileNumber: text.optional(),
  customerAccount: text.optional(),
  directoryMobile: text.optional(),
});

export const addonsSectionSchema = z.object({
  addons: z.array(z.string().max(100)).max(LIST_MAX).optional(),
});

export const activationSectionSchema = z.object({
  activationDate: z.string().max(10).nullable().optional(), // null = so schnell wie möglich
});

export const SECTION_SCHEMAS = {
  group: groupSectionSchema,
  user: userSectionSchema,
  login: loginSectionSchema,
  number: numberSectionSchema,
  profile: profileSectionSchema,
  devices: devicesSectionSchema,
  mobile: mobileSectionSchema,
  addons: addonsSectionSchema,
  activation: activationSectionSchema,
} as const;

export type SectionData = { [S in Section]: z.infer<(typeof SECTION_SCHEMAS)[S]> };
export type GroupSection = SectionData['group'];
export type UserSection = SectionData['user'];
export type LoginSection = SectionData['login'];
export type NumberSection = SectionData['number'];
export type ProfileSection = SectionData['profile'];
export type DevicesSection = SectionData['devices'];
export type MobileSection = SectionData['mobile'];
export type AddonsSection = SectionData['addons'];
export type ActivationSection = SectionData['activation'];

/** Draft.data: every section optional. */
export const draftDataSchema = z.object({
  group: groupSectionSchema.optional(),
  user: userSectionSchema.optional(),
  login: loginSectionSchema.optional(),
  number: numberSectionSchema.optional(),
  profile: profileSectionSchema.optional(),
  devices: devicesSectionSchema.optional(),
  mobile: mobileSectionSchema.optional(),
  addons: addonsSectionSchema.optional(),
  activation: activationSectionSchema.optional(),
});
export type DraftData = z.infer<typeof draftDataSchema>;
