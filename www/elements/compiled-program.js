// A compiled program (`loyalty compile`) told apart from JSON by its first bytes.

const MAGIC = [0x4c, 0x4f, 0x59, 0x43]; // "LOYC"

/** Whether `program` is a compiled program's bytes (a Uint8Array or an ArrayBuffer), not JSON. */
export function isCompiledProgram(program) {
  const bytes = program instanceof ArrayBuffer ? new Uint8Array(program) : program;
  return bytes instanceof Uint8Array && MAGIC.every((byte, at) => bytes[at] === byte);
}
