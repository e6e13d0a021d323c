/** An API enum value as a word: URGENT → Urgent, ON_HOLD → On hold. */
export function enumWord(value: string): string {
  const words = value.toLowerCase().replaceAll('_', ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
