import { describe, expect, it } from 'vitest';
import { ConfigError, configFromEnv, parseEnv } from '../../config.ts';

const config = (env: Record<string, string>) => configFromEnv(parseEnv(env), 's'.repeat(40));

describe('MyPortal and SIP configuration', () => {
  it('defaults: 24 hours, the SIP names from PUBLIC_URL, no download links', () => {
    const c = config({ PUBLIC_URL: 'https://portal.example.org/' });
    expect(c.myportal).toEqual({ tempPasswordHours: 24, downloads: [] });
    expect(c.sip).toEqual({
      domain: 'portal.example.org',
      realm: 'portal.example.org',
      registrar: 'portal.example.org',
      provisioningBaseUrl: 'https://portal.example.org',
    });
  });

  it('takes every variable', () => {
    const c = config({
      TEMP_PASSWORD_HOURS: '48',
      SIP_DOMAIN: 'sip.example.org',
      SIP_REALM: 'realm.example.org',
      SIP_REGISTRAR: 'registrar.example.org:5061',
      PROVISIONING_BASE_URL: 'https://prov.example.org/',
      MYPORTAL_DOWNLOADS: '[{"title":"Desktop-Client","url":"https://dl.example.org/c.msi"}]',
    });
    expect(c.myportal).toEqual({
      tempPasswordHours: 48,
      downloads: [
        { title: 'Desktop-Client', url: 'https://dl.example.org/c.msi', description: '' },
      ],
    });
    expect(c.sip).toEqual({
      domain: 'sip.example.org',
      realm: 'realm.example.org',
      registrar: 'registrar.example.org:5061',
      provisioningBaseUrl: 'https://prov.example.org',
    });
  });

  it.each([
    ['TEMP_PASSWORD_HOURS', '0'],
    ['TEMP_PASSWORD_HOURS', 'viele'],
    ['SIP_DOMAIN', 'sip example'],
    ['SIP_REALM', '-bad-.example'],
    ['SIP_REGISTRAR', 'host:port'],
    ['PROVISIONING_BASE_URL', 'ftp://prov.example.org'],
    ['MYPORTAL_DOWNLOADS', 'not json'],
    ['MYPORTAL_DOWNLOADS', '[{"title":"x","url":"javascript:alert(1)"}]'],
    ['MYPORTAL_DOWNLOADS', '{"title":"x"}'],
  ])('a bad %s (%j) is refused naming it', (variable, value) => {
    let caught: unknown;
    try {
      parseEnv({ [variable]: value });
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    expect((caught as ConfigError).problems.map((p) => p.variable.split('.')[0])).toContain(
      variable,
    );
  });
});
