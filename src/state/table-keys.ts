// Azure Table keys may not contain / \ # ? or control characters and stop at
// 1 KiB, while state keys are free text (user ids, conversation ids, 10 KB
// strings). Short keys are base64url-encoded (reversible, readable in Storage
// Explorer after decoding); long ones are replaced by their SHA-256.
import { createHash } from 'node:crypto';

const maxEncoded = 512;

export function tableRowKey(key: string): string {
  const encoded = Buffer.from(key, 'utf8').toString('base64url');
  if (encoded.length <= maxEncoded) return `b${encoded}`;
  return `h${createHash('sha256').update(key, 'utf8').digest('base64url')}`;
}
