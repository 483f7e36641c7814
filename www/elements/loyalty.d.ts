// Types of loyalty.js, the script a shop includes: <loyalty-checkout>, <loyalty-price> and their events.
import type { Cart, Customer, Line, Program, Quote } from './loyalty-types.js';

/** A cart for the element: its lines may carry the product's `name`, used in messages, never sent to the core. */
export type CheckoutCart = Omit<Cart, 'lines'> & { lines?: Array<Line & { name?: string }> };

export { loadCore, LoyaltyEngine, LoyaltyError } from './loyalty-core.js';

export interface LoyaltyQuoteDetail {
  currency: string;
  subtotal: string;
  discountTotal: string;
  pointsRedeemed: number;
  pointsValue: string;
  payable: string;
  /** Each promo code's status, with the core's reason code when it is refused. */
  promoCodes: Array<{ code: string; status: 'accepted' } | { code: string; status: 'refused'; reason: string }>;
  quote: Quote;
}

export interface LoyaltyErrorDetail {
  code: string;
  path: string;
  message: string;
  /** From <loyalty-checkout>: always null, as `element.quote` is after an error. */
  quote?: null;
  /** From <loyalty-checkout>: the sentence the shopper sees, in the element's language. */
  text?: string;
}

export class LoyaltyQuoteEvent extends CustomEvent<LoyaltyQuoteDetail> {}
export class LoyaltyErrorEvent extends CustomEvent<LoyaltyErrorDetail> {}

export class LoyaltyCheckoutElement extends HTMLElement {
  program: Program | null;
  customer: Customer;
  cart: CheckoutCart | null;
  locale: string;
  readonly quote: Quote | null;
  /** The fingerprint of the quote's inputs (64 hex digits), which the seller's server compares when the customer pays; null without a quote. */
  fingerprint(): Promise<string | null>;
}

export function defineLoyaltyCheckout(tag?: string, registry?: CustomElementRegistry): boolean;

/** One product's price for the customer, the points it earns and the way to the next tier; attributes `sku`, `price`, `category`. */
export class LoyaltyPriceElement extends HTMLElement {
  customer: Customer;
  /** The product's line attributes (`fare_class`, `distance_km`), as the program declares them. */
  lineAttributes: Record<string, string> | null;
  readonly quote: Quote | null;
}

export function defineLoyaltyPrice(tag?: string, registry?: CustomElementRegistry): boolean;

declare global {
  interface HTMLElementTagNameMap {
    'loyalty-checkout': LoyaltyCheckoutElement;
    'loyalty-price': LoyaltyPriceElement;
  }
  interface HTMLElementEventMap {
    'loyalty-quote': LoyaltyQuoteEvent;
    'loyalty-error': LoyaltyErrorEvent;
  }
}
