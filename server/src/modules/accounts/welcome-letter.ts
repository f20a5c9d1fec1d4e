// The welcome letter ("Willkommensbrief"): an A4 PDF in German, in the provider's branding, with
// the one-time code a company's first administrator unlocks the service portal with.
import { PDFDocument, StandardFonts, rgb, type Color, type PDFFont, type PDFPage } from 'pdf-lib';

export interface WelcomeLetterInput {
  provider: {
    name: string;
    productName: string;
    postalAddress: string | null;
    supportEmail: string | null;
    supportPhone: string | null;
    /** "#rrggbb"; a neutral blue when unset. */
    brandColor?: string | null;
  };
  company: { name: string; customerNumber: string };
  address: { street: string; postalCode: string; city: string };
  code: string;
  expiresAt: Date;
  registerUrl: string;
  date: Date;
}

const MM = 72 / 25.4;
const PAGE = { width: 210 * MM, height: 297 * MM };
const LEFT = 25 * MM;
const RIGHT = PAGE.width - 20 * MM;
const WIDTH = RIGHT - LEFT;
const TEXT = rgb(0.13, 0.13, 0.13);
const MUTED = rgb(0.42, 0.42, 0.42);
const DEFAULT_BRAND = '#1f5fa8';
const ZONE = 'Europe/Berlin';

interface Fonts {
  regular: PDFFont;
  bold: PDFFont;
  mono: PDFFont;
}

