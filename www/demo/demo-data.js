// Demo shop data: items to sell and customer histories for each example program.
// Dates are relative to today, so windows such as "this calendar year" always hold the history.

export const PROGRAMS = [
  ['retail', 'Corner Store Rewards (retail)'],
  ['best-variant', 'Cumulative discount (fashion)'],
  ['kasboutik', 'Kasboutik (coffee e-shop)'],
  ['s7-profi', 'S7 Profi (airline, B2B)'],
  ['s7-corporate', 'S7 Corporate (contract)'],
  ['rosneft-family', 'Rosneft Family Team (fuel)'],
  ['officemax-maxperks', 'OfficeMax MaxPerks (office supplies)'],
  ['bwt-dealers', 'BWT dealers (water treatment)'],
  ['etihad-superseller', 'Etihad SuperSeller (travel agents)'],
  ['techaccess', 'TechAccess (IT services)'],
  ['cordiant-dealers', 'Cordiant dealers (tyres)'],
  ['grubhub-perks', 'GrubHub Perks (food delivery)'],
  ['amex-coalition', 'Coalition points'],
  ['okay-card', 'Okay paid card (hypermarket)'],
  ['yerevan-bookshop', 'Book Lovers\' Club (a Yerevan bookshop, an illustration)'],
  ['tbilisi-bakery', 'Friends of the Tone (a Tbilisi bakery, an illustration)'],
  ['vat-retail', 'Prices with VAT included (an illustration)'],
  ['paper-wholesale', 'Paper by the box: quantity breaks (an illustration)'],
  ['bogo-grocery', 'Neighbourhood deals: buy X get Y (an illustration)'],
  ['home-delivery', 'Uyut Home: free and half-price delivery (an illustration)'],
  ['skyline-miles', 'Skyline Miles: miles by distance, fare and season (an illustration)'],
];

const item = (sku, name, category, unit_price, unit_cost, promotional = false) => ({ sku, name, category, unit_price, unit_cost, promotional });
const flight = (sku, name, unit_price, unit_cost, fare_class, distance_km) => ({ ...item(sku, name, 'flight', unit_price, unit_cost), attributes: { fare_class, distance_km } });

