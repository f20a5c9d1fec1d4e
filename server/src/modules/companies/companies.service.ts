import type { z } from 'zod';
import type { Database } from '../../db/client.ts';
import { diff, recordAudit, type AuditActor } from '../../platform/audit.ts';
import type { Clock } from '../../platform/clock.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import type { Config } from '../../config.ts';
import type { Principal } from '../auth/principal.ts';
import { listCompanyAdmins, removeCompanyAdmin } from '../auth/users.repository.ts';
import { recordContractChange } from '../billing/billing.ledger.ts';
import { issueWelcomeLetter, type IssuedLetter } from '../onboarding/onboarding.service.ts';
import { setUpCompanyOrg } from '../org/org.service.ts';
import {
  customerNumberTaken,
  findCompany,
  findProvider,
  insertCompany,
  insertContract,
  listAudit,
  listCompanies,
  updateCompany,
  updateContract,
  type CompanyRow,
  type ContractRow,
} from './companies.repository.ts';
import type {
  auditQuery,
  CompanyOutput,
  CreateCompanyInput,
  listCompaniesQuery,
  updateCompanyBody,
  updateContractBody,
} from './companies.schema.ts';

export interface CompanyDeps {
  database: Database;
  clock: Clock;
  config: Config;
}

export const actorOf = (p: Principal): AuditActor => ({
  userId: p.userId,
  username: p.username,
  role: p.role,
});

function present(
  company: CompanyRow,
  contract: ContractRow,
  admins: CompanyOutput['admins'],
): CompanyOutput {
  return {
    id: company.id,
    name: company.name,
    customerNumber: company.customerNumber,
    contactEmail: company.contactEmail,
    createdAt: company.createdAt.toISOString(),
    contract: {
      status: contract.status,
      startDate: contract.startDate,
      street: contract.street,
      postalCode: contract.postalCode,
      city: contract.city,
      country: contract.country,
      products: contract.products,
      workplaceQuota: contract.workplaceQuota,
      parallelCalls: contract.parallelCalls,
      partnerLicences: contract.partnerLicences,
      updatedAt: contract.updatedAt.toISOString(),
    },
    admins,
  };
}

const contractSummary = (c: ContractRow) => ({
  status: c.status,
  startDate: c.startDate,
  street: c.street,
  postalCode: c.postalCode,
  city: c.city,
  country: c.country,
  products: c.products,
  workplaceQuota: c.workplaceQuota,
  parallelCalls: c.parallelCalls,
  partnerLicences: c.partnerLicences,
});

export async function getCompany(deps: CompanyDeps, companyId: string): Promise<CompanyOutput> {
  const found = await findCompany(deps.database.db, companyId);
  if (!found) {
    throw notFound();
  }
  return present(
    found.company,
    found.contract,
    await listCompanyAdmins(deps.database.db, companyId),
  );
}

/** Creates company and contract, and issues the welcome letter with the one-time code. */
export async function createCompany(
  deps: CompanyDeps,
  actor: Principal,
  input: CreateCompanyInput,
  requestId: string | null,
): Promise<{ company: CompanyOutput; letter: IssuedLetter }> {
  const now = deps.clock.now();
  return deps.database.transaction(async (tx) => {
    const provider = await findProvider(tx);
    if (!provider) {
      throw new AppError('provider_missing', 409);
    }
    if (await customerNumberTaken(tx, input.customerNumber)) {
      throw new AppError('customer_number_taken', 409, {
        details: [{ field: 'customerNumber', rule: 'unique' }],
      });
    }
    const company = await insertCompany(tx, {
      providerId: provider.id,
      name: input.name,
      customerNumber: input.customerNumber,
      contactEmail: input.contactEmail ?? null,
      createdAt: now,
      updatedAt: now,
    });
    const contract = await insertContract(tx, {
      companyId: company.id,
      ...input.contract,
      createdAt: now,
      updatedAt: now,
    });
    await setUpCompanyOrg(tx, company, contract, now);
    await recordAudit(tx, {
      actor: actorOf(actor),
      companyId: company.id,
      entity: 'company',
      entityId: company.id,
      action: 'created',
      after: {
        name: company.name,
        customerNumber: company.customerNumber,
        ...contractSummary(contract),
      },
      at: now,
      requestId,
    });
    const letter = await issueWelcomeLetter(deps, tx, company.id, actorOf(actor), requestId);
    return { company: present(company, contract, []), letter };
  });
}

