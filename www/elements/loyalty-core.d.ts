// Types of loyalty-core.js: the checkout's Wasm core for browsers and Node.
import type { Cart, Customer, ErrorCode, Program, Quote } from './loyalty-types.js';

export * from './loyalty-types.js';

/** Every refusal: a stable code, the JSON path of the field, and a message. */
export class LoyaltyError extends Error {
  readonly code: ErrorCode | 'not_initialised' | 'wasm_unavailable' | 'freed' | (string & {});
  readonly path: string;
}

/** Loads the Wasm module once; `source` is its URL (default: next to this file) or its bytes. */
export function loadCore(source?: string | URL | BufferSource | WebAssembly.Module): Promise<void>;
/** Loads the module from bytes at once, as Node does on a server. */
export function loadCoreSync(bytes: BufferSource | WebAssembly.Module): void;
/** The size of the module's linear memory in bytes, for leak checks. */
export function wasmMemoryBytes(): number;

/** A tier's or a membership's name and perks in one language. */
export interface NameWithPerks {
  name: string;
  perks: string[];
}

/**
 * Every name a program shows, in one language, by id: the locale's own text, else its language's,
 * else that of the languages the program falls back on (`fallback_languages`, or English), else
 * the program's default language's, else the first given.
 */
export interface ProgramNames {
  program: string;
  description?: string;
  tiers: Record<string, NameWithPerks>;
  discounts: Record<string, string>;
  events: Record<string, string>;
  catalog: Record<string, string>;
  coalition: Record<string, string>;
  chance_rewards: Record<string, string>;
  membership?: NameWithPerks;
  categories: Record<string, string>;
}

/** A compiled program's bytes (`loyalty compile program.json -o program.loyalty`). */
export type CompiledProgram = Uint8Array | ArrayBuffer;

/** Whether `program` is a compiled program's bytes rather than JSON. */
export function isCompiledProgram(program: unknown): program is CompiledProgram;
/**
 * Loads the program compiler, a module of its own, so that engines can be made from JSON
 * programs; `source` is its .wasm's URL (default: next to this file) or its bytes.
 */
export function loadCompiler(source?: string | URL | BufferSource | WebAssembly.Module): Promise<void>;
/** A JSON program checked and compiled into the bytes a shop ships; needs `loadCompiler()`. */
export function compileProgram(program: Program | string): Uint8Array;
/** An engine for a compiled program, or for a JSON program with the compiler loaded first. */
export function engineFor(program: CompiledProgram | Program | string): Promise<LoyaltyEngine>;

/** What the widgets read of a program besides its names. */
export interface ProgramOutline {
  id: string;
  currency: string;
  tier_rules: { qualifies_on: 'spend' | 'points' };
  tiers: { id: string; discount_percent: string | null; earn_multiplier: string | null }[];
  points: { min_redeem: number; value_per_point: string; expiry_months: number | null } | null;
}

/** A compiled program kept inside Wasm. */
export class LoyaltyEngine {
  /**
   * A compiled program's bytes, or a JSON program once `loadCompiler()` has loaded the compiler.
   * Throws a LoyaltyError when the program is invalid.
   */
  constructor(program: CompiledProgram | Program | string);
  /** What the widgets read of the program besides its names. */
  outline(): ProgramOutline;
  /** Names in the quote come out in `locale` (`ka`, `ru-RU`), by default the program's default language. */
  quote(customer: Customer | undefined, cart: Cart, locale?: string): Quote;
  /** The same quote as compact JSON text. */
  quoteJson(customer: Customer | undefined, cart: Cart, locale?: string): string;
  /** Every name the program shows, chosen for `locale` by the core's rule. */
  names(locale?: string): ProgramNames;
  /** The inputs' fingerprint (64 hex digits), which the seller's server compares when the customer pays. */
  fingerprint(customer: Customer | undefined, cart: Cart): Promise<string>;
  free(): void;
}