/** Items per program, the program's currency (for paying without the widget), the qualifying spend of a regular customer, and any delivery charged. */
export const SHOPS = {
  'retail': { currency: 'USD', spend: '800.00', points: 1500, items: [item('TEA-01', 'Green tea', 'grocery', '19.99', '11.00'), item('MUG-02', 'Mug', 'home', '5.00', '2.10'), item('LAMP-03', 'Desk lamp', 'home', '49.00', '30.00'), item('HEAD-04', 'Headphones', 'electronics', '129.00', '90.00')] },
  'best-variant': { currency: 'RUB', spend: '12000.00', items: [item('COAT', 'Wool coat', 'coats', '22000.00', '14000.00'), item('SCARF', 'Scarf', 'accessories', '1000.00', '450.00')] },
  'kasboutik': { currency: 'RUB', spend: '3000.00', items: [item('BEANS-1KG', 'Coffee beans 1 kg', 'beans', '2000.00', '1100.00'), item('CAPS-100', 'Capsules ×100', 'capsules', '3000.00', '1800.00'), item('MACHINE-X', 'Coffee machine (on promotion)', 'machines', '10000.00', '7000.00', true)] },
  's7-profi': { currency: 'RUB', spend: '3200000.00', points: 40000, items: [item('SVO-OVB-J', 'Moscow–Novosibirsk, business', 'ticket', '45000.00', '30000.00'), item('SVO-LED-Y', 'Moscow–St Petersburg, economy', 'ticket', '6500.00', '4200.00')] },
  's7-corporate': { currency: 'RUB', spend: '400000.00', items: [item('DME-AER-B', 'Moscow–Sochi, business', 'ticket', '100000.00', '70000.00'), item('DME-KZN-Y', 'Moscow–Kazan, economy', 'ticket', '7000.00', '4800.00')] },
  'rosneft-family': { currency: 'RUB', spend: '0', points: 3000, items: [item('AI-95', 'AI-95 fuel, 40 L', 'fuel', '2199.60', '1900.00'), item('COFFEE', 'Coffee to go', 'shop', '85.00', '30.00'), item('WASH', 'Car wash', 'services', '600.00', '250.00')] },
  'officemax-maxperks': { currency: 'USD', spend: '0', items: [item('PAPER-A4', 'A4 paper, 500 sheets', 'paper', '12.00', '7.00'), item('INK-XL', 'Ink cartridge XL', 'ink', '39.99', '22.00')] },
  'bwt-dealers': { currency: 'EUR', spend: '60000.00', items: [item('AQA-PERLA', 'AQA perla softener', 'softeners', '2500.00', '1600.00'), item('FILTER-10', 'Filter cartridge', 'filters', '40.00', '18.00')] },
  'etihad-superseller': { currency: 'USD', spend: '0', items: [item('AUH-LHR-J', 'Abu Dhabi–London, business', 'business', '3200.00', '2600.00'), item('AUH-JFK-F', 'Abu Dhabi–New York, first', 'first', '9800.00', '8200.00'), item('AUH-BOM-Y', 'Abu Dhabi–Mumbai, economy', 'economy', '450.00', '380.00')] },
  'techaccess': { currency: 'USD', spend: '0', items: [item('MSA-SUPPORT', 'Support contract', 'contract', '12345.67', '8000.00'), item('LICENSE', 'Licence seat', 'licence', '300.00', '150.00')] },
  'cordiant-dealers': { currency: 'RUB', spend: '0', points: 2400, items: [item('CORD-R16', 'Cordiant tyre R16', 'tyres', '6200.00', '4700.00'), item('VALVE', 'Valve set', 'parts', '150.00', '60.00')] },
  'grubhub-perks': { currency: 'USD', spend: '0', items: [item('PAD-THAI', 'Pad thai', 'food', '10.00', '4.00'), item('SODA', 'Soda', 'drinks', '2.50', '0.60')] },
  'amex-coalition': { currency: 'USD', spend: '0', points: 5000, items: [item('HOTEL', 'Hotel night', 'travel', '100.00', '70.00'), item('DINNER', 'Dinner', 'dining', '50.00', '30.00')] },
  'okay-card': { currency: 'RUB', spend: '0', items: [item('CHEESE', 'Cheese (member price)', 'selected', '500.00', '320.00'), item('BREAD', 'Bread', 'bakery', '50.00', '25.00')] },
  'yerevan-bookshop': { currency: 'AMD', spend: '80000.00', points: 600, items: [item('SAROYAN', 'Saroyan, short stories', 'books', '6500.00', '4000.00'), item('NOTEBOOK', 'Notebook', 'stationery', '1500.00', '700.00')] },
  'bogo-grocery': { currency: 'RUB', spend: '0', items: [item('YOG-STRAW', 'Strawberry yoghurt', 'yogurt', '79.00', '45.00'), item('YOG-PEACH', 'Peach yoghurt', 'yogurt', '69.00', '40.00'), item('JUICE-APPLE', 'Apple juice, 1 L', 'juice', '120.00', '70.00'), item('JUICE-MANGO', 'Mango juice, 1 L', 'juice', '150.00', '90.00')] },
  'paper-wholesale': { currency: 'RUB', spend: '0', items: [item('PAPER-A4', 'A4 paper, 500 sheets', 'paper', '350.00', '240.00'), item('PAPER-A3', 'A3 paper, 500 sheets', 'paper', '420.00', '300.00'), item('PENS', 'Pens ×10', 'pens', '190.00', '90.00')] },
  'vat-retail': { currency: 'EUR', spend: '0', items: [item('LAMP', 'Desk lamp', 'home', '50.00', '30.00'), item('NOVEL', 'A novel', 'books', '15.00', '9.00')] },
  'home-delivery': { currency: 'RUB', spend: '25000.00', shipping: [{ method: 'courier', price: '390.00' }], items: [item('LAMP', 'Table lamp', 'home', '2200.00', '1300.00'), item('TOWELS', 'Bath towels ×2', 'textiles', '1400.00', '700.00'), item('VASE', 'Glass vase', 'home', '650.00', '300.00')] },
  'skyline-miles': { currency: 'USD', spend: '0', points: 30000, items: [flight('EVN-CDG-J', 'Yerevan–Paris, business', '1450.00', '1000.00', 'J', '3150'), flight('EVN-TBS-Y', 'Yerevan–Tbilisi, economy', '120.00', '80.00', 'Y', '820'), flight('TBS-JFK-Y', 'Tbilisi–New York, economy', '900.00', '700.00', 'Y', '9050')] },
  'tbilisi-bakery': { currency: 'GEL', spend: '400.00', points: 300, items: [item('SHOTI', 'Shoti bread', 'bread', '1.20', '0.50'), item('NAZUKI', 'Nazuki', 'pastry', '3.50', '1.40'), item('NAPOLEON', 'Napoleon cake', 'pastry', '35.00', '15.00')] },
};

