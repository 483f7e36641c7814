// The one error type of the JS layer: a stable `code`, the offending field's `path`, a message.

export class LoyaltyError extends Error {
  constructor(code, path, message) {
    super(message);
    this.name = 'LoyaltyError';
    this.code = code;
    this.path = path;
  }
}

/** Turns what the Wasm module throws (an Error carrying code and path) into a LoyaltyError. */
function wrapError(error) {
  if (error instanceof LoyaltyError) return error;
  if (error && typeof error.code === 'string') {
    return new LoyaltyError(error.code, error.path ?? '', error.detail ?? error.message);
  }
  return new LoyaltyError('wasm_unavailable', '', String(error?.message ?? error));
}

/** Runs `fn`, turning whatever the Wasm module throws into a LoyaltyError. */
export function guarded(fn) {
  try {
    return fn();
  } catch (error) {
    throw wrapError(error);
  }
}
