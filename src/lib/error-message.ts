/** The text to show for a caught error: its message, or the value as text when it has none. */
export function messageOf(error: unknown): string {
  return error instanceof Error && error.message ? error.message : String(error);
}
