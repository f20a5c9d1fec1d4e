// The links of MyPortal's "Hilfe & Downloads" (seed 003: "Klicken Sie in MyPortal im Hauptmenü
// auf Hilfe & Downloads"): one schema for the installation default (MYPORTAL_DOWNLOADS) and the
// list the operator edits in the provider settings.
import { z } from 'zod';

export const DOWNLOAD_LIMITS = {
  /** Most links in the list. */
  items: 30,
  title: { min: 1, max: 120 },
  url: { max: 500 },
  description: { max: 300 },
} as const;

/** One link: a title, an http(s) address and an optional description ('' when none). */
export const downloadLink = z.object({
  title: z.string().trim().min(DOWNLOAD_LIMITS.title.min).max(DOWNLOAD_LIMITS.title.max),
  url: z.url({ protocol: /^https?$/ }).max(DOWNLOAD_LIMITS.url.max),
  description: z.string().trim().max(DOWNLOAD_LIMITS.description.max).default(''),
});

export const downloadLinks = z.array(downloadLink).max(DOWNLOAD_LIMITS.items);

export type DownloadLink = z.output<typeof downloadLink>;
