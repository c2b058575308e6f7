import type { Connection } from 'mongoose';
import { connectDatabase } from '../../storage/connect-database';
import { redactMongoUri } from '../servers/redact-mongo-uri';

/**
 * A maintenance command's database connection, or undefined after telling the operator on stderr (prefixed with
 * `command`) that the database at `uri` (credentials hidden) cannot be reached and how to start it.
 */
export async function connectScriptDatabase(command: string, uri: string): Promise<Connection | undefined> {
  try {
    return await connectDatabase(uri);
  } catch (error) {
    process.stderr.write(
      `${command}: cannot reach the database at ${redactMongoUri(uri)} (${(error as Error).message}); ` +
        'start it (npm start) or set MONGODB_URI\n',
    );
    return undefined;
  }
}
