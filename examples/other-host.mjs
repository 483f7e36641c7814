// The pricer as another Wasm host calls it (a server's runtime, a Shopify discount Function):
// loyalty_host.wasm has no imports and no wasm-bindgen, only plain functions over one buffer in
// its memory (src/bindings/host.rs). Written in JavaScript here to show the calls; a host in Rust
// (wasmtime) or Go (wazero) makes the same ones.
// Usage: node examples/other-host.mjs (after `bash scripts/build.sh`)
import { readFileSync } from 'node:fs';

/** The host pricer in `wasm` (the module's bytes): `program(compiled)` keeps a compiled program,
 * `quote({customer, cart, locale})` prices under it; each returns `{ ok, value }`, the value
 * being the result's JSON read (the quote, or `{ error: { code, path, message } }`); `call(name,
 * bytes)` is either call with the input's bytes as given. */
export function hostPricer(wasm) {
  const { exports } = new WebAssembly.Instance(new WebAssembly.Module(wasm), {});
  const call = (name, input) => {
    const address = exports.loyalty_buffer(input.length);
    new Uint8Array(exports.memory.buffer, address, input.length).set(input);
    const status = exports[name]();
    const output = new Uint8Array(exports.memory.buffer, exports.loyalty_buffer_address(), exports.loyalty_buffer_length());
    return { ok: status === 0, value: JSON.parse(new TextDecoder().decode(output)) };
  };
  return {
    call,
    program: (compiled) => call('loyalty_program', compiled),
    quote: (request) => call('loyalty_quote', new TextEncoder().encode(JSON.stringify(request))),
  };
}

if (process.argv[1] === new URL(import.meta.url).pathname) {
  const pricer = hostPricer(readFileSync(new URL('../www/build/loyalty_host.wasm', import.meta.url)));
  console.log('program:', pricer.program(readFileSync(new URL('../www/build/programs/retail.loyalty', import.meta.url))).ok);
  const { value } = pricer.quote({
    customer: { tier: 'silver' },
    cart: { date: '2026-11-22', lines: [{ sku: 'TEA-01', category: 'grocery', unit_price: '19.99', quantity: 3 }] },
  });
  console.log('payable:', value.payable);
  console.log('refused:', pricer.quote({ cart: { date: '2026-11-22', lines: [{ sku: 'A', unit_price: '-1', quantity: 1 }] } }).value.error);
}
