// The offer explorer's strings in Georgian: loaded only for a page that shows it (see
// `loadExplorerMessages` in i18n-explorer.js); the keys are English's.

export default {
  scrollHint: 'ცხრილი ეკრანზე განიერია: გადაახვიეთ გვერდზე ყველა სვეტის სანახავად →',
  stale: 'შედეგები დამალულია, სანამ მონიშნული მნიშვნელობა არ გასწორდება.',
  line: 'სტრიქონი {n}', item: 'საქონელი', unitPrice: 'ერთეულის ფასი', quantity: 'რაოდენობა', category: 'კატეგორია', noCategory: 'სხვა', addLine: 'სტრიქონის დამატება', removeLine: 'სტრიქონი {n}-ის წაშლა',
  orders: 'შეკვეთა თვეში', basketTotal: 'ჩვეული შეკვეთა {amount} × თვეში {orders} = {total}',
  fieldError: { not_increasing: 'უნდა იყოს წინა დონის ზღვარზე მეტი.', out_of_range: 'დასაშვებ დიაპაზონს მიღმაა.', percentRange: 'შეიყვანეთ პროცენტი 0-დან 100-მდე.', notNegative: 'შეიყვანეთ 0 ან მეტი.', too_precise: 'ზედმეტად ბევრი ათწილადი ნიშანი.',
    wrong_type: 'შეიყვანეთ რიცხვი, მაგალითად {example}.', other: 'ეს მნიშვნელობა არ მიიღება.' },
  title: 'შეთავაზების კონსტრუქტორი', program: 'პროგრამა', parameters: 'პროგრამის პარამეტრები', tierThreshold: '{tier}: ზღვარი',
  rulePercent: '{rule}: ფასდაკლება, %', ruleAmount: '{rule}: ფასდაკლების თანხა', ruleBuy: '{rule}: იყიდე', ruleGet: '{rule}: მიიღე', ruleBreak: '{rule}: % {quantity} ცალიდან', rulePrice: '{rule}: ნაკრების ფასი', multiplierFactor: '{name}: ქულები ×', taxPercent: 'ფასში შემავალი დღგ, %',
  tierDiscount: '{tier}: ფასდაკლება, %', earnPoints: 'დარიცხული ქულები', earnPer: 'თანხაზე', pointValue: 'ქულის ღირებულება',
  maxRedeem: 'ქულებით გადახდა მაქსიმუმ, %', cashback: 'ქეშბექი, %',
  cashbackCap: 'ქეშბექის თვიური ლიმიტი', lifetime: 'მომხმარებლის სიცოცხლე, თვე', lifetimeProfit: 'მთლიანი მოგება სიცოცხლის განმავლობაში', behaviour: 'მომხმარებლის ქცევა',
  months: 'თვეები', economics: 'გამყიდველის ეკონომიკა', margin: 'მთლიანი მარჟა, %', redemption: 'გამოყენებული ქულები, %', churn: 'თვიური გადინება, %',
  impact: 'გავლენა მარჟაზე', revenue: 'შემოსავალი', profitWithout: 'მთლიანი მოგება პროგრამის გარეშე', cost: 'პროგრამის ღირებულება',
  profitWith: 'მთლიანი მოგება პროგრამით', share: 'გაცემული მთლიანი მოგების წილი', uplift: 'ზარალის გარეშე საჭირო ზრდა',
  liability: 'ქულების ვალდებულება', compare: 'ერთი ნომინალი — ოთხი გზა', variant: 'შეთავაზება', benefit: 'მომხმარებლის სარგებელი',
  chartDesc: 'რაც უფრო გრძელია სვეტი, მით უფრო ძვირია გამყიდველისთვის; ყველა სვეტს აწერია მნიშვნელობა.',
  thisProgram: 'ეს პროგრამა', discount5: '5% ფასდაკლება', points5: '5% ქულებით', cashback5: '5% ქეშბექი', membership: 'ფასიანი წევრობა: 10% ფასდაკლება 5% საფასურად',
  catalog: 'ჯილდოების კატალოგი', reward: 'ჯილდო', spendNeeded: 'საჭირო ხარჯი', effectiveReturn: 'რეალური უკუგება',
  invalid: 'მნიშვნელობა არ მიიღება ({code}, {path}): {message}', print: 'ბეჭდვა', loading: 'იტვირთება კონსტრუქტორი…',
  unavailable: 'კონსტრუქტორი ახლა მიუწვდომელია.', notApplicable: '—',
  feeIncome: 'საწევროები ({fees}) შემოსავალია და აღემატება მომხმარებლების სარგებელს ({given}): გადაიხდიან?',
  noEffect: 'ამ გათვლებში არაფერს ცვლის: გეგმის არცერთი შეკვეთა მას არ იყენებს.',
  belowMinimum: ' ქულის {value} ღირებულებით {order}-ის შეკვეთა მაქსიმუმ {most} ქულას იყენებს, {min}-ის მინიმუმზე ნაკლებს: ქულები არ გამოიყენება.',
};
