import { createServer } from 'node:net';

/**
 * True when nothing listens on host:port, tested by binding it for a moment. Any bind error other than
 * EADDRINUSE (e.g. EACCES for a privileged port) is rethrown, because "taken" would be the wrong message.
 */
export function isPortFree(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE') resolve(false);
      else reject(error);
    });
    server.listen({ host, port, exclusive: true }, () => server.close(() => resolve(true)));
  });
}
