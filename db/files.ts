// Small file-system questions the database layer asks.
import fs from 'node:fs/promises';

/** Whether `file` exists (and this process may see it). */
export async function exists(file: string): Promise<boolean> {
  return fs.access(file).then(() => true, () => false);
}
