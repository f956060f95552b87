// The sensitive-data types the DLP detectors report. PII types use Presidio's
// entity names so evaluation data and third-party tools line up without a map.

export const piiTypes = [
  'EMAIL_ADDRESS',
  'PHONE_NUMBER',
  'CREDIT_CARD',
  'IBAN_CODE',
  'US_SSN',
  'UK_NINO',
  'IP_ADDRESS',
  'STREET_ADDRESS',
  'PERSON',
  'DATE_OF_BIRTH',
] as const;

export const secretTypes = [
  'AZURE_STORAGE_KEY',
  'AZURE_CONNECTION_STRING',
  'AZURE_SAS_TOKEN',
  'AWS_ACCESS_KEY',
  'AWS_SECRET_KEY',
  'GITHUB_TOKEN',
  'SLACK_TOKEN',
  'JWT',
  'PRIVATE_KEY',
  'URL_PASSWORD',
  'PASSWORD',
] as const;

export type PiiType = (typeof piiTypes)[number];
export type SecretType = (typeof secretTypes)[number];
export type SensitiveType = PiiType | SecretType;
export const sensitiveTypes: readonly SensitiveType[] = [...piiTypes, ...secretTypes];

export function isSecretType(type: string): type is SecretType {
  return (secretTypes as readonly string[]).includes(type);
}

/** One detector hit in the text it was run on. `rule` is a stable id safe for audit logs. */
export interface SensitiveFinding {
  type: SensitiveType;
  start: number;
  end: number;
  rule: string;
}
