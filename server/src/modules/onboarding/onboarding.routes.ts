import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../http/context.ts';
import { principal } from '../../http/request.ts';
import { presentSession } from '../auth/auth.routes.ts';
import { sessionUser } from '../auth/auth.schema.ts';
import { activateAdmin, unlockCompany } from './onboarding.service.ts';

const tags = ['onboarding'];
const codeBody = z.object({ code: z.string().trim().min(4).max(64) });
const companyRef = z.object({ id: z.string(), name: z.string() });

export const onboardingRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = (app, { ctx }) => {
  app.post(
    '/api/v1/onboarding/unlock',
    {
      config: { auth: 'onboarding', rateLimit: { max: 20, timeWindow: '1 minute' } },
      schema: {
        summary: 'Unlock a company with the one-time code of the welcome letter or an invitation',
        description: 'Sends the activation code (Freischaltcode) to the account e-mail.',
        tags,
        body: codeBody,
        response: { 200: z.object({ company: companyRef, activationSentTo: z.string() }) },
      },
    },
    (request) => unlockCompany(ctx, principal(request), request.body.code),
  );

  app.post(
    '/api/v1/onboarding/activate',
    {
      config: { auth: 'onboarding', rateLimit: { max: 20, timeWindow: '1 minute' } },
      schema: {
        summary: 'Enter the activation code from the e-mail: the account becomes company admin',
        tags,
        body: codeBody,
        response: { 200: z.object({ user: sessionUser, company: companyRef }) },
      },
    },
    async (request) => {
      const result = await activateAdmin(ctx, principal(request), request.body.code, request.id);
      return { user: presentSession(result.principal).user, company: result.company };
    },
  );
  return Promise.resolve();
};