/** Renders the letter; the result is the PDF file. */
export async function renderWelcomeLetter(input: WelcomeLetterInput): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  const fonts: Fonts = {
    regular: await pdf.embedFont(StandardFonts.Helvetica),
    bold: await pdf.embedFont(StandardFonts.HelveticaBold),
    mono: await pdf.embedFont(StandardFonts.CourierBold),
  };
  // Standard fonts only know WinAnsi (umlauts and ß included); anything else is approximated.
  const supported = new Set(fonts.regular.getCharacterSet());
  const clean = (text: string) => toWinAnsi(text, supported);
  const brand = parseColor(input.provider.brandColor ?? DEFAULT_BRAND);
  const { provider, company, address } = input;

  pdf.setTitle(clean(`Willkommensbrief – ${company.name}`));
  pdf.setAuthor(clean(provider.name));
  pdf.setSubject('Ihr Zugang zum Service-Portal');
  pdf.setLanguage('de-DE');
  pdf.setProducer('Zentrale');
  pdf.setCreator('Zentrale');
  pdf.setCreationDate(input.date);
  pdf.setModificationDate(input.date);

  const page = pdf.addPage([PAGE.width, PAGE.height]);
  const draw = (
    text: string,
    x: number,
    y: number,
    size: number,
    font: PDFFont,
    color: Color = TEXT,
  ) => page.drawText(clean(text), { x, y, size, font, color });

  // Letterhead
  draw(provider.name, LEFT, PAGE.height - 22 * MM, 22, fonts.bold, brand);
  draw(provider.productName, LEFT, PAGE.height - 28 * MM, 10, fonts.regular, MUTED);
  rule(page, PAGE.height - 32 * MM, brand, 1.5);

  // Sender line and recipient block (window position of a DIN 5008 letter)
  const senderLine = [provider.name, ...lines(provider.postalAddress)].join(' · ');
  const senderY = PAGE.height - 50 * MM;
  const senderText = fitText(clean(senderLine), fonts.regular, 7, 85 * MM);
  page.drawText(senderText, { x: LEFT, y: senderY, size: 7, font: fonts.regular, color: MUTED });
  page.drawLine({
    start: { x: LEFT, y: senderY - 2 },
    end: { x: LEFT + fonts.regular.widthOfTextAtSize(senderText, 7), y: senderY - 2 },
    thickness: 0.4,
    color: MUTED,
  });
  let y = senderY - 16;
  draw(company.name, LEFT, y, 11, fonts.bold);
  y -= 14;
  draw(address.street, LEFT, y, 11, fonts.regular);
  y -= 14;
  draw(`${address.postalCode} ${address.city}`, LEFT, y, 11, fonts.regular);

  // Reference block on the right
  const infoX = 125 * MM;
  draw('Kundennummer', infoX, senderY - 16, 8, fonts.regular, MUTED);
  draw(company.customerNumber, infoX, senderY - 27, 10, fonts.regular);
  draw('Datum', infoX, senderY - 43, 8, fonts.regular, MUTED);
  draw(formatDate(input.date), infoX, senderY - 54, 10, fonts.regular);

  // Body
  const flow = new TextFlow(page, clean, PAGE.height - 100 * MM);
  flow.paragraph('Ihr Zugang zum Service-Portal', fonts.bold, 13, { after: 14 });
  flow.paragraph('Sehr geehrte Damen und Herren,', fonts.regular, 10.5, { after: 8 });
  flow.paragraph(
    `für ${company.name} steht Ihnen ${provider.productName} von ${provider.name} zur Verfügung. ` +
      'Im Service-Portal richten Sie Arbeitsplätze, Rufnummern und weitere Leistungen selbst ein. ' +
      'So erhalten Sie als Administratorin oder Administrator Zugang:',
    fonts.regular,
    10.5,
    { after: 8 },
  );
  flow.step(
    1,
    'Registrieren Sie sich im Service-Portal mit einem Benutzernamen, einem Passwort und ' +
      'Ihrer E-Mail-Adresse:',
    fonts.regular,
  );
  flow.url(input.registerUrl, fonts.bold, brand);
  flow.step(
    2,
    'Schalten Sie Ihre Berechtigung mit dem unten stehenden Einmal-Passwort frei.',
    fonts.regular,
  );
  flow.step(
    3,
    'Geben Sie anschließend den Freischaltcode ein, den Sie per E-Mail an die bei der ' +
      'Registrierung angegebene Adresse erhalten.',
    fonts.regular,
  );
  flow.codeBox(
    input.code,
    `gültig bis ${formatDate(input.expiresAt)}, ${formatTime(input.expiresAt)} Uhr`,
    fonts,
    brand,
  );
  flow.paragraph(
    'Das Einmal-Passwort kann nur einmal verwendet werden. Bitte bewahren Sie dieses Schreiben ' +
      'sorgfältig auf und geben Sie das Einmal-Passwort nicht an Dritte weiter.',
    fonts.regular,
    10.5,
    { after: 14 },
  );
  flow.paragraph('Mit freundlichen Grüßen', fonts.regular, 10.5, { after: 2 });
  flow.paragraph(`Ihr Team von ${provider.name}`, fonts.regular, 10.5, {});

  // Footer: who to ask
  const contact = [
    provider.supportEmail ? `E-Mail ${provider.supportEmail}` : null,
    provider.supportPhone ? `Telefon ${provider.supportPhone}` : null,
  ].filter((s): s is string => s !== null);
  rule(page, 24 * MM, MUTED, 0.4);
  const footer = [
    [provider.name, ...lines(provider.postalAddress)].join(' · '),
    contact.length > 0 ? `Fragen zum Service-Portal? ${contact.join(' · ')}` : '',
  ];
  footer.forEach((line, i) => {
    const text = fitText(clean(line), fonts.regular, 8, WIDTH);
    page.drawText(text, {
      x: LEFT,
      y: 19 * MM - i * 11,
      size: 8,
      font: fonts.regular,
      color: MUTED,
    });
  });

  return Buffer.from(await pdf.save());
}

/** Lays out text top-down from a start height, wrapping at the content width. */
class TextFlow {
  private y: number;
  private readonly page: PDFPage;
  private readonly clean: (text: string) => string;

  constructor(page: PDFPage, clean: (text: string) => string, top: number) {
    this.page = page;
    this.clean = clean;
    this.y = top;
  }

  paragraph(text: string, font: PDFFont, size: number, opts: { indent?: number; after?: number }) {
    const indent = opts.indent ?? 0;
    for (const line of wrap(this.clean(text), font, size, WIDTH - indent)) {
      this.page.drawText(line, { x: LEFT + indent, y: this.y, size, font, color: TEXT });
      this.y -= size * 1.4;
    }
    this.y -= opts.after ?? 0;
  }

  step(n: number, text: string, font: PDFFont) {
    this.page.drawText(`${n}.`, { x: LEFT + 4, y: this.y, size: 10.5, font, color: TEXT });
    this.paragraph(text, font, 10.5, { indent: 18, after: 4 });
  }

