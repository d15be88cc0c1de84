import "server-only";

// Provider messages and runtime errors are echoed into client errors, which end up in logs: every
// credential is scrubbed from them in case anything on the way ever repeats it.

export function redactSecrets(secrets: readonly string[]): (text: string) => string {
  return (text) => secrets.reduce((t, secret) => (secret ? t.split(secret).join("[redacted]") : t), text);
}
