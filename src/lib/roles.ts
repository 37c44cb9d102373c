/** For showing or hiding controls only: the server enforces the same rule in access.ts. */
export function roleAllowsEdit(role: 'owner' | 'editor' | 'viewer'): boolean {
  return role === 'owner' || role === 'editor';
}
