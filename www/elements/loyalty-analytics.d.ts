// Types of loyalty-analytics.js: projections, margins, comparisons and calculators.
import type {
  Calculation, CompareRequest, ComparisonRow, MarginImpact, MarginRequest, Preview, PreviewRequest,
  Refund, RefundRequest,
  Portfolio, PortfolioCustomer, PortfolioRequest, Program, Projection, ProjectionRequest,
} from './loyalty-types.js';
import { LoyaltyError, type ProgramNames } from './loyalty-core.js';

export { LoyaltyError };
export * from './loyalty-types.js';

export function loadAnalytics(source?: string | URL | BufferSource | WebAssembly.Module): Promise<void>;
export function loadAnalyticsSync(bytes: BufferSource | WebAssembly.Module): void;
export function analyticsMemoryBytes(): number;
export function project(request: ProjectionRequest): Projection;
export function forecast(request: PortfolioRequest): Portfolio;
/** A portfolio's customers kept inside Wasm; each forecast sends only its settings. */
export class LoyaltyPortfolio {
  constructor(customers: PortfolioCustomer[]);
  readonly size: number;
  forecast(settings: Omit<PortfolioRequest, 'customers'>): Portfolio;
  free(): void;
}
export function margin(request: MarginRequest): MarginImpact;
export function compare(request: CompareRequest): ComparisonRow[];
export function preview(request: PreviewRequest): Preview;
/** What a return pays back from the order's own allocation, and the points it moves. */
export function refund(request: RefundRequest): Refund;
/** Each calculator answers with named decimal strings. */
export function calculate(request: Calculation): Record<string, string>;
export function summarize(program: Program, lang: 'en' | 'ru' | 'hy' | 'ka'): string;
/** Every name `program` shows, chosen for `locale` by the core's rule. */
export function names(program: Program, locale?: string): ProgramNames;
