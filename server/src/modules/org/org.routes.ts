import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Category } from '../../../../common/src/rules/barring.ts';
import type { AppContext } from '../../http/context.ts';
import { principal } from '../../http/request.ts';
import { companyParams } from '../companies/companies.schema.ts';
import { actorOf } from '../companies/companies.service.ts';
import {
  createProfile,
  editProfile,
  effectiveBarring,
  profileOverview,
  removeProfile,
  setStandardProfile,
  type RuleInput,
} from './barring.service.ts';
import {
  areaBody,
  areaOutput,
  areaParams,
  areaPatch,
  callInfo,
  callInfoEffective,
  callInfoOut,
  effectiveOutput,
  groupBody,
  groupOutput,
  groupParams,
  groupPatch,
  profileBody,
  profileOutput,
  profileParams,
  profilePatch,
} from './org.schema.ts';
import {
  callInfoFor,
  companyCallInfo,
  createArea,
  createGroup,
  editArea,
  editGroup,
  groupOverview,
  removeArea,
  removeGroup,
  setCompanyCallInfo,
} from './org.service.ts';

const tags = ['company structure'];
const none = { 204: z.null() };
const asRules = (rules: { category: string }[] | undefined) => rules as RuleInput[] | undefined;

export const orgRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = (app, { ctx }) => {
  const base = '/api/v1/companies/:companyId';
  const actor = (request: Parameters<typeof principal>[0]) => actorOf(principal(request));

  app.get(
    `${base}/groups`,
    {
      config: { auth: 'org.read' },
      schema: {
        summary: 'Groups/locations with their areas and counts',
        tags,
        params: companyParams,
        response: { 200: z.object({ items: z.array(groupOutput) }) },
      },
    },
    async (r) => ({ items: await groupOverview(ctx, r.params.companyId) }),
  );

  app.post(
    `${base}/groups`,
    {
      config: { auth: 'org.manage' },
      schema: {
        summary: 'Add a group/location',
        tags,
        params: companyParams,
        body: groupBody,
        response: { 201: groupOutput },
      },
    },
    async (r, reply) =>
      reply.status(201).send(await createGroup(ctx, actor(r), r.params.companyId, r.body)),
  );

  app.patch(
    `${base}/groups/:groupId`,
    {
      config: { auth: 'org.manage' },
      schema: {
        summary:
          'Change a group: address, codes, blocking profile (null = the company standard), call information',
        tags,
        params: groupParams,
        body: groupPatch,
        response: { 200: groupOutput },
      },
    },
    (r) => editGroup(ctx, actor(r), r.params.companyId, r.params.groupId, r.body),
  );

  app.delete(
    `${base}/groups/:groupId`,
    {
      config: { auth: 'org.manage' },
      schema: {
        summary:
          'Delete a group; refused for the default group and while it has numbers, areas or workplaces',
        tags,
        params: groupParams,
        response: none,
      },
    },
    async (r, reply) => {
      await removeGroup(ctx, actor(r), r.params.companyId, r.params.groupId);
      return reply.status(204).send(null);
    },
  );

  app.post(
    `${base}/groups/:groupId/areas`,
    {
      config: { auth: 'org.manage' },
      schema: {
        summary: 'Add an area (Bereich) to a group',
        tags,
        params: groupParams,
        body: areaBody,
        response: { 201: areaOutput },
      },
    },
    async (r, reply) =>
      reply
        .status(201)
        .send(await createArea(ctx, actor(r), r.params.companyId, r.params.groupId, r.body)),
  );

  app.patch(
    `${base}/areas/:areaId`,
    {
      config: { auth: 'org.manage' },
      schema: {
        summary: 'Rename an area or change its call information',
        tags,
        params: areaParams,
        body: areaPatch,
        response: { 200: areaOutput },
      },
    },
    (r) => editArea(ctx, actor(r), r.params.companyId, r.params.areaId, r.body),
  );

  app.delete(
    `${base}/areas/:areaId`,
    {
      config: { auth: 'org.manage' },
      schema: {
        summary: 'Delete an area; refused while it has workplaces',
        tags,
        params: areaParams,
        response: none,
      },
    },
    async (r, reply) => {
      await removeArea(ctx, actor(r), r.params.companyId, r.params.areaId);
      return reply.status(204).send(null);
    },
  );

  app.get(
    `${base}/call-info`,
    {
      config: { auth: 'org.read' },
      schema: {
        summary: 'Company-level call information (null: not set)',
        tags,
        params: companyParams,
        response: { 200: z.object({ callInfo: callInfoOut.nullable() }) },
      },
    },
    async (r) => ({ callInfo: await companyCallInfo(ctx, r.params.companyId) }),
  );

  app.put(
    `${base}/call-info`,
    {
      config: { auth: 'org.manage' },
      schema: {
        summary: 'Company-level call information (null: workplace number, no display name)',
        tags,
        params: companyParams,
        body: z.object({ callInfo: callInfo.nullable() }),
        response: none,
      },
    },
    async (r, reply) => {
      await setCompanyCallInfo(ctx, actor(r), r.params.companyId, r.body.callInfo);
      return reply.status(204).send(null);
    },
  );

  app.get(
    `${base}/groups/:groupId/effective`,
    {
      config: { auth: 'org.read' },
      schema: {
        summary:
          'Effective blocking profile and call information of a group (and area) with their sources',
        tags,
        params: groupParams,
        querystring: z.object({ areaId: z.uuid().optional() }),
        response: { 200: z.object({ barring: effectiveOutput, callInfo: callInfoEffective }) },
      },
    },
    async (r) => ({
      barring: await effectiveBarring(ctx.database.db, r.params.companyId, {
        groupId: r.params.groupId,
      }),
      callInfo: await callInfoFor(
        ctx,
        r.params.companyId,
        r.params.groupId,
        r.query.areaId ?? null,
      ),
    }),
  );

  app.get(
    `${base}/blocking-profiles`,
    {
      config: { auth: 'org.read' },
      schema: {
        summary: 'Blocking profiles (Sperrprofile) with their rules',
        tags,
        params: companyParams,
        response: { 200: z.object({ items: z.array(profileOutput) }) },
      },
    },
    async (r) => ({ items: await profileOverview(ctx, r.params.companyId) }),
  );

  app.post(
    `${base}/blocking-profiles`,
    {
      config: { auth: 'org.manage' },
      schema: {
        summary: 'Create a blocking profile; 110 and 112 can never be barred',
        tags,
        params: companyParams,
        body: profileBody,
        response: { 201: profileOutput },
      },
    },
    async (r, reply) =>
      reply.status(201).send(
        await createProfile(ctx, actor(r), r.params.companyId, {
          ...r.body,
          rules: asRules(r.body.rules)!,
        }),
      ),
  );

  app.patch(
    `${base}/blocking-profiles/:profileId`,
    {
      config: { auth: 'org.manage' },
      schema: {
        summary: 'Change a blocking profile (not the system profile)',
        tags,
        params: profileParams,
        body: profilePatch,
        response: { 200: profileOutput },
      },
    },
    (r) =>
      editProfile(ctx, actor(r), r.params.companyId, r.params.profileId, {
        ...r.body,
        rules: asRules(r.body.rules),
      }),
  );

  app.delete(
    `${base}/blocking-profiles/:profileId`,
    {
      config: { auth: 'org.manage' },
      schema: {
        summary: 'Delete a blocking profile; refused while in use',
        tags,
        params: profileParams,
        response: none,
      },
    },
    async (r, reply) => {
      await removeProfile(ctx, actor(r), r.params.companyId, r.params.profileId);
      return reply.status(204).send(null);
    },
  );

  app.put(
    `${base}/standard-blocking-profile`,
    {
      config: { auth: 'org.manage' },
      schema: {
        summary: "Choose the company's standard blocking profile",
        tags,
        params: companyParams,
        body: z.object({ profileId: z.uuid() }),
        response: none,
      },
    },
    async (r, reply) => {
      await setStandardProfile(ctx, actor(r), r.params.companyId, r.body.profileId);
      return reply.status(204).send(null);
    },
  );

  return Promise.resolve();
};

export type { Category };
