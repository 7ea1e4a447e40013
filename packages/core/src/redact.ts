const replacements: [RegExp, string][] = [
  [/\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/gi, '$1 [redacted]'],
  [/\beyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*/g, '[redacted]'],
  [/("?(?:access_token|id_token|refresh_token|client_secret)"?\s*[:=]\s*"?)[^"&\s,}]+/gi, '$1[redacted]'],
];

/**
 * Removes credentials from text that may reach a log, an error or an output item: Authorization header values,
 * JWTs, token fields, and any known secret given.
 */
export function redact(text: string, secrets: readonly (string | undefined)[] = []): string {
  let result = text;
  for (const secret of secrets) {
    if (secret && secret.length >= 4) result = result.split(secret).join('[redacted]');
  }
  for (const [pattern, replacement] of replacements) result = result.replace(pattern, replacement);
  return result;
}
