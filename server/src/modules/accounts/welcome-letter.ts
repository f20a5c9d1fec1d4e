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
  const draw = (text: string, x: number, y: number, style: Style) =>
    page.drawText(clean(text), { x, y, size: style.size, font: style.font, color: style.color });
  const small = { size: 8, font: fonts.regular, color: MUTED };
  const normal = { size: 10, font: fonts.regular, color: TEXT };
  const address11 = { size: 11, font: fonts.regular, color: TEXT };

  // Letterhead
  draw(provider.name, LEFT, PAGE.height - 22 * MM, { size: 22, font: fonts.bold, color: brand });
  draw(provider.productName, LEFT, PAGE.height - 28 * MM, { ...normal, color: MUTED });
  rule(page, PAGE.height - 32 * MM, brand, 1.5);

  // Sender line and recipient block (window position of a DIN 5008 letter)
  const senderY = PAGE.height - 50 * MM;
  const sender = [provider.name, ...lines(provider.postalAddress)].join(' · ');
  const senderText = fitText(clean(sender), fonts.regular, 7, 85 * MM);
  draw(senderText, LEFT, senderY, { ...small, size: 7 });
  const senderEnd = LEFT + fonts.regular.widthOfTextAtSize(senderText, 7);
  page.drawLine({
    start: { x: LEFT, y: senderY - 2 },
    end: { x: senderEnd, y: senderY - 2 },
    thickness: 0.4,
    color: MUTED,
  });
  draw(company.name, LEFT, senderY - 16, { ...address11, font: fonts.bold });
  draw(address.street, LEFT, senderY - 30, address11);
  draw(`${address.postalCode} ${address.city}`, LEFT, senderY - 44, address11);

  // Reference block on the right
  const infoX = 125 * MM;
  draw('Kundennummer', infoX, senderY - 16, small);
  draw(company.customerNumber, infoX, senderY - 27, normal);
  draw('Datum', infoX, senderY - 43, small);
  draw(formatDate(input.date), infoX, senderY - 54, normal);

  // Body
  const flow = new TextFlow(page, clean, fonts, PAGE.height - 100 * MM);
  flow.text('Ihr Zugang zum Service-Portal', { font: fonts.bold, size: 13, after: 14 });
  flow.text('Sehr geehrte Damen und Herren,', { after: 8 });
  flow.text(
    `für ${company.name} steht Ihnen ${provider.productName} von ${provider.name} zur Verfügung. ` +
      'Im Service-Portal richten Sie Arbeitsplätze, Rufnummern und weitere Leistungen selbst ein. ' +
      'So erhalten Sie als Administratorin oder Administrator Zugang:',
    { after: 8 },
  );
  flow.step(
    1,
    'Registrieren Sie sich im Service-Portal mit einem Benutzernamen, einem Passwort und ' +
      'Ihrer E-Mail-Adresse:',
  );
  flow.url(input.registerUrl, brand);
  flow.step(2, 'Schalten Sie Ihre Berechtigung mit dem unten stehenden Einmal-Passwort frei.');
  flow.step(
    3,
    'Geben Sie anschließend den Freischaltcode ein, den Sie per E-Mail an die bei der ' +
      'Registrierung angegebene Adresse erhalten.',
  );
  const until = `${formatDate(input.expiresAt)}, ${formatTime(input.expiresAt)} Uhr`;
  flow.codeBox(input.code, `gültig bis ${until}`, brand);
  flow.text(
    'Das Einmal-Passwort kann nur einmal verwendet werden. Bitte bewahren Sie dieses Schreiben ' +
      'sorgfältig auf und geben Sie das Einmal-Passwort nicht an Dritte weiter.',
    { after: 14 },
  );
  flow.text('Mit freundlichen Grüßen', { after: 2 });
  flow.text(`Ihr Team von ${provider.name}`);

  // Footer: who to ask
  const contact = [
    provider.supportEmail ? `E-Mail ${provider.supportEmail}` : null,
    provider.supportPhone ? `Telefon ${provider.supportPhone}` : null,
  ].filter((s): s is string => s !== null);
  rule(page, 24 * MM, MUTED, 0.4);
  const footer = [
    sender,
    contact.length > 0 ? `Fragen zum Service-Portal? ${contact.join(' · ')}` : '',
  ];
  footer.forEach((line, i) => {
    draw(fitText(clean(line), fonts.regular, 8, WIDTH), LEFT, 19 * MM - i * 11, small);
  });

  return Buffer.from(await pdf.save());
}

interface Style {
  size: number;
  font: PDFFont;
  color: Color;
}

/** Lays out text top-down from a start height, wrapping at the content width. */
class TextFlow {
  private y: number;
  private readonly page: PDFPage;
  private readonly clean: (text: string) => string;
  private readonly fonts: Fonts;

  constructor(page: PDFPage, clean: (text: string) => string, fonts: Fonts, top: number) {
    this.page = page;
    this.clean = clean;
    this.fonts = fonts;
    this.y = top;
  }

  text(
    text: string,
    opts: { font?: PDFFont; size?: number; indent?: number; after?: number } = {},
  ) {
    const { font = this.fonts.regular, size = 10.5, indent = 0, after = 0 } = opts;
    for (const line of wrap(this.clean(text), font, size, WIDTH - indent)) {
      this.line(line, LEFT + indent, { size, font, color: TEXT });
    }
    this.y -= after;
  }

  step(n: number, text: string) {
    this.page.drawText(`${n}.`, { x: LEFT + 4, y: this.y, size: 10.5, font: this.fonts.regular });
    this.text(text, { indent: 18, after: 4 });
  }

  /** The URL on a line of its own, shrunk rather than broken so it can be typed from paper. */
  url(url: string, color: Color) {
    const text = this.clean(url);
    const font = this.fonts.bold;
    let size = 10.5;
    while (size > 6 && font.widthOfTextAtSize(text, size) > WIDTH - 18) {
      size -= 0.5;
    }
    for (const line of wrapChars(text, font, size, WIDTH - 18)) {
      this.line(line, LEFT + 18, { size, font, color });
    }
    this.y -= 6;
  }

  codeBox(code: string, validity: string, brand: Color) {
    const height = 24 * MM;
    const top = this.y;
    const bottom = top - height;
    const box = { x: LEFT, y: bottom, width: WIDTH, height, borderColor: brand, borderWidth: 1 };
    this.page.drawRectangle({ ...box, color: rgb(0.96, 0.97, 0.99) });
    const { regular, bold, mono } = this.fonts;
    const text = this.clean(code);
    let size = 24;
    while (size > 10 && mono.widthOfTextAtSize(text, size) > WIDTH - 20) {
      size -= 1;
    }
    const at = (y: number, s: string, style: Style) =>
      this.page.drawText(s, { x: LEFT + 10, y, ...style });
    at(top - 14, 'Ihr Einmal-Passwort', { size: 9, font: regular, color: MUTED });
    at(top - 14 - size, text, { size, font: mono, color: TEXT });
    at(bottom + 8, this.clean(validity), { size: 9.5, font: bold, color: TEXT });
    this.y = bottom - 18;
  }

  private line(text: string, x: number, style: Style) {
    this.page.drawText(text, { x, y: this.y, ...style });
    this.y -= style.size * 1.4;
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
