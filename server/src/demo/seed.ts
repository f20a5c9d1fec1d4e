import type { Database } from '../db/client.ts';
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

export interface SeedResult {
  seeded: boolean;
  companyId?: string;
}

/** Seeds a demo provider and a demo company with a contract; does nothing on a seeded database. */
export async function seedDemoData(database: Database, clock: Clock): Promise<SeedResult> {
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
    });
    const company = await insertCompany(tx, { providerId: provider.id, ...DEMO_COMPANY });
    await insertContract(tx, {
      companyId: company.id,
      status: 'active',
      startDate: clock.now().toISOString().slice(0, 10),
      street: 'Musterstraße 1',
      postalCode: '53113',
      city: 'Bonn',
      country: 'DE',
      products: ['cloud_pbx', 'sip_trunk'],
      workplaceQuota: 25,
      parallelCalls: 10,
      partnerLicences: {},
    });
    return { seeded: true, companyId: company.id };
  });
}
