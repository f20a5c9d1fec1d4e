// Large lists are checked and imported as a job: the request answers at once, the page polls
// the import's progress (the user may leave and come back).
import { z } from 'zod';
import { PermanentJobError, type JobRunner } from '../../platform/jobs/runner.ts';
import { runCommit } from './import-commit.service.ts';
import { checkImport, IMPORT_JOB, type ImportDeps } from './imports.service.ts';

const payloadSchema = z.object({
  importId: z.uuid(),
  action: z.enum(['check', 'commit']),
  actor: z
    .object({ userId: z.string().nullable(), username: z.string(), role: z.string() })
    .optional(),
});

export function registerImportJobs(jobs: JobRunner, deps: ImportDeps): void {
  jobs.register(IMPORT_JOB, async (payload) => {
    const parsed = payloadSchema.safeParse(payload);
    if (!parsed.success) {
      throw new PermanentJobError('bad import job payload');
    }
    const { importId, action, actor } = parsed.data;
    if (action === 'check') {
      await checkImport(deps, importId);
    } else {
      await runCommit(
        deps,
        actor ?? { userId: null, username: 'system', role: 'system' },
        importId,
      );
    }
  });
}
