// Where a list import lives between upload, preview and import: the uploaded file, its state and
// its checked rows, in the database (table list_imports), so that a user can leave the page and
// come back and any app node's job can pick an import up. Imports are kept for a day. While this
// process works on an import, its state with the progress is also kept in memory: polls answered
// here need no query (on PGlite the running transaction holds the only connection), and on
// PostgreSQL the progress goes to the database now and then on a connection of its own, for the
// polls that reach other nodes.
import type { Language } from '../../../../common/src/i18n/index.ts';
import type { RuleIssue } from '../../../../common/src/rules/workplace.ts';
import type { Database, Executor } from '../../db/client.ts';
import type { Clock } from '../../platform/clock.ts';
import type { RowInput, RowIssue } from './rows.ts';
import type { createdWorkplace } from './imports.schema.ts';
import type { z } from 'zod';
import {
  deleteExpiredImports,
  findImport,
  importFile,
  importRowsOf,
  importRowsPage,
  insertImport,
  listImportStates,
  updateImport,
} from './imports.repository.ts';
import type { FileFormat } from './upload-reader.ts';

export type ImportStatus =
  'queued' | 'validating' | 'validated' | 'importing' | 'imported' | 'failed';

export type ImportMode = 'all' | 'valid_only';

export type RowStatus = 'valid' | 'warning' | 'invalid' | 'skipped';

/** A checked row as the preview shows it (what the database keeps of it). */
export interface StoredRow {
  r: number;
  status: RowStatus;
  name: string;
  username: string;
  mainNumber: string;
  issues: RowIssue[];
}

/**
 * A checked row as the check leaves it in this process: with the wizard's data read from the
 * file and the pure rules' issues of the Berlin day they were computed for, so that
 * "Importieren" right after the preview needs neither the file nor the pure rules again.
 */
export interface KeptRow extends StoredRow {
  input: RowInput;
  pure: RuleIssue[] | null;
  pureDay: string;
}

/** A workplace the import put into the cart, as the result lists it. */
export type CreatedRow = z.infer<typeof createdWorkplace>;

export interface ImportProblem {
  rule: string;
  params: Record<string, string | number>;
}

export interface ImportState {
  id: string;
  companyId: string;
  userId: string;
  sessionId: string;
  lang: Language;
  fileName: string;
  format: FileFormat | null;
  size: number;
  createdAt: string;
  updatedAt: string;
  status: ImportStatus;
  progress: { done: number; total: number };
  /** Why the file as a whole cannot be imported (unreadable, header, …). */
  problem: ImportProblem | null;
  /** Notes about the file that do not stop it (unknown columns). */
  notes: ImportProblem[];
  headerRow: number | null;
  /** Column key → 0-based column index in the uploaded sheet. */
  columns: Record<string, number>;
  summary: { rows: number; valid: number; warning: number; invalid: number; skipped: number };
  mode: ImportMode | null;
  result: { created: CreatedRow[]; notImported: number[] } | null;
  /** Why the last "Importieren" was refused (all or nothing, changed since the check …). */
  commitError: ImportProblem | null;
}

/** How long an import is kept (its file, state and rows). */
export const IMPORT_TTL_MS = 24 * 3600_000;
const ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** How often a running import's progress is written for other nodes (PostgreSQL only). */
const PROGRESS_EVERY_MS = 1000;

export class ImportStore {
  private readonly database: Database;
  private readonly clock: Clock;
  /** Imports this process is checking or importing now, with their progress. */
  private readonly live = new Map<string, ImportState>();
  private readonly progressWritten = new Map<string, number>();
  /** The rows of the import checked last (the preview's "Importieren" comes next). */
  private kept: { id: string; rows: KeptRow[] } | null = null;

  constructor(database: Database, clock: Clock) {
    this.database = database;
    this.clock = clock;
  }

  private stamp(state: ImportState): ImportState {
    state.updatedAt = this.clock.now().toISOString();
    return state;
  }

  async create(state: ImportState, upload: Uint8Array): Promise<void> {
    const expires = new Date(Date.parse(state.createdAt) + IMPORT_TTL_MS);
    await insertImport(this.database.db, state, upload, expires);
  }

