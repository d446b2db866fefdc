/** Atomic file writes for the scripts that publish data (snapshot, precomputed dataset). */
import { randomUUID } from 'node:crypto';
import { mkdir, open, rename, rm, type FileHandle } from 'node:fs/promises';
import path from 'node:path';

/**
 * Writes `text` to `file` so that readers see either the old or the new file, never a part: a temporary
 * file in the same directory, flushed to disk, then renamed over the target.
 */
export async function writeFileAtomic(file: string, text: string): Promise<number> {
  const dir = path.dirname(file);
  await mkdir(dir, { recursive: true });
  const tmp = path.join(
    dir,
    `.${path.basename(file)}.${process.pid}.${randomUUID().slice(0, 8)}.tmp`,
  );
  const data = Buffer.from(text, 'utf8');
  let handle: FileHandle | undefined;
  try {
    handle = await open(tmp, 'wx', 0o644);
    await handle.writeFile(data);
    await handle.sync();
    await handle.close();
    handle = undefined;
    await rename(tmp, file);
  } catch (error) {
    await handle?.close().catch(() => undefined);
    await rm(tmp, { force: true });
    throw error;
  }
  // Make the rename itself durable. Best effort: some platforms cannot open a directory.
  try {
    const dirHandle = await open(dir, 'r');
    try {
      await dirHandle.sync();
    } finally {
      await dirHandle.close();
    }
  } catch {
    // ignored
  }
  return data.length;
}
