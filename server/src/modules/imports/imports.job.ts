// Large lists are checked and imported as a job: the request answers at once, the page polls
// the import's progress (the user may leave and come back). Expired imports are swept by a job.
import { z } from 'zod';
import { PermanentJobError, type JobRunner } from '../../platform/jobs/runner.ts';
import { runCommit } from './import-commit.service.ts';
import {
  checkImport,
  IMPORT_JOB,
  IMPORT_SWEEP_JOB,
  sweepImports,
  type ImportDeps,
} from './imports.service.ts';

const payloadSchema = z.object({
  importId: z.uuid(),
  companyId: z.uuid(),
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
    const { importId, companyId, action, actor } = parsed.data;
    if (action === 'check') {
      await checkImport(deps, companyId, importId);
    } else {
      await runCommit(
        deps,
        actor ?? { userId: null, username: 'system', role: 'system' },
        companyId,
        importId,
      );
    }
  });
  jobs.register(IMPORT_SWEEP_JOB, async (_payload, ctx) => {
    const removed = await sweepImports(deps);
    if (removed > 0) {
      ctx.logger.info({ removed }, 'expired list imports removed');
    }
  });
}
