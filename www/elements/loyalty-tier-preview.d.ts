// Types of loyalty-tier-preview.js: <loyalty-tier-preview>, the customer's view of a program.
import type { Customer, Line, Preview, Program } from './loyalty-types.js';
import type { LoyaltyErrorEvent } from './loyalty.js';

/** Fired with each new preview; `detail` is the core's preview (amounts as decimal strings). */
export class LoyaltyPreviewEvent extends CustomEvent<Preview> {}

/**
 * Attributes: `program-src`, `locale`, `as-of` (YYYY-MM-DD), `monthly-spend` (without a basket,
 * the usual order's amount, a decimal string), `months`.
 */
export class LoyaltyTierPreviewElement extends HTMLElement {
  program: Program | null;
  customer: Customer;
  /** The customer's usual order (cart lines, each with an optional `name`) and how often it is placed. */
  basket: { lines: (Line & { name?: string })[]; orders_per_month?: number } | null;
  locale: string;
  readonly preview: Preview | null;
}

export function defineLoyaltyTierPreview(tag?: string, registry?: CustomElementRegistry): boolean;

declare global {
  interface HTMLElementTagNameMap {
    'loyalty-tier-preview': LoyaltyTierPreviewElement;
  }
  interface HTMLElementEventMap {
    'loyalty-preview': LoyaltyPreviewEvent;
    'loyalty-error': LoyaltyErrorEvent;
  }
}
