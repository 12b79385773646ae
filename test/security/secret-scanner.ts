/** A value that must never be found, and the name a finding reports instead of the value. */
export interface Secret {
  label: string;
  value: string;
}

/** Where a secret was found: its label and a location, never the value itself. */
export interface SecretFinding {
  label: string;
  where: string;
}

/** Forms shorter than this are not looked for: they would match by chance. */
const MIN_FORM_LENGTH = 8;

/**
 * The spellings a secret may take in a body, a header or a log line: as it is, percent-encoded,
 * JSON-escaped (with or without \u escapes for non-ASCII), and inside base64 or base64url at any of the
 * three byte alignments (as a Basic credential or an encoded token would carry it).
 */
export function secretForms(value: string): string[] {
  const forms = [
    value,
    encodeURIComponent(value),
    JSON.stringify(value).slice(1, -1),
    JSON.stringify(value)
      .slice(1, -1)
      .replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`),
    ...(["base64", "base64url"] as const).flatMap((encoding) => inBase64(value, encoding)),
  ];
  return [...new Set(forms)].filter((form) => form.length >= MIN_FORM_LENGTH);
}

/**
 * The base64 characters that encode only the secret's bytes when 0, 1 or 2 bytes come before it: the
 * characters shared with what comes before or after are cut off.
 */
function inBase64(value: string, encoding: "base64" | "base64url"): string[] {
  const bytes = Buffer.from(value, "utf8");
  return [0, 1, 2].map((before) => {
    const text = Buffer.concat([Buffer.alloc(before), bytes])
      .toString(encoding)
      .replace(/=+$/, "");
    return text.slice(before === 0 ? 0 : before + 1, -1);
  });
}

/**
 * Looks for every form of every secret in `text` and reports each secret found once, with `where`.
 * Case-sensitive: secrets, ids and base64 are.
 */
export function findSecrets(text: string, secrets: readonly Secret[], where: string): SecretFinding[] {
  const findings: SecretFinding[] = [];
  for (const secret of secrets) {
    if (secretForms(secret.value).some((form) => text.includes(form)))
      findings.push({ label: secret.label, where });
  }
  return findings;
}
