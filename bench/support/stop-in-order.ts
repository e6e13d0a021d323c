/** Stops each part in turn; a part that fails to stop is logged, and the parts after it still stop. */
export async function stopInOrder(bench: string, parts: ReadonlyArray<readonly [string, () => unknown]>): Promise<void> {
  for (const [name, stop] of parts) {
    await (async () => stop())().catch((error: unknown) => console.error(`${bench}: stopping ${name} failed:`, error));
  }
}