  /** The URL on a line of its own, shrunk rather than broken so it can be typed from paper. */
  url(url: string, font: PDFFont, color: Color) {
    const text = this.clean(url);
    let size = 10.5;
    while (size > 6 && font.widthOfTextAtSize(text, size) > WIDTH - 18) {
      size -= 0.5;
    }
    for (const line of wrapChars(text, font, size, WIDTH - 18)) {
      this.page.drawText(line, { x: LEFT + 18, y: this.y, size, font, color });
      this.y -= size * 1.4;
    }
    this.y -= 6;
  }

  codeBox(code: string, validity: string, fonts: Fonts, brand: Color) {
    const height = 24 * MM;
    const bottom = this.y - height;
    this.page.drawRectangle({
      x: LEFT,
      y: bottom,
      width: WIDTH,
      height,
      borderColor: brand,
      borderWidth: 1,
      color: rgb(0.96, 0.97, 0.99),
    });
    const top = bottom + height;
    this.page.drawText('Ihr Einmal-Passwort', {
      x: LEFT + 10,
      y: top - 14,
      size: 9,
      font: fonts.regular,
      color: MUTED,
    });
    const text = this.clean(code);
    let size = 24;
    while (size > 10 && fonts.mono.widthOfTextAtSize(text, size) > WIDTH - 20) {
      size -= 1;
    }
    this.page.drawText(text, {
      x: LEFT + 10,
      y: top - 14 - size,
      size,
      font: fonts.mono,
      color: TEXT,
    });
    this.page.drawText(this.clean(validity), {
      x: LEFT + 10,
      y: bottom + 8,
      size: 9.5,
      font: fonts.bold,
      color: TEXT,
    });
    this.y = bottom - 18;
  }
}

function rule(page: PDFPage, y: number, color: Color, thickness: number) {
  page.drawLine({ start: { x: LEFT, y }, end: { x: RIGHT, y }, thickness, color });
}

function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const out: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (line && font.widthOfTextAtSize(candidate, size) > width) {
      out.push(line);
      line = word;
    } else {
      line = candidate;
    }
  }
  if (line) {
    out.push(line);
  }
  return out.flatMap((l) => wrapChars(l, font, size, width));
}

/** Breaks a line that is still too wide (one very long word) at any character. */
function wrapChars(text: string, font: PDFFont, size: number, width: number): string[] {
  const out: string[] = [];
  let line = '';
  for (const ch of text) {
    if (line && font.widthOfTextAtSize(line + ch, size) > width) {
      out.push(line);
      line = ch;
    } else {
      line += ch;
    }
  }
  return line ? [...out, line] : out;
}

function fitText(text: string, font: PDFFont, size: number, width: number): string {
  if (font.widthOfTextAtSize(text, size) <= width) {
    return text;
  }
  let cut = text;
  while (cut.length > 1 && font.widthOfTextAtSize(`${cut}…`, size) > width) {
    cut = cut.slice(0, -1);
  }
  return `${cut.trimEnd()}…`;
}

function lines(text: string | null): string[] {
  return (text ?? '')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
}

// Letters with a stroke have no Unicode decomposition into a base letter and a mark.
const NO_DECOMPOSITION: Record<string, string> = {
  Ł: 'L',
  ł: 'l',
  Đ: 'D',
  đ: 'd',
  ı: 'i',
  Ħ: 'H',
  ħ: 'h',
};

/** Keeps WinAnsi characters, strips accents the font lacks ("ł" → "l"), else "?". */
export function toWinAnsi(text: string, supported: Set<number>): string {
  let out = '';
  for (const ch of text.replace(/[\r\n\t]+/g, ' ')) {
    if (supported.has(ch.codePointAt(0)!)) {
      out += ch;
      continue;
    }
    const base = (NO_DECOMPOSITION[ch] ?? ch).normalize('NFKD').replace(/\p{M}/gu, '');
    out += [...base].every((c) => supported.has(c.codePointAt(0)!)) && base ? base : '?';
  }
  return out;
}

function parseColor(hex: string): Color {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex.trim());
  if (!m) {
    return parseColor(DEFAULT_BRAND);
  }
  return rgb(parseInt(m[1]!, 16) / 255, parseInt(m[2]!, 16) / 255, parseInt(m[3]!, 16) / 255);
}

function formatDate(date: Date): string {
  return new Intl.DateTimeFormat('de-DE', {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    timeZone: ZONE,
  }).format(date);
}

function formatTime(date: Date): string {
  return new Intl.DateTimeFormat('de-DE', {
    hour: '2-digit',
    minute: '2-digit',
    timeZone: ZONE,
  }).format(date);
}
