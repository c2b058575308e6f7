import { readFile, stat } from 'node:fs/promises';

/**
 * Reads a text file of a web build (an HTML page the API serves), kept in memory and read again only when the
 * build changes it (its mtime). Resolves undefined when there is no such file (no build yet); other errors reject.
 */
export function createBuildFileReader(filePath: string): () => Promise<string | undefined> {
  let cached: { mtimeMs: number; text: string } | undefined;
  return async () => {
    try {
      const { mtimeMs } = await stat(filePath);
      if (cached?.mtimeMs !== mtimeMs) cached = { mtimeMs, text: await readFile(filePath, 'utf8') };
      return cached.text;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  };
}
