import { extractText, getDocumentProxy } from 'unpdf';
import { describe, expect, it } from 'vitest';
import { renderWelcomeLetter, toWinAnsi, type WelcomeLetterInput } from './welcome-letter.ts';

const input: WelcomeLetterInput = {
  provider: {
    name: 'Demo-Carrier',
    productName: 'Cloud PBX',
    postalAddress: 'Demo-Carrier GmbH\nKönigstraße 1\n70173 Stuttgart',
    supportEmail: 'support@demo-carrier.example',
    supportPhone: '0800 123 456 7',
  },
  company: { name: 'Müller & Söhne GmbH', customerNumber: 'K-100042' },
  address: { street: 'Leipziger Straße 5', postalCode: '80331', city: 'München' },
  code: 'K7QX-M2PD-9HTR-B4WZ',
  expiresAt: new Date('2026-03-31T21:59:00Z'),
  registerUrl: 'https://portal.demo-carrier.example/registrieren',
  date: new Date('2026-03-01T09:00:00Z'),
};

async function textOf(pdf: Buffer): Promise<string> {
  const doc = await getDocumentProxy(new Uint8Array(pdf));
  const { text } = await extractText(doc, { mergePages: true });
  return text;
}

describe('renderWelcomeLetter', () => {
  it('renders one A4 page with code, company, address, expiry, URL and support contact', async () => {
    const pdf = await renderWelcomeLetter(input);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const doc = await getDocumentProxy(new Uint8Array(pdf));
    expect(doc.numPages).toBe(1);
    const page = await doc.getPage(1);
    const [, , w, h] = page.view;
    expect(Math.round(w!)).toBe(595);
    expect(Math.round(h!)).toBe(842);

    const text = await textOf(pdf);
    expect(text).toContain('K7QX-M2PD-9HTR-B4WZ');
    expect(text).toContain('Müller & Söhne GmbH');
    expect(text).toContain('Leipziger Straße 5');
    expect(text).toContain('Straße');
    expect(text).toContain('80331 München');
    expect(text).toContain('K-100042');
    expect(text).toContain('01.03.2026');
    // 21:59 UTC on 31 March is 23:59 summer time in Germany.
    expect(text).toContain('gültig bis 31.03.2026, 23:59 Uhr');
    expect(text).toContain('https://portal.demo-carrier.example/registrieren');
    expect(text).toContain('Ihr Zugang zum Service-Portal');
    expect(text).toContain('Einmal-Passwort');
    expect(text).toContain('Freischaltcode');
    expect(text).toContain('support@demo-carrier.example');
    expect(text).toContain('0800 123 456 7');
    expect(text).toContain('Königstraße 1');
  });

  it('copes with characters outside WinAnsi and missing optional provider data', async () => {
    const pdf = await renderWelcomeLetter({
      ...input,
      provider: {
        ...input.provider,
        postalAddress: null,
        supportEmail: null,
        supportPhone: null,
        brandColor: '#e20074',
      },
      company: { name: 'Łódź Telekom Sp. z o.o. → 東京', customerNumber: 'K-1' },
      registerUrl: `https://portal.example/${'sehr-lang/'.repeat(20)}registrieren`,
    });
    const text = await textOf(pdf);
    expect(text).toContain('Lódz Telekom Sp. z o.o. ? ??');
    expect(text).toContain('K7QX-M2PD-9HTR-B4WZ');
  });
});

describe('toWinAnsi', () => {
  const supported = new Set([...' AaeoßäöüÄÖÜ?'].map((c) => c.codePointAt(0)!));
  it.each([
    ['Ää Öö Üü ß', 'Ää Öö Üü ß'],
    ['é', 'e'],
    ['→', '?'],
    ['a\nb', 'a b'],
  ])('%j → %j', (from, to) => {
    expect(
      toWinAnsi(from, new Set([...supported, ...'bnE'.split('').map((c) => c.codePointAt(0)!)])),
    ).toBe(to);
  });
});
