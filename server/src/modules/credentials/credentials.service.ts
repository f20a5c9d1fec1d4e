// The one implementation of SIP device credentials (issue 8): issued per device at activation,
// re-issued on request, revoked when the device leaves its workplace. At rest only the HA1 digest
// (for the registrar) and the password encrypted with the installation secret (so that its user
// can see it again in MyPortal). Passwords are never logged and never audited.
import type { Config } from '../../config.ts';
import type { Executor } from '../../db/client.ts';
import type { Clock } from '../../platform/clock.ts';
import { decrypt, encrypt } from '../../platform/crypto.ts';
import { notFound } from '../../platform/errors.ts';
import {
  findDevice,
  lockDevice,
  sipUsernameInUse,
  sipUsernamesInUse,
  writeCredentials,
  writeCredentialsMany,
} from './credentials.repository.ts';
import {
  generateSipPassword,
  generateSipUsername,
  provisioningUrl,
  sipHa1,
} from './credentials.rules.ts';

export interface CredentialDeps {
  config: Pick<Config, 'secret' | 'sip'>;
  clock: Clock;
}

export interface DeviceRef {
  companyId: string;
  deviceId: string;
}

export interface IssuedCredentials {
  sipUsername: string;
  /** The plain password: only for the caller's answer, never to be stored or logged. */
  password: string;
  issuedAt: Date;
}

export interface RevealedCredentials {
  sipUsername: string;
  password: string;
  registrar: string;
  domain: string;
  realm: string;
  /** Desk phones only: where the phone fetches its configuration. */
  provisioningUrl: string | null;
  issuedAt: Date;
}

async function freeSipUsername(db: Executor): Promise<string> {
  // 9·10^11 names: a clash is rare, but a unique violation would abort the whole transaction.
  for (let attempt = 0; attempt < 10; attempt += 1) {
    const name = generateSipUsername();
    if (!(await sipUsernameInUse(db, name))) {
      return name;
    }
  }
  throw new Error('no free SIP username after 10 attempts');
}

/**
 * Issues new credentials for a device (at activation, and again on "neu erzeugen"). The SIP
 * username stays once given; the password is new, so the old HA1 stops working at once.
 */
export async function issueDeviceCredentials(
  tx: Executor,
  deps: CredentialDeps,
  ref: DeviceRef,
): Promise<IssuedCredentials> {
  const device = await lockDevice(tx, ref.companyId, ref.deviceId);
  if (!device) {
    throw notFound();
  }
  const sipUsername = device.sipUsername ?? (await freeSipUsername(tx));
  const password = generateSipPassword();
  const issuedAt = deps.clock.now();
  await writeCredentials(tx, ref.companyId, ref.deviceId, {
    sipUsername,
    sipHa1: sipHa1(sipUsername, deps.config.sip.realm, password),
    sipSecret: encrypt(deps.config.secret, password).toString('base64'),
    credentialsIssuedAt: issuedAt,
  });
  return { sipUsername, password, issuedAt };
}

/**
 * issueDeviceCredentials for many devices of the company at once (activation of many
 * workplaces): new SIP usernames checked against the database in one query, one update.
 * The caller holds the devices (their workplaces are locked); plain passwords are not returned.
 */
export async function issueManyDeviceCredentials(
  tx: Executor,
  deps: CredentialDeps,
  companyId: string,
  devices: readonly { id: string; sipUsername: string | null }[],
): Promise<void> {
  const names = new Map<string, string>();
  let missing = devices.filter((d) => !d.sipUsername).map((d) => d.id);
  for (let attempt = 0; missing.length > 0; attempt += 1) {
    if (attempt >= 10) {
      throw new Error('no free SIP usernames after 10 attempts');
    }
    const proposed = new Map(missing.map((id) => [id, generateSipUsername()]));
    const taken = await sipUsernamesInUse(tx, [...proposed.values()]);
    const chosen = new Set(names.values());
    missing = [];
    for (const [id, name] of proposed) {
      if (taken.has(name) || chosen.has(name)) {
        missing.push(id);
      } else {
        names.set(id, name);
        chosen.add(name);
      }
    }
  }
  const { realm } = deps.config.sip;
  const rows = devices.map((d) => {
    const sipUsername = d.sipUsername ?? names.get(d.id)!;
    const password = generateSipPassword();
    return {
      deviceId: d.id,
      sipUsername,
      sipHa1: sipHa1(sipUsername, realm, password),
      sipSecret: encrypt(deps.config.secret, password).toString('base64'),
    };
  });
  if ((await writeCredentialsMany(tx, companyId, rows, deps.clock.now())) !== rows.length) {
    throw notFound();
  }
}

/** Removes a device's credentials (the registrar no longer knows it); false when it had none. */
export async function revokeDeviceCredentials(tx: Executor, ref: DeviceRef): Promise<boolean> {
  const device = await lockDevice(tx, ref.companyId, ref.deviceId);
  if (!device) {
    throw notFound();
  }
  if (!device.sipHa1 && !device.sipUsername) {
    return false;
  }
  await writeCredentials(tx, ref.companyId, ref.deviceId, {
    sipUsername: null,
    sipHa1: null,
    sipSecret: null,
    credentialsIssuedAt: null,
  });
  return true;
}

/** The first-login data of a device for its user, or null while it has no credentials. */
export async function revealDeviceCredentials(
  db: Executor,
  deps: Pick<CredentialDeps, 'config'>,
  ref: DeviceRef,
): Promise<RevealedCredentials | null> {
  const found = await findDevice(db, ref.companyId, ref.deviceId);
  if (!found) {
    throw notFound();
  }
  const { device, provisioning } = found;
  if (!device.sipUsername || !device.sipSecret || !device.credentialsIssuedAt) {
    return null;
  }
  const { sip } = deps.config;
  return {
    sipUsername: device.sipUsername,
    password: decrypt(deps.config.secret, Buffer.from(device.sipSecret, 'base64')).toString('utf8'),
    registrar: sip.registrar,
    domain: sip.domain,
    realm: sip.realm,
    provisioningUrl:
      provisioning === 'desk_phone' ? provisioningUrl(sip.provisioningBaseUrl, device) : null,
    issuedAt: device.credentialsIssuedAt,
  };
}
