// Generated documents (welcome letters) are stored encrypted with the installation secret: they
// carry one-time codes, and a database dump alone must not reveal them.
import type { Executor } from '../../db/client.ts';
import { decrypt, encrypt } from '../crypto.ts';
import { insertDocument, selectDocument } from './outbox.repository.ts';

export interface NewDocument {
  companyId: string;
  kind: string;
  filename: string;
  contentType: string;
  content: Buffer;
  createdBy: string | null;
  createdAt: Date;
}

export interface StoredDocument {
  filename: string;
  contentType: string;
  content: Buffer;
}

/** Stores a document encrypted; returns its id. */
export function storeDocument(db: Executor, secret: string, doc: NewDocument): Promise<string> {
  return insertDocument(db, { ...doc, content: encrypt(secret, doc.content) });
}

/** Loads and decrypts a document of the given company; another company's document is null. */
export async function loadDocument(
  db: Executor,
  secret: string,
  ref: { companyId: string; documentId: string },
): Promise<StoredDocument | null> {
  const row = await selectDocument(db, ref.companyId, ref.documentId);
  if (!row) {
    return null;
  }
  return {
    filename: row.filename,
    contentType: row.contentType,
    content: decrypt(secret, row.content),
  };
}
