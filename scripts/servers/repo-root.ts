import { resolve } from 'node:path';

/** Absolute path of the repository (this file is scripts/servers/repo-root.ts). */
export const repoRoot: string = resolve(__dirname, '..', '..');
