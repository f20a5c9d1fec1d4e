/** Topics with a help text (help.<topic>.title/body in the ui namespace). */
export const HELP_TOPICS = [
  'start',
  'anmeldung',
  'uebersicht',
  'unternehmen',
  'arbeitsplatz',
  'registrieren',
  'freischalten',
  'protokoll',
  'rufnummernplan',
  'gruppen',
  'sperrprofile',
  'profil',
  'betreiber',
  'unternehmen-anlegen',
  'unternehmen-details',
  'postausgang',
  'katalog',
  'anbieter',
  'erstanmeldung',
  'endgeraete',
  'downloads',
  'arbeitsplaetze',
  'arbeitsplatz-einrichten',
  'arbeitsplatz-details',
  'listenimport',
  'warenkorb',
  'auftraege',
  'betreiber-auftraege',
] as const;
export type HelpTopic = (typeof HELP_TOPICS)[number];

export function isHelpTopic(value: string | undefined): value is HelpTopic {
  return value !== undefined && (HELP_TOPICS as readonly string[]).includes(value);
}

/** The Direkthilfe address: the operator's help site, or the built-in help at /hilfe. */
export function helpUrl(baseUrl: string, topic: HelpTopic): string {
  return `${baseUrl.replace(/\/+$/, '')}/${encodeURIComponent(topic)}`;
}

/** True for URLs with a scheme (https://…) or protocol-relative ones (//host/…). */
export function isAbsoluteUrl(url: string): boolean {
  return /^([a-z][a-z\d+.-]*:)?\/\//i.test(url);
}