/**
 * Each program's typical customer's order, by item and quantity, and how many such orders they
 * place a month: what the tier page and the explorer price, as a quote prices a cart.
 */
const BASKETS = {
  'retail': [2, ['TEA-01', 2], ['MUG-02', 1]],
  'best-variant': [1, ['SCARF', 2]],
  'kasboutik': [1, ['BEANS-1KG', 2], ['CAPS-100', 1], ['MACHINE-X', 1]],
  's7-profi': [2, ['SVO-OVB-J', 2], ['SVO-LED-Y', 4]],
  's7-corporate': [1, ['DME-AER-B', 1], ['DME-KZN-Y', 4]],
  'rosneft-family': [4, ['AI-95', 1], ['COFFEE', 1]],
  'officemax-maxperks': [1, ['PAPER-A4', 5], ['INK-XL', 1]],
  'bwt-dealers': [1, ['AQA-PERLA', 2], ['FILTER-10', 20]],
  'etihad-superseller': [1, ['AUH-LHR-J', 2], ['AUH-JFK-F', 1], ['AUH-BOM-Y', 4]],
  'techaccess': [1, ['MSA-SUPPORT', 1], ['LICENSE', 5]],
  'cordiant-dealers': [2, ['CORD-R16', 16], ['VALVE', 4]],
  'grubhub-perks': [4, ['PAD-THAI', 2], ['SODA', 2]],
  'amex-coalition': [1, ['HOTEL', 2], ['DINNER', 2]],
  'okay-card': [4, ['CHEESE', 2], ['BREAD', 4]],
  'yerevan-bookshop': [1, ['SAROYAN', 1], ['NOTEBOOK', 1]],
  'bogo-grocery': [4, ['YOG-STRAW', 3], ['YOG-PEACH', 1], ['JUICE-APPLE', 2]],
  'paper-wholesale': [1, ['PAPER-A4', 12], ['PAPER-A3', 2], ['PENS', 3]],
  'vat-retail': [1, ['LAMP', 1], ['NOVEL', 2]],
  'home-delivery': [1, ['TOWELS', 1], ['VASE', 2]],
  'skyline-miles': [1, ['EVN-CDG-J', 1], ['EVN-TBS-Y', 2]],
  'tbilisi-bakery': [8, ['SHOTI', 2], ['NAZUKI', 1]],
};

/** A program's typical basket: `{ orders_per_month, lines }`, the lines as a cart has them, with their names. */
export function basketOf(programId) {
  const [orders, ...picks] = BASKETS[programId];
  const items = SHOPS[programId].items;
  return { orders_per_month: orders, lines: picks.map(([sku, quantity]) => ({ ...items.find((i) => i.sku === sku), quantity })) };
}

export function isoDay(offsetDays = 0, from = new Date()) {
  const day = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), from.getUTCDate() + offsetDays));
  return day.toISOString().slice(0, 10);
}

/** The three customers of the picker, for one program. */
export function customers(programId, today = new Date()) {
  const shop = SHOPS[programId];
  const firstOfYear = `${today.getUTCFullYear()}-01-01`;
  const regular = {
    spend: shop.spend === '0' ? [] : [{ date: firstOfYear, amount: shop.spend }],
    points: shop.points ? [{ points: shop.points, earned: isoDay(-40, today) }] : [],
    first_purchase_made: true,
    last_purchase: isoDay(-20, today),
    member_until: isoDay(200, today),
    credit_history: [],
  };
  return {
    new: {},
    regular,
    b2b: { ...regular, company_id: 'ACME-LLC', employee_id: 'E-042' },
  };
}
