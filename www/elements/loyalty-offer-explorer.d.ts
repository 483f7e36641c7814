// Types of loyalty-offer-explorer.js: <loyalty-offer-explorer>, the sales rep's view.
import type { Program } from './loyalty-types.js';
import type { LoyaltyErrorEvent } from './loyalty.js';

/** A program the rep can pick. */
export interface ExplorerProgram {
  id: string;
  name: string;
  program: Program;
}

/** Everything the rep has set, to keep in the page's URL. Numbers for money are decimal strings. */
export interface ExplorerState {
  /** The id of the chosen program. */
  program: string;
  /** Edited parameters by path into the program (`tiers.0.threshold`), as decimal strings. */
  edits: Record<string, string>;
  /** Whole currency units a month; null for the middle of the program's scale. */
  monthly: string | null;
  /** Whole percents of the monthly spend by category; null for the program's default mix. */
  mix: Record<string, string> | null;
  months: number;
  /** The seller's gross margin, redemption rate and monthly churn, in percent. */
  margin: string;
  redemption: string;
  churn: string;
}

/** Fired whenever the rep changes something; `detail` is the whole state. */
export class LoyaltyStateEvent extends CustomEvent<ExplorerState> {}

/** Attributes: `locale`, `as-of` (YYYY-MM-DD), `wasm-src`. */
export class LoyaltyOfferExplorerElement extends HTMLElement {
  programs: ExplorerProgram[];
  get state(): ExplorerState;
  /** Fields left out keep their defaults. */
  set state(value: Partial<ExplorerState>);
  locale: string;
  /** The latest results, or null while the inputs are refused. */
  readonly result: { margin: unknown; comparison: unknown[]; catalog: unknown } | null;
}

export function defineLoyaltyOfferExplorer(tag?: string, registry?: CustomElementRegistry): boolean;

declare global {
  interface HTMLElementTagNameMap {
    'loyalty-offer-explorer': LoyaltyOfferExplorerElement;
  }
  interface HTMLElementEventMap {
    'loyalty-state': LoyaltyStateEvent;
    'loyalty-error': LoyaltyErrorEvent;
  }
}
