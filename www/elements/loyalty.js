// The script a shop includes: it registers <loyalty-checkout> and <loyalty-price>. The Wasm loads
// lazily, when an element connects, so this never blocks the host page.
import { defineLoyaltyCheckout } from './loyalty-checkout.js';
import { defineLoyaltyPrice } from './loyalty-price.js';

export { LoyaltyCheckoutElement, LoyaltyQuoteEvent, LoyaltyErrorEvent, defineLoyaltyCheckout } from './loyalty-checkout.js';
export { LoyaltyPriceElement, defineLoyaltyPrice } from './loyalty-price.js';
export { loadCore, LoyaltyEngine, LoyaltyError } from './loyalty-core.js';

defineLoyaltyCheckout();
defineLoyaltyPrice();
