/**
 * What never goes into the log file, which a school sends to whoever helps it: passwords, tokens,
 * passphrases (and their verifiers and hashes) and personal numbers (ПИН / ИНН, 14 digits).
 * Fields are judged by their name, free text by its shape; both run on every line written.
 */
const SECRET_KEY = /pass(word|phrase)?|token|secret|authorization|cookie|verifier|hash|credential/i;
const PERSONAL_NUMBER_KEY = /(?:^|_)(?:pin|inn)$|[a-z](?:Pin|Inn)$/i;

export const REDACTED = '[redacted]';

const textRules: readonly [RegExp, string][] = [
  // ПИН and ИНН are 14 digits; no other 14-digit number belongs in a log line.
  [/(?<!\d)\d{14}(?!\d)/g, '[personal number]'],
  [/\bBearer\s+[^\s"',;]+/gi, `Bearer ${REDACTED}`],
  // JSON Web Tokens, as Kundoluk issues them.
  [/\beyJ[\w-]+\.[\w-]+\.[\w-]*/g, REDACTED],
  // user:password@ in an address.
  [/(\/\/)[^/\s:@]+:[^/\s@]+@/g, `$1${REDACTED}@`],
  // key=value and "key": "value" for secret-named keys, in messages and query strings.
  [
    /\b([\w-]*(?:password|passphrase|token|secret|pin|inn))(["']?\s*[=:]\s*)("[^"]*"|'[^']*'|[^\s"'&,;}]+)/gi,
    `$1$2${REDACTED}`,
  ],
];

export function redactText(text: string): string {
  return textRules.reduce((result, [pattern, replacement]) => result.replace(pattern, replacement), text);
}

function isSecretKey(key: string): boolean {
  return SECRET_KEY.test(key) || PERSONAL_NUMBER_KEY.test(key);
}

/** A copy of a value for the log: secret-named fields masked at any depth, strings redacted. */
export function redactValue(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return redactText(value);
  if (value === null || typeof value !== 'object') return value;
  if (depth > 6) return '[…]';
  if (Array.isArray(value)) return value.map((item) => redactValue(item, depth + 1));
  return Object.fromEntries(
    Object.entries(value).map(([key, field]) => [
      key,
      isSecretKey(key) ? REDACTED : redactValue(field, depth + 1),
    ]),
  );
}
