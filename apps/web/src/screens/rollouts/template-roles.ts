/** The roles a template's body names (`roles`, "lead" always among them); the lead alone for a body without any. */
export function templateRoles(body: unknown): string[] {
  const roles = (body as { roles?: unknown } | null)?.roles;
  if (!Array.isArray(roles)) return ['lead'];
  const named = roles.filter((role): role is string => typeof role === 'string');
  return named.includes('lead') ? named : ['lead', ...named];
}
