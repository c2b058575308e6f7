/**
 * RFC 6901 JSON pointers, as ajv writes `instancePath`: `""` is the whole document, `/a/b` the member `b` of
 * member `a`, with `~` written `~0` and `/` written `~1` inside a token.
 */
export const jsonPointer = {
  /** The unescaped tokens of a pointer. Throws a `TypeError` if the pointer is neither `""` nor starts with `/`. */
  parse(pointer: string): string[] {
    if (pointer === '') return [];
    if (!pointer.startsWith('/'))
      throw new TypeError(`Not a JSON pointer: "${pointer}" (it must be "" or start with "/")`);
    return pointer
      .slice(1)
      .split('/')
      .map((token) => token.replace(/~1/g, '/').replace(/~0/g, '~'));
  },

  /** The pointer of `token` inside the value at `pointer`. */
  append(pointer: string, token: string | number): string {
    const text = String(token);
    // Most tokens need no escaping; skipping the two replacements matters to walks over every value of a body.
    if (!text.includes('~') && !text.includes('/')) return `${pointer}/${text}`;
    return `${pointer}/${text.replace(/~/g, '~0').replace(/\//g, '~1')}`;
  },

  /** The pointer made of these unescaped tokens. */
  format(tokens: readonly (string | number)[]): string {
    return tokens.reduce<string>((pointer, token) => jsonPointer.append(pointer, token), '');
  },
};
