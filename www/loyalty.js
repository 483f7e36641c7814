// The script a shop includes: it registers <loyalty-checkout>. The Wasm loads lazily, when an
// element connects, so this never blocks the host page.
import { defineLoyaltyCheckout } from './loyalty-checkout.js';

export { LoyaltyCheckoutElement, LoyaltyQuoteEvent, LoyaltyErrorEvent, defineLoyaltyCheckout } from './loyalty-checkout.js';
export { loadCore, LoyaltyEngine, LoyaltyError } from './loyalty-core.js';

defineLoyaltyCheckout();
