// A float for money must not type-check: amounts are decimal strings.
import { LoyaltyEngine, type Program } from '../../www/elements/loyalty-core.js';

declare const program: Program;
new LoyaltyEngine(program).quote({}, { date: '2026-11-22', lines: [{ sku: 'A', unit_price: 9.99, quantity: 1 }] });
