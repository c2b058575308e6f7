import { loadEmbedSigningKeys } from '../../api/embed/load-embed-signing-keys';
import { firstAdminConfigOf } from '../seed/first-admin-config';
import type { HosoMode } from './runtime-config';

/**
 * Refuses (throws, with a message that names no secret) what would make this installation unsafe: embed signing keys
 * that are missing in production, short, placeholders or the old single HOSO_EMBED_SECRET (loadEmbedSigningKeys; in
 * demo mode this creates the demo key file), and a first administrator's settings that are incomplete or weak
 * (firstAdminConfigOf; whether one is needed at all is the seed's to know, as it depends on the database).
 */
export function checkStartSecrets(mode: HosoMode, dataDir: string): void {
  loadEmbedSigningKeys({ env: process.env, mode, dataDir });
  if (mode === 'production') firstAdminConfigOf(process.env);
}
