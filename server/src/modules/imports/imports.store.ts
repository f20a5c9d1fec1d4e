// Where a list import lives between upload, preview and import: the uploaded file, its state and
// its checked rows, in DATA_DIR/imports/<id>/ (so a user can leave the page and come back, and a
// job can pick it up), with the current state also in memory for the progress polls. Imports
// are kept for a day.
import { mkdir, readFile, readdir, rm, writeFile, rename } from 'node:fs/promises';
import path from 'node:path';
import type { Language } from '../../../../common/src/i18n/index.ts';
import type { RuleIssue } from '../../../../common/src/rules/workplace.ts';
import type { DraftData } from '../../../../common/src/workplaces/sections.ts';
import type { Created } from './commit.ts';
import type { RowIssue } from './rows.ts';
import type { FileFormat } from './upload-reader.ts';

export type ImportStatus =
  'queued' | 'validating' | 'validated' | 'importing' | 'imported' | 'failed';

export type ImportMode = 'all' | 'valid_only';

export type RowStatus = 'valid' | 'warning' | 'invalid' | 'skipped';

export interface StoredRow {
  r: number;
  status: RowStatus;
  name: string;
  username: string;
  mainNumber: string;
  issues: RowIssue[];
  /** The value problems found while reading (kept for the re-check at import time). */
  inputIssues: RowIssue[];
  /** The pure rules' issues and the Berlin day they were computed for. */
  pure: RuleIssue[] | null;
  pureDay: string;
  data: DraftData;
  templateId: string | null;
  deviceColumns: string[];
}

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
  result: { created: Created[]; notImported: number[] } | null;
  /** Why the last "Importieren" was refused (all or nothing, changed since the check …). */
  commitError: ImportProblem | null;
}

const TTL_MS = 24 * 3600_000;
const ID = /^[0-9a-f-]{36}$/;

export class ImportStore {
  private readonly root: string;
  private readonly states = new Map<string, ImportState>();
  private readonly rowCache = new Map<string, StoredRow[]>();

  constructor(dataDir: string) {
    this.root = path.join(dataDir, 'imports');
  }

  private dir(id: string): string {
    if (!ID.test(id)) {
      throw new Error('bad import id');
    }
    return path.join(this.root, id);
  }

  async create(state: ImportState, upload: Uint8Array): Promise<void> {
    await mkdir(this.dir(state.id), { recursive: true });
    await writeFile(path.join(this.dir(state.id), 'upload'), upload);
    await this.save(state);
  }

  /** Writes the state (atomically: temp file + rename) and keeps it in memory. */
  async save(state: ImportState): Promise<void> {
    state.updatedAt = new Date().toISOString();
    this.states.set(state.id, state);
    const file = path.join(this.dir(state.id), 'state.json');
    await writeFile(`${file}.tmp`, JSON.stringify(state));
    await rename(`${file}.tmp`, file);
  }

  /** Progress only in memory (polls in this process see it; the next save writes it). */
  touch(state: ImportState): void {
    this.states.set(state.id, state);
  }

  async get(id: string): Promise<ImportState | null> {
    if (!ID.test(id)) {
      return null;
    }
    const cached = this.states.get(id);
    if (cached) {
      return cached;
    }
    try {
      const state = JSON.parse(
        await readFile(path.join(this.dir(id), 'state.json'), 'utf8'),
      ) as ImportState;
      return state;
    } catch {
      return null;
    }
  }

  async upload(id: string): Promise<Buffer> {
    return readFile(path.join(this.dir(id), 'upload'));
  }

  async saveRows(id: string, rows: StoredRow[]): Promise<void> {
    this.rowCache.clear();
    this.rowCache.set(id, rows);
    await writeFile(path.join(this.dir(id), 'rows.json'), JSON.stringify(rows));
  }

  async rows(id: string): Promise<StoredRow[]> {
    const cached = this.rowCache.get(id);
    if (cached) {
      return cached;
    }
    try {
      const rows = JSON.parse(
        await readFile(path.join(this.dir(id), 'rows.json'), 'utf8'),
      ) as StoredRow[];
      this.rowCache.clear();
      this.rowCache.set(id, rows);
      return rows;
    } catch {
      return [];
    }
  }

  /** The imports of a company started by a user, newest first. */
  async list(companyId: string, userId: string): Promise<ImportState[]> {
    const ids = await readdir(this.root).catch(() => [] as string[]);
    const states = await Promise.all(ids.filter((id) => ID.test(id)).map((id) => this.get(id)));
    return states
      .filter(
        (s): s is ImportState => s !== null && s.companyId === companyId && s.userId === userId,
      )
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  }

  /** Removes imports older than a day. */
  async sweep(now: Date): Promise<void> {
    const ids = await readdir(this.root).catch(() => [] as string[]);
    for (const id of ids.filter((i) => ID.test(i))) {
      const state = await this.get(id);
      if (!state || now.getTime() - Date.parse(state.createdAt) > TTL_MS) {
        this.states.delete(id);
        this.rowCache.delete(id);
        await rm(this.dir(id), { recursive: true, force: true });
      }
    }
  }
}

const stores = new Map<string, ImportStore>();

/** One store per data directory (the routes, the jobs and the tests share it). */
export function importStore(dataDir: string): ImportStore {
  let store = stores.get(dataDir);
  if (!store) {
    store = new ImportStore(dataDir);
    stores.set(dataDir, store);
  }
  return store;
}
