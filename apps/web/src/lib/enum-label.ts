/** An API enum value as words: FIRST_REPLY → "First reply", ON_HOLD → "On hold" (API stays upper-case, it is an acronym). */
export function enumLabel(value: string): string {
  if (value === 'API') return 'API';
  const words = value.toLowerCase().replaceAll('_', ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
