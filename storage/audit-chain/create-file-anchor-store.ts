import { mkdir, open, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { AuditAnchor, AuditAnchorStore } from './audit-anchor-store';

/** The anchor file's name in HOSO_DATA_DIR. */
export const AUDIT_ANCHOR_FILE = 'audit-anchors.log';

/**
 * Anchors as JSON lines appended to `path` (opened in append mode and synced before append resolves, so a written
 * anchor survives a crash). A line that is not an anchor (a torn last line after a power cut) is skipped when read.
 */
export function createFileAnchorStore(path: string): AuditAnchorStore {
  return {
    async append(anchor) {
      await mkdir(dirname(path), { recursive: true });
      const file = await open(path, 'a');
      try {
        await file.appendFile(`${JSON.stringify({ seq: anchor.seq, hash: anchor.hash, at: anchor.at })}\n`);
        await file.sync();
      } finally {
        await file.close();
      }
    },
    async readAll() {
      let text: string;
      try {
        text = await readFile(path, 'utf8');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
        throw error;
      }
      return text.split('\n').flatMap((line) => {
        try {
          const a = JSON.parse(line) as Partial<AuditAnchor>;
          return typeof a.seq === 'number' && typeof a.hash === 'string' && typeof a.at === 'string'
            ? [{ seq: a.seq, hash: a.hash, at: a.at }]
            : [];
        } catch {
          return [];
        }
      });
    },
  };
}
