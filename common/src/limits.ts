// One place for lengths, counts and terms used by zod schemas and forms alike.
export const LIMITS = {
  password: { min: 8, max: 128 },
  /** Workplace usernames (seed 001). */
  username: { min: 5, max: 64 },
  /** Cloud PBX workplaces (seed 001): devices, additional numbers, minimum term, internal numbers. */
  workplace: {
    devicesMax: 6,
    additionalNumbersMax: 10,
    minimumTermDays: 30,
    internalNumber: { min: 2, max: 6 },
  },
  /** Service-portal accounts (e-mail style names allowed). */
  accountUsername: { min: 3, max: 64 },
  email: { max: 254 },
  name: { max: 200 },
  customerNumber: { max: 40 },
  apiTokenName: { max: 100 },
  search: { max: 100 },
  pageSize: { default: 20, max: 100 },
  /** Workplace languages (seed 001: "Derzeit steht ausschließlich die Sprache Deutsch … zur Verfügung"). */
  workplaceLanguages: ['de'],
  /** Days a welcome letter's one-time code stays valid (default; configurable). */
  letterCodeDays: 30,
  /** Hours an e-mailed activation code stays valid (default; configurable). */
  activationCodeHours: 24,
  /** Days an admin invitation stays valid. */
  inviteDays: 14,
} as const;
