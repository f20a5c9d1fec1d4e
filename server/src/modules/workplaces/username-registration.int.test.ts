// Workplace usernames are MyPortal logins: a service-portal registration must not take one that
// a workplace holds, from the moment the workplace is in a cart.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, login } from '../../test/api-client.ts';
import {
  addBlock,
  api,
  completeDraft,
  createWorkplacesTestApp,
  fillDraft,
  type WorkplacesTestApp,
} from './testing/workplaces-fixture.ts';

let w: WorkplacesTestApp;

beforeAll(async () => {
  w = await createWorkplacesTestApp();
  await addBlock(w, { number: '0228 1234', extensionLength: 3 });
});
afterAll(() => w.t.close());

describe('registration and workplace usernames', () => {
  it('refuses a username held by a workplace in a cart (seed 001: "Der Benutzername … eindeutig")', async () => {
    const admin = await login(w.t.app, 'demo-admin');
    const draftId = await fillDraft(w, admin, completeDraft(w, 7));
    const added = await api(w, admin, 'POST', `/workplace-drafts/${draftId}/cart`);
    expect(added.statusCode, added.body).toBe(201);

    const res = await call(w.t.app, 'POST', '/api/v1/auth/register', {
      body: { username: 'Max.Muster7', email: 'someone@example.org', password: 'Sicher-2026' },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('username_taken');

    const free = await call(w.t.app, 'POST', '/api/v1/auth/register', {
      body: { username: 'max.muster8', email: 'someone@example.org', password: 'Sicher-2026' },
    });
    expect(free.statusCode).toBe(201);
  });
});
