import { createHash } from 'node:crypto';
import { type CertificateContent, canonicalJson } from '@tally/domain/certificates';

/** SHA-256 (hex) of the certificate's canonical JSON. */
export function hashCertificate(content: CertificateContent | unknown): string {
  return createHash('sha256').update(canonicalJson(content)).digest('hex');
}
