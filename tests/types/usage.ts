// What an integrator writes, type-checked against the published definitions.
import { loadCoreSync, LoyaltyEngine, LoyaltyError, type Program, type Quote } from '../../www/elements/loyalty-core.js';
import { project, type Projection } from '../../www/elements/loyalty-analytics.js';
import type { LoyaltyCheckoutElement, LoyaltyQuoteDetail } from '../../www/elements/loyalty.js';
import type {} from '../../www/elements/loyalty-tier-preview.js';
import type { ExplorerState } from '../../www/elements/loyalty-offer-explorer.js';

declare const bytes: Uint8Array;
declare const program: Program;

loadCoreSync(bytes);
const engine = new LoyaltyEngine(program);
const quote: Quote = engine.quote({ tier: 'silver' }, { date: '2026-11-22', lines: [{ sku: 'A', unit_price: '9.99', quantity: 2 }] });
const payable: string = quote.payable;
const earned: number | undefined = quote.points?.earned;

try {
  engine.quote(undefined, { date: '2026-11-22', lines: [] });
} catch (error) {
  if (error instanceof LoyaltyError) console.log(error.code, error.path);
}

const months: Projection = project({ program, start: '2026-12-01', months: 12, plan: { monthly: { spend: [{ amount: '150.00' }] } } });
const basket: Projection = project({ program, start: '2026-12-01', months: 12, plan: { basket: { lines: [{ sku: 'TEA-01', unit_price: '19.99', quantity: 2 }], orders_per_month: 2 } } });
console.log(basket.months[0].points_earned);
console.log(payable, earned, months.totals.points_earned);

const widget = document.querySelector('loyalty-checkout') as LoyaltyCheckoutElement;
widget.addEventListener('loyalty-quote', (event) => {
  const detail: LoyaltyQuoteDetail = event.detail;
  console.log(detail.payable);
  for (const code of detail.promoCodes) if (code.status === 'refused') console.log(code.code, code.reason);
});
widget.cart = { date: '2026-11-22', lines: [{ sku: 'TEA-01', name: 'Green tea', unit_price: '19.99', quantity: 1 }] };

const tierPage = document.querySelector('loyalty-tier-preview');
if (tierPage) tierPage.basket = { lines: [{ sku: 'TEA-01', name: 'Green tea', unit_price: '19.99', quantity: 2 }], orders_per_month: 2 };
tierPage?.addEventListener('loyalty-preview', (event) => console.log(event.detail.qualifying, event.detail.reach?.remaining));
const explorer = document.querySelector('loyalty-offer-explorer');
explorer?.addEventListener('loyalty-state', (event) => {
  const state: ExplorerState = event.detail;
  console.log(state.edits['tiers.0.threshold'] ?? state.basket?.orders_per_month, state.basket?.lines[0]?.quantity);
});
if (explorer) explorer.state = { margin: '25' };