  /**
   * Writes the state (inside the caller's transaction when it passes one). With `from`, only
   * while the stored status is one of them; false when it was not.
   */
  async save(
    state: ImportState,
    options: { tx?: Executor; from?: readonly ImportStatus[] } = {},
  ): Promise<boolean> {
    const written = await updateImport(options.tx ?? this.database.db, this.stamp(state), options);
    if (this.live.has(state.id)) {
      this.live.set(state.id, state);
    }
    return written;
  }

  /** The checked rows, written once, with the state that summarizes them. */
  async saveChecked(state: ImportState, rows: KeptRow[]): Promise<void> {
    this.kept = { id: state.id, rows };
    const stored = rows.map(({ r, status, name, username, mainNumber, issues }): StoredRow => ({
      r,
      status,
      name,
      username,
      mainNumber,
      issues,
    }));
    await updateImport(this.database.db, this.stamp(state), { rows: stored });
  }

  /** The rows with their data when this process checked the import last, else null. */
  keptRows(id: string): KeptRow[] | null {
    return this.kept?.id === id ? this.kept.rows : null;
  }

  /** This process works on the import from now on until `done`: polls see `progress`. */
  begin(state: ImportState): void {
    this.live.set(state.id, state);
  }

  done(id: string): void {
    this.live.delete(id);
    this.progressWritten.delete(id);
  }

  /**
   * Progress of a running import, callable inside its transaction: in memory at once, and on
   * PostgreSQL at most once a second also in the database, on a connection of its own (the
   * transaction's writes are not visible to other nodes before it ends).
   */
  async progress(state: ImportState): Promise<void> {
    this.live.set(state.id, state);
    const last = this.progressWritten.get(state.id) ?? 0;
    if (this.database.kind !== 'postgres' || Date.now() - last < PROGRESS_EVERY_MS) {
      return;
    }
    this.progressWritten.set(state.id, Date.now());
    const connection = await this.database.dedicated();
    try {
      await updateImport(connection.db, this.stamp(state), { from: [state.status] });
    } finally {
      connection.release();
    }
  }

  async get(companyId: string, id: string): Promise<ImportState | null> {
    if (!ID.test(id)) {
      return null;
    }
    const live = this.live.get(id);
    if (live) {
      return live.companyId === companyId ? live : null;
    }
    return findImport(this.database.db, companyId, id, this.clock.now());
  }

  /** The uploaded file (inside the caller's transaction when it passes one). */
  async upload(companyId: string, id: string, tx?: Executor): Promise<Buffer> {
    const file = await importFile(tx ?? this.database.db, companyId, id, this.clock.now());
    return file ?? Buffer.alloc(0);
  }

  /** All checked rows (inside the caller's transaction when it passes one). */
  async rows(companyId: string, id: string, tx?: Executor): Promise<StoredRow[]> {
    return (
      this.keptRows(id) ?? importRowsOf(tx ?? this.database.db, companyId, id, this.clock.now())
    );
  }

  /** One page of the checked rows, filtered by status (null = all). */
  async page(
    companyId: string,
    id: string,
    query: { statuses: readonly RowStatus[] | null; offset: number; limit: number },
  ): Promise<{ rows: StoredRow[]; total: number }> {
    return importRowsPage(this.database.db, companyId, id, this.clock.now(), query);
  }

  /** The imports of a company started by a user, newest first. */
  async list(companyId: string, userId: string, limit: number): Promise<ImportState[]> {
    const states = await listImportStates(
      this.database.db,
      companyId,
      userId,
      this.clock.now(),
      limit,
    );
    return states.map((s) => this.live.get(s.id) ?? s);
  }

  /** Removes imports older than a day; returns how many. */
  async sweep(): Promise<number> {
    const removed = await deleteExpiredImports(this.database.db, this.clock.now());
    if (removed > 0) {
      this.kept = null;
    }
    return removed;
  }
}

const stores = new WeakMap<Database, ImportStore>();

/** One store per database (the routes, the jobs and the tests of one app share it). */
export function importStore(database: Database, clock: Clock): ImportStore {
  let store = stores.get(database);
  if (!store) {
    store = new ImportStore(database, clock);
    stores.set(database, store);
  }
  return store;
}
