import { z } from 'zod';
import { companyParams } from '../companies/companies.schema.ts';

export const importParams = companyParams.extend({ importId: z.uuid() });

export const formatQuery = z.object({ format: z.enum(['xlsx', 'csv']).default('xlsx') });

export const uploadQuery = z.object({
  /** The file's name as the user chose it (for the error workbook's name). */
  fileName: z.string().max(200).optional(),
});

export const rowsQuery = z.object({
  status: z.enum(['all', 'problems', 'valid', 'warning', 'invalid', 'skipped']).default('all'),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
});

export const commitBody = z.object({
  /** all = all or nothing; valid_only = "nur gültige Zeilen importieren". */
  mode: z.enum(['all', 'valid_only']),
});

const message = z.object({ rule: z.string(), message: z.string() });

/** A workplace the import put into the cart, as the result lists it. */
export const createdWorkplace = z.object({
  workplaceId: z.string(),
  cartItemId: z.string(),
  name: z.string(),
  username: z.string(),
  mainNumber: z.string(),
  internalNumber: z.string(),
  activationDate: z.string().nullable(),
});

export const importOutput = z.object({
  id: z.string(),
  fileName: z.string(),
  format: z.enum(['xlsx', 'csv']).nullable(),
  size: z.number(),
  status: z.enum(['queued', 'validating', 'validated', 'importing', 'imported', 'failed']),
  progress: z.object({ done: z.number(), total: z.number() }),
  /** Why the file as a whole cannot be read or imported. */
  problem: message.nullable(),
  /** Notes that do not stop the import (unknown columns). */
  notes: z.array(z.string()),
  summary: z.object({
    rows: z.number(),
    valid: z.number(),
    warning: z.number(),
    invalid: z.number(),
    skipped: z.number(),
  }),
  columns: z.array(z.object({ key: z.string(), header: z.string(), mandatory: z.boolean() })),
  canImportAll: z.boolean(),
  canImportValid: z.boolean(),
  mode: z.enum(['all', 'valid_only']).nullable(),
  commitError: message.nullable(),
  result: z
    .object({ created: z.array(createdWorkplace), notImported: z.array(z.number()) })
    .nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ImportOutput = z.infer<typeof importOutput>;

export const rowOutput = z.object({
  row: z.number(),
  status: z.enum(['valid', 'warning', 'invalid', 'skipped']),
  name: z.string(),
  username: z.string(),
  mainNumber: z.string(),
  issues: z.array(
    z.object({
      column: z.string().nullable(),
      columnHeader: z.string().nullable(),
      /** The cell as the spreadsheet names it, e.g. "J5". */
      cell: z.string().nullable(),
      rule: z.string(),
      severity: z.enum(['error', 'warning']),
      message: z.string(),
      hint: z.string(),
    }),
  ),
});
export type RowOutput = z.infer<typeof rowOutput>;

export const rowsOutput = z.object({ items: z.array(rowOutput), total: z.number() });
