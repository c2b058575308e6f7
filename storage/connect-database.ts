import mongoose, { type Connection } from 'mongoose';

/**
 * Opens a dedicated mongoose connection (not the global one) and waits until it is usable. Fails after
 * `serverSelectionTimeoutMS` (10 s) with the driver's error when the database cannot be reached.
 */
export async function connectDatabase(uri: string): Promise<Connection> {
  const connection = mongoose.createConnection(uri, { serverSelectionTimeoutMS: 10_000, autoIndex: false });
  await connection.asPromise();
  return connection;
}
