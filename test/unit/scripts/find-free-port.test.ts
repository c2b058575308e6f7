import { createServer } from 'node:net';
import { findFreePort } from '../../../scripts/servers/find-free-port';

describe('findFreePort', () => {
  it('returns a port below the ephemeral range that a server can then bind', async () => {
    const port = await findFreePort();
    expect(port).toBeGreaterThanOrEqual(20_000);
    expect(port).toBeLessThan(32_768);
    const server = createServer();
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen({ host: '127.0.0.1', port, exclusive: true }, resolve);
    });
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('skips a port that is in use and draws another', async () => {
    const busy = createServer();
    const taken = await findFreePort();
    await new Promise<void>((resolve) => busy.listen({ host: '127.0.0.1', port: taken }, resolve));
    // The first draw lands on the busy port, the second anywhere else.
    const draw = jest.spyOn(Math, 'random').mockReturnValueOnce((taken - 20_000 + 0.5) / 12_001);
    try {
      const port = await findFreePort();
      expect(draw).toHaveBeenCalledTimes(2);
      expect(port).not.toBe(taken);
    } finally {
      draw.mockRestore();
      await new Promise<void>((resolve) => busy.close(() => resolve()));
    }
  });
});
