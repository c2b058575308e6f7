import { createServer } from 'node:net';

/**
 * The range ports are drawn from: below Linux's ephemeral range (32768–60999), which the OS hands out to every
 * `listen(0)` and outgoing connection. A port drawn from the ephemeral range was only free at that moment: the
 * Temporal dev server, starting its internal services on OS-chosen ports before it binds its Web UI, once took the
 * UI port chosen for it ("bind: address already in use"). Ports here are never handed out by the OS.
 */
const LOWEST = 20_000;
const HIGHEST = 32_000;
/** Fixed ports of `npm start` and the usual MongoDB ports, never returned. */
const RESERVED = new Set([27_017, 27_018, 27_019]);

/**
 * A free TCP port on `host`: a random port of 20000–32000 that can be bound now (bound, then closed). Only a
 * process that binds that very port by number can take it before our server binds it, not the OS's ephemeral
 * allocations. Rejects if the host cannot be bound at all or no free port is found in 200 tries.
 */
export async function findFreePort(host = '127.0.0.1'): Promise<number> {
  for (let attempt = 0; attempt < 200; attempt++) {
    const port = LOWEST + Math.floor(Math.random() * (HIGHEST - LOWEST + 1));
    if (RESERVED.has(port)) continue;
    if (await canBind(host, port)) return port;
  }
  throw new Error(`no free port found on ${host} in ${LOWEST}–${HIGHEST}`);
}

function canBind(host: string, port: number): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE' || error.code === 'EACCES') resolve(false);
      else reject(error);
    });
    server.listen({ host, port, exclusive: true }, () => server.close(() => resolve(true)));
  });
}
