/** Atomic file writes for the scripts that publish data (snapshot, precomputed dataset). */
import { randomUUID } from 'node:crypto';
import { mkdir, open, rename, rm, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Where temporary files are written: outside public/, so that a run killed while writing leaves nothing
 * that `vite build` would copy into the site (the project root's .snapshot-tmp/, same file system).
 */
// From the module's path as text: also under jsdom, whose URL class Node's fileURLToPath refuses.
export const DEFAULT_TMP_DIR = `${path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../.snapshot-tmp')}${path.sep}`;

/**
 * Writes `text` to `file` so that readers see either the old or the new file, never a part: a temporary
 * file in `tmpDir` (never the folder of `file`, which may be served or shipped), flushed to disk, then
 * renamed over the target. `tmpDir` must be on the same file system as `file`.
 */
export async function writeFileAtomic(
  file: string,
  text: string,
  tmpDir: string = DEFAULT_TMP_DIR,
): Promise<number> {
  const dir = path.dirname(file);
  await mkdir(dir, { recursive: true });
  await mkdir(tmpDir, { recursive: true });
  const tmp = path.join(
    tmpDir,
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