export async function editCompany(
  deps: CompanyDeps,
  actor: Principal,
  companyId: string,
  input: z.infer<typeof updateCompanyBody>,
  requestId: string | null,
): Promise<CompanyOutput> {
  const now = deps.clock.now();
  await deps.database.transaction(async (tx) => {
    const found = await findCompany(tx, companyId);
    if (!found) {
      throw notFound();
    }
    const updated = await updateCompany(tx, companyId, { ...input, updatedAt: now });
    const before = { name: found.company.name, contactEmail: found.company.contactEmail };
    const after = { name: updated!.name, contactEmail: updated!.contactEmail };
    await recordAudit(tx, {
      actor: actorOf(actor),
      companyId,
      entity: 'company',
      entityId: companyId,
      action: 'updated',
      ...diff(before, after),
      at: now,
      requestId,
    });
  });
  return getCompany(deps, companyId);
}

/** Operators change quotas, parallel calls, licences, products, status and address. */
export async function editContract(
  deps: CompanyDeps,
  actor: Principal,
  companyId: string,
  input: z.infer<typeof updateContractBody>,
  requestId: string | null,
): Promise<CompanyOutput> {
  const now = deps.clock.now();
  await deps.database.transaction(async (tx) => {
    const found = await findCompany(tx, companyId);
    if (!found) {
      throw notFound();
    }
    const updated = await updateContract(tx, companyId, { ...input, updatedAt: now });
    // Billing: a change of the parallel calls is charged at the day's maximum (seed 000).
    await recordContractChange(tx, deps, companyId, found.contract, updated!);
    await recordAudit(tx, {
      actor: actorOf(actor),
      companyId,
      entity: 'contract',
      entityId: found.contract.id,
      action: 'updated',
      ...diff(contractSummary(found.contract), contractSummary(updated!)),
      at: now,
      requestId,
    });
  });
  return getCompany(deps, companyId);
}

export async function reissueWelcomeLetter(
  deps: CompanyDeps,
  actor: Principal,
  companyId: string,
  requestId: string | null,
): Promise<IssuedLetter> {
  return deps.database.transaction((tx) =>
    issueWelcomeLetter(deps, tx, companyId, actorOf(actor), requestId),
  );
}

export async function searchCompanies(
  deps: CompanyDeps,
  principal: Principal,
  query: z.infer<typeof listCompaniesQuery>,
) {
  const result = await listCompanies(deps.database.db, {
    search: query.search,
    ...(principal.role === 'operator' ? {} : { onlyIds: principal.companies.map((c) => c.id) }),
    page: query.page,
    pageSize: query.pageSize,
  });
  return {
    items: result.items.map((i) => ({ ...i, createdAt: i.createdAt.toISOString() })),
    total: result.total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

export async function auditTrail(
  deps: CompanyDeps,
  companyId: string,
  query: z.infer<typeof auditQuery>,
) {
  const to = query.to ? new Date(`${query.to}T00:00:00Z`) : undefined;
  const result = await listAudit(deps.database.db, companyId, {
    entity: query.entity,
    action: query.action,
    from: query.from ? new Date(`${query.from}T00:00:00Z`) : undefined,
    // "to" is inclusive: the whole day.
    to: to ? new Date(to.getTime() + 86_400_000) : undefined,
    page: query.page,
    pageSize: query.pageSize,
  });
  return {
    items: result.items.map((r) => ({
      id: r.id,
      at: r.at.toISOString(),
      actorUsername: r.actorUsername,
      actorRole: r.actorRole,
      entity: r.entity,
      entityId: r.entityId,
      action: r.action,
      changes: r.changes,
    })),
    total: result.total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

export async function removeAdmin(
  deps: CompanyDeps,
  actor: Principal,
  companyId: string,
  userId: string,
  requestId: string | null,
): Promise<void> {
  const now = deps.clock.now();
  await deps.database.transaction(async (tx) => {
    if (!(await removeCompanyAdmin(tx, companyId, userId))) {
      throw notFound();
    }
    await recordAudit(tx, {
      actor: actorOf(actor),
      companyId,
      entity: 'company_admin',
      entityId: userId,
      action: 'removed',
      at: now,
      requestId,
    });
  });
}
