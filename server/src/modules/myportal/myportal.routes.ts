import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requestLanguage } from '../../http/error-handler.ts';
import type { AppContext } from '../../http/context.ts';
import { clientOf, principal, setSessionCookie } from '../../http/request.ts';
import { presentSession } from '../auth/auth.routes.ts';
import { sessionAnswer } from '../auth/auth.schema.ts';
import { actorOf } from '../companies/companies.service.ts';
import {
  requestTemporaryPassword,
  setFirstPassword,
  verifyTemporaryPassword,
} from './first-login.service.ts';
import {
  changeLoginData,
  getLoginData,
  resendActivationMail,
  startPasswordReset,
} from './login-admin.service.ts';
import {
  activationMailAnswer,
  credentialsAnswer,
  deviceItem,
  deviceParams,
  downloadsAnswer,
  loginDataAnswer,
  loginDataBody,
  overviewAnswer,
  passwordBody,
  passwordResetAnswer,
  requestAnswer,
  requestBody,
  verifyAnswer,
  verifyBody,
  workplaceParams,
} from './myportal.schema.ts';
import {
  downloads,
  myDeviceCredentials,
  myDevices,
  myOverview,
  reissueMyDeviceCredentials,
} from './overview.service.ts';
import { z } from 'zod';

const tags = ['myportal'];

/** First login (public), the end user's own view, and the admin side of workplace logins. */
export const myportalRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = (app, { ctx }) => {
  const base = '/api/v1/myportal';

  app.post(
    `${base}/first-login/request`,
    {
      config: { auth: 'public', rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: {
        summary: 'Step 1: send a temporary password to the workplace user (SMS or e-mail)',
        description:
          'Answers 202 whether the username exists or not; only active workplaces get a password.',
        tags,
        body: requestBody,
        response: { 202: requestAnswer },
      },
    },
    async (request, reply) => {
      await requestTemporaryPassword(ctx, { ...request.body, ...clientOf(request) });
      return reply.status(202).send({ accepted: true });
    },
  );

  app.post(
    `${base}/first-login/verify`,
    {
      config: { auth: 'public', rateLimit: { max: 20, timeWindow: '1 minute' } },
      schema: {
        summary: 'Step 2: exchange the temporary password (single use) for a password ticket',
        tags,
        body: verifyBody,
        response: { 200: verifyAnswer },
      },
    },
    async (request) => {
      const result = await verifyTemporaryPassword(ctx, { ...request.body, ...clientOf(request) });
      return { ...result, expiresAt: result.expiresAt.toISOString() };
    },
  );

  app.post(
    `${base}/first-login/password`,
    {
      config: { auth: 'public', rateLimit: { max: 20, timeWindow: '1 minute' } },
      schema: {
        summary: 'Step 3: set the new password (seed 003 rules); logs the user in',
        tags,
        body: passwordBody,
        response: { 200: sessionAnswer },
      },
    },
    async (request, reply) => {
      const session = await setFirstPassword(ctx, { ...request.body, ...clientOf(request) });
      setSessionCookie(ctx, reply, session.token);
      return presentSession(session.principal);
    },
  );

  app.get(
    `${base}/overview`,
    {
      config: { auth: 'myportal' },
      schema: {
        summary: 'The own workplace: master data, numbers, devices and clients, add-ons',
        tags,
        response: { 200: overviewAnswer },
      },
    },
    (request) => myOverview(ctx, principal(request), requestLanguage(request)),
  );

  app.get(
    `${base}/devices`,
    {
      config: { auth: 'myportal' },
      schema: {
        summary: 'The own devices with their registration status',
        tags,
        response: { 200: z.object({ items: z.array(deviceItem) }) },
      },
    },
    (request) => myDevices(ctx, principal(request)),
  );

  app.get(
    `${base}/devices/:deviceId/credentials`,
    {
      config: { auth: 'myportal' },
      schema: {
        summary: 'First-login data of an own device (SIP username, password, registrar, domain)',
        tags,
        params: deviceParams,
        response: { 200: credentialsAnswer },
      },
    },
    (request) => myDeviceCredentials(ctx, principal(request), request.params.deviceId),
  );

  app.post(
    `${base}/devices/:deviceId/credentials`,
    {
      config: { auth: 'myportal' },
      schema: {
        summary: 'Issue new first-login data for an own device; the old ones stop working at once',
        tags,
        params: deviceParams,
        response: { 200: credentialsAnswer },
      },
    },
    (request) =>
      reissueMyDeviceCredentials(ctx, principal(request), request.params.deviceId, request.id),
  );

  app.get(
    `${base}/downloads`,
    {
      config: { auth: 'myportal' },
      schema: {
        summary: 'Links of "Hilfe & Downloads" (clients, installation help)',
        description:
          "The provider settings' list; while it is empty, the installation default MYPORTAL_DOWNLOADS.",
        tags,
        response: { 200: downloadsAnswer },
      },
    },
    () => downloads(ctx),
  );

  const admin = '/api/v1/companies/:companyId/workplaces/:workplaceId';
  const actor = (request: Parameters<typeof principal>[0]) => actorOf(principal(request));

  app.get(
    `${admin}/login-data`,
    {
      config: { auth: 'workplaces.read' },
      schema: {
        summary: "A workplace's login data and the state of its MyPortal account",
        tags,
        params: workplaceParams,
        response: { 200: loginDataAnswer },
      },
    },
    (r) => getLoginData(ctx, r.params.companyId, r.params.workplaceId),
  );

  app.put(
    `${admin}/login-data`,
    {
      config: { auth: 'workplaces.manage' },
      schema: {
        summary: 'Change the authentication e-mail and mobile number (password delivery)',
        tags,
        params: workplaceParams,
        body: loginDataBody,
        response: { 200: loginDataAnswer },
      },
    },
    (r) => changeLoginData(ctx, actor(r), r.params.companyId, r.params.workplaceId, r.body, r.id),
  );

  app.post(
    `${admin}/activation-mail`,
    {
      config: { auth: 'workplaces.manage' },
      schema: {
        summary: 'Send the activation mail (username and first-login link) again',
        tags,
        params: workplaceParams,
        response: { 202: activationMailAnswer },
      },
    },
    async (r, reply) =>
      reply
        .status(202)
        .send(
          await resendActivationMail(ctx, actor(r), r.params.companyId, r.params.workplaceId, r.id),
        ),
  );

  app.post(
    `${admin}/password-reset`,
    {
      config: { auth: 'workplaces.manage' },
      schema: {
        summary: 'Start a password reset: a temporary password goes to the user (SMS or e-mail)',
        tags,
        params: workplaceParams,
        response: { 202: passwordResetAnswer },
      },
    },
    async (r, reply) =>
      reply
        .status(202)
        .send(
          await startPasswordReset(ctx, actor(r), r.params.companyId, r.params.workplaceId, r.id),
        ),
  );
  return Promise.resolve();
};
