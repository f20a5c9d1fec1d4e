import { randomBytes } from 'node:crypto';
import type { Database } from '../db/client.ts';
import { addCompanyAdmin, insertUser } from '../modules/auth/users.repository.ts';
import { hashPassword } from '../modules/auth/passwords.ts';
import { setUpCompanyOrg } from '../modules/org/org.service.ts';
import type { Clock } from '../platform/clock.ts';
import {
  countProviders,
  insertCompany,
  insertContract,
  insertProvider,
} from './demo.repository.ts';

export const DEMO_COMPANY = {
  name: 'Muster Handels GmbH',
  customerNumber: 'K-100001',
} as const;

export const DEMO_LOGINS = {
  operator: { username: 'operator', email: 'operator@demo-carrier.example' },
  admin: { username: 'demo-admin', email: 'it@muster-handels.example' },
} as const;

export interface SeedResult {
  seeded: boolean;
  companyId?: string;
  /** Passwords generated because ZENTRALE_DEMO_PASSWORD was not set; printed once. */
  generatedPasswords?: Record<string, string>;
}

/** A random password that meets the password rules (seed 003). */
function randomPassword(): string {
  const body = randomBytes(12)
    .toString('base64url')
    .replace(/[^A-Za-z0-9]/g, '');
  return `Demo-${body}-7a`;
}

/**
 * Seeds a demo provider, a demo company with a contract, the demo operator and the company's
 * admin; does nothing on a database that already has a provider.
 */
export async function seedDemoData(
  database: Database,
  clock: Clock,
  demoPassword?: string,
): Promise<SeedResult> {
  // Cheap check first: a seeded database costs no password hashing at start-up.
  if ((await countProviders(database.db)) > 0) {
    return { seeded: false };
  }
  const passwords = {
    operator: demoPassword ?? randomPassword(),
    admin: demoPassword ?? randomPassword(),
  };
  const [operatorHash, adminHash] = await Promise.all([
    hashPassword(passwords.operator),
    hashPassword(passwords.admin),
  ]);
  const now = clock.now();
  return database.transaction(async (tx) => {
    if ((await countProviders(tx)) > 0) {
      return { seeded: false };
    }
    const provider = await insertProvider(tx, {
      name: 'Demo-Carrier',
      productName: 'Zentrale',
      supportEmail: 'service@demo-carrier.example',
      supportPhone: '+49 800 1234567',
      helpBaseUrl: '/hilfe',
      postalAddress: 'Demo-Carrier GmbH\nKundenservice\nPostfach 10 20 30\n53105 Bonn',
    });
    const company = await insertCompany(tx, {
      providerId: provider.id,
      ...DEMO_COMPANY,
      contactEmail: DEMO_LOGINS.admin.email,
    });
    const contract = await insertContract(tx, {
      companyId: company.id,
      status: 'active',
      startDate: now.toISOString().slice(0, 10),
      street: 'Musterstraße 1',
      postalCode: '53113',
      city: 'Bonn',
      country: 'DE',
      products: ['cloud_pbx', 'sip_trunk'],
      workplaceQuota: 25,
      parallelCalls: 10,
      partnerLicences: {},
    });
    await setUpCompanyOrg(tx, company, contract, now);
    await insertUser(tx, {
      kind: 'operator',
      username: DEMO_LOGINS.operator.username,
      email: DEMO_LOGINS.operator.email,
      passwordHash: operatorHash,
      displayName: 'Service Demo-Carrier',
      now,
    });
    const admin = await insertUser(tx, {
      kind: 'portal',
      username: DEMO_LOGINS.admin.username,
      email: DEMO_LOGINS.admin.email,
      passwordHash: adminHash,
      displayName: 'Maria Muster',
      now,
    });
    await addCompanyAdmin(tx, company.id, admin.id, now);
    return {
      seeded: true,
      companyId: company.id,
      ...(demoPassword
        ? {}
        : {
            generatedPasswords: {
              [DEMO_LOGINS.operator.username]: passwords.operator,
              [DEMO_LOGINS.admin.username]: passwords.admin,
            },
          }),
    };
  });
}
