/** A form reference (`key@version`) or one of its parts is malformed. A programming or data error: never retried. */
export class FormRefError extends Error {
  override readonly name = 'FormRefError';

  constructor(
    message: string,
    /** The offending input, as given. */
    readonly input: unknown,
  ) {
    super(message);
  }
}
