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
 * else the program's default language's, else the first given.
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

/** A program validated once and kept inside Wasm. */
export class LoyaltyEngine {
  /** Throws a LoyaltyError when the program is invalid. */
  constructor(program: Program | string);
  /** Names in the quote come out in `locale` (`ka`, `ru-RU`), by default the program's default language. */
  quote(customer: Customer | undefined, cart: Cart, locale?: string): Quote;
  /** The same quote as compact JSON text. */
  quoteJson(customer: Customer | undefined, cart: Cart, locale?: string): string;
  /** Every name the program shows, chosen for `locale` by the core's rule. */
  names(locale?: string): ProgramNames;
  /** The inputs' fingerprint (64 hex digits), which the seller's server compares when the customer pays. */
  fingerprint(customer: Customer | undefined, cart: Cart): string;
  free(): void;
}
