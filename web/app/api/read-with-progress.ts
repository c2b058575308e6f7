/**
 * A response's body as a Blob, read chunk by chunk so that `onProgress` hears how many bytes have arrived and, when
 * the server said (`Content-Length`), how many there are in all (null otherwise). Without a readable stream (an old
 * browser) it reads the body at once and reports it whole.
 */
export async function readWithProgress(
  res: Response,
  onProgress: (received: number, total: number | null) => void,
): Promise<Blob> {
  const length = Number(res.headers.get('content-length'));
  const total = Number.isFinite(length) && length > 0 ? length : null;
  const type = res.headers.get('content-type') ?? '';
  if (!res.body) {
    const blob = await res.blob();
    onProgress(blob.size, total ?? blob.size);
    return blob;
  }
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let received = 0;
  onProgress(0, total);
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    received += value.length;
    onProgress(received, total);
  }
  return new Blob(chunks as unknown as ConstructorParameters<typeof Blob>[0], { type });
}
