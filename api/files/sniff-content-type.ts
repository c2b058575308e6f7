/** The attachment types accepted, with the leading bytes each must start with. */
const SIGNATURES: { type: string; matches: (b: Buffer) => boolean }[] = [
  { type: 'image/jpeg', matches: (b) => b.length > 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  {
    type: 'image/png',
    matches: (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  },
  {
    type: 'image/webp',
    matches: (b) => b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP',
  },
  { type: 'application/pdf', matches: (b) => b.subarray(0, 5).toString('latin1') === '%PDF-' },
];

export const ACCEPTED_CONTENT_TYPES: readonly string[] = SIGNATURES.map((s) => s.type);

/**
 * Whether `bytes` really are of the declared `contentType` (by magic bytes), so a script or HTML page cannot be
 * stored as an "image" and later served to a browser. False for any type not accepted.
 */
export function contentMatches(contentType: string, bytes: Buffer): boolean {
  return SIGNATURES.some((s) => s.type === contentType && s.matches(bytes));
}
