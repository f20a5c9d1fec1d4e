import type { Database } from '../../db/client.ts';
import type { Meta } from './system.schema.ts';
import { findProvider } from './system.repository.ts';

/** The installation's public facts: white-label names, help base URL, version. */
export async function getMeta(database: Database, version: string): Promise<Meta> {
  const provider = await findProvider(database.db);
  return {
    productName: provider?.productName ?? 'Zentrale',
    providerName: provider?.name ?? 'Zentrale',
    helpBaseUrl: provider?.helpBaseUrl ?? '/hilfe',
    logoUrl: provider?.logoUrl ?? null,
    supportEmail: provider?.supportEmail ?? null,
    supportPhone: provider?.supportPhone ?? null,
    version,
  };
}
