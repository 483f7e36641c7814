// Types of loyalty-offer-explorer.js: <loyalty-offer-explorer>, the sales rep's view.
import type { Line, Program } from './loyalty-types.js';
import type { LoyaltyErrorEvent } from './loyalty.js';

/** A line of the client's basket: a cart's line, with the rep's name for the item. */
export type BasketLine = Partial<Line> & Pick<Line, 'unit_price' | 'quantity'> & { name?: string };

/** The client's usual order and how many times a month it is placed. */
export interface ClientBasket {
  lines: BasketLine[];
  orders_per_month: number | string;
}

/** A program the rep can pick, with its typical client's basket. */
export interface ExplorerProgram {
  id: string;
  name: string;
  program: Program;
  basket?: ClientBasket;
}

/** Everything the rep has set, to keep in the page's URL. Numbers for money are decimal strings. */
export interface ExplorerState {
  /** The id of the chosen program. */
  program: string;
  /** Edited parameters by path into the program (`tiers.0.threshold`), as decimal strings. */
  edits: Record<string, string>;
  /** The client's basket as the rep edited it; null for the one the program came with. */
  basket: ClientBasket | null;
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
