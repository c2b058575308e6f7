import { createServer } from 'node:net';

/**
 * Asks the OS for a free TCP port on `host` (listen on port 0, read the port, close). The port is only free at
 * that moment: another process can take it before our server binds it. The OS hands out ephemeral ports
 * (32768–60999 on Linux), so this never returns the fixed defaults of `npm start` (3000, 7233, 8233, 27018).
 * Rejects if the host cannot be bound at all.
 */
export function findFreePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen({ host, port: 0, exclusive: true }, () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : undefined;
      server.close(() => (port ? resolve(port) : reject(new Error(`no port assigned on ${host}`))));
    });
  });
}
