// The offer explorer's strings, in English, Russian, Armenian and Georgian. `{name}` marks a value.

const MESSAGES = {
  en: {
    title: 'Offer explorer', program: 'Program', parameters: 'Program parameters', tierThreshold: '{tier}: threshold',
    tierDiscount: '{tier}: discount %', earnPoints: 'Points earned', earnPer: 'per amount', pointValue: 'Value of a point',
    maxRedeem: 'Points may pay up to %', cashback: 'Cashback %', behaviour: 'Customer behaviour', monthly: 'Monthly spend',
    months: 'Months', economics: 'Seller economics', margin: 'Gross margin %', redemption: 'Points redeemed %', churn: 'Monthly churn %',
    impact: 'Margin impact', revenue: 'Revenue', profitWithout: 'Gross profit without the program', cost: 'Program cost',
    profitWith: 'Gross profit with the program', share: 'Share of gross profit given away', uplift: 'Volume needed to break even',
    liability: 'Points liability', compare: 'Same face value, four ways', variant: 'Offer', benefit: 'Customer benefit',
    chartTitle: 'Share of gross profit given away, by offer', chartDesc: 'Longer bars cost the seller more; each bar is labelled with its value.',
    thisProgram: 'This program', discount5: '5% discount', points5: '5% in points', cashback5: '5% cashback', membership: 'Paid membership: 10% off for a 5% fee',
    catalog: 'Catalog rewards', reward: 'Reward', spendNeeded: 'Spend needed', effectiveReturn: 'Effective return',
    invalid: 'This value is refused ({code} at {path}): {message}', print: 'Print', loading: 'Loading the explorer…',
    unavailable: 'The explorer is unavailable right now.', notApplicable: 'n/a',
  },
  ru: {
    title: 'Конструктор предложения', program: 'Программа', parameters: 'Параметры программы', tierThreshold: '{tier}: порог',
    tierDiscount: '{tier}: скидка, %', earnPoints: 'Начисляется баллов', earnPer: 'за сумму', pointValue: 'Стоимость балла',
    maxRedeem: 'Баллами можно оплатить до, %', cashback: 'Кешбэк, %', behaviour: 'Поведение клиента', monthly: 'Покупки в месяц',
    months: 'Месяцев', economics: 'Экономика продавца', margin: 'Валовая маржа, %', redemption: 'Используется баллов, %', churn: 'Отток в месяц, %',
    impact: 'Влияние на маржу', revenue: 'Выручка', profitWithout: 'Валовая прибыль без программы', cost: 'Стоимость программы',
    profitWith: 'Валовая прибыль с программой', share: 'Доля отданной валовой прибыли', uplift: 'Рост продаж для безубыточности',
    liability: 'Обязательства по баллам', compare: 'Одинаковый номинал — четыре способа', variant: 'Предложение', benefit: 'Выгода клиента',
    chartTitle: 'Доля отданной валовой прибыли по предложениям', chartDesc: 'Чем длиннее столбец, тем дороже продавцу; у каждого столбца подписано значение.',
    thisProgram: 'Эта программа', discount5: 'Скидка 5%', points5: '5% баллами', cashback5: 'Кешбэк 5%', membership: 'Платный клуб: скидка 10% за взнос 5%',
    catalog: 'Каталог наград', reward: 'Награда', spendNeeded: 'Нужно потратить', effectiveReturn: 'Реальная отдача',
    invalid: 'Значение не принято ({code}, {path}): {message}', print: 'Печать', loading: 'Загружаем конструктор…',
    unavailable: 'Конструктор сейчас недоступен.', notApplicable: 'н/д',
  },
  hy: {
    title: 'Առաջարկի կառուցիչ', program: 'Ծրագիր', parameters: 'Ծրագրի պարամետրեր', tierThreshold: '{tier}՝ շեմ',
    tierDiscount: '{tier}՝ զեղչ, %', earnPoints: 'Կուտակվող միավորներ', earnPer: 'գումարի համար', pointValue: 'Միավորի արժեքը',
    maxRedeem: 'Միավորներով վճարել մինչև, %', cashback: 'Կեշբեք, %', behaviour: 'Հաճախորդի վարքը', monthly: 'Ամսական գնումներ',
    months: 'Ամիսներ', economics: 'Վաճառողի տնտեսագիտությունը', margin: 'Համախառն մարժա, %', redemption: 'Օգտագործվող միավորներ, %', churn: 'Ամսական արտահոսք, %',
    impact: 'Ազդեցությունը մարժայի վրա', revenue: 'Հասույթ', profitWithout: 'Համախառն շահույթ առանց ծրագրի', cost: 'Ծրագրի արժեքը',
    profitWith: 'Համախառն շահույթ ծրագրով', share: 'Տրված համախառն շահույթի մասնաբաժինը', uplift: 'Անվնասության համար անհրաժեշտ աճը',
    liability: 'Միավորների պարտավորությունը', compare: 'Նույն անվանական արժեքը՝ չորս եղանակով', variant: 'Առաջարկ', benefit: 'Հաճախորդի օգուտը',
    chartTitle: 'Տրված համախառն շահույթի մասնաբաժինը՝ ըստ առաջարկի', chartDesc: 'Որքան երկար է սյունը, այնքան թանկ է վաճառողի համար. յուրաքանչյուր սյան արժեքը նշված է։',
    thisProgram: 'Այս ծրագիրը', discount5: '5% զեղչ', points5: '5% միավորներով', cashback5: '5% կեշբեք', membership: 'Վճարովի անդամակցություն՝ 10% զեղչ 5% վճարով',
    catalog: 'Պարգևների կատալոգ', reward: 'Պարգև', spendNeeded: 'Անհրաժեշտ ծախս', effectiveReturn: 'Իրական եկամտաբերություն',
    invalid: 'Արժեքը չի ընդունվել ({code}, {path})՝ {message}', print: 'Տպել', loading: 'Բեռնում ենք կառուցիչը…',
    unavailable: 'Կառուցիչն այս պահին հասանելի չէ։', notApplicable: 'չկա',
  },
  ka: {
    title: 'შეთავაზების კონსტრუქტორი', program: 'პროგრამა', parameters: 'პროგრამის პარამეტრები', tierThreshold: '{tier}: ზღვარი',
    tierDiscount: '{tier}: ფასდაკლება, %', earnPoints: 'დარიცხული ქულები', earnPer: 'თანხაზე', pointValue: 'ქულის ღირებულება',
    maxRedeem: 'ქულებით გადახდა მაქსიმუმ, %', cashback: 'ქეშბექი, %', behaviour: 'მომხმარებლის ქცევა', monthly: 'თვიური შენაძენი',
    months: 'თვეები', economics: 'გამყიდველის ეკონომიკა', margin: 'მთლიანი მარჟა, %', redemption: 'გამოყენებული ქულები, %', churn: 'თვიური გადინება, %',
    impact: 'გავლენა მარჟაზე', revenue: 'შემოსავალი', profitWithout: 'მთლიანი მოგება პროგრამის გარეშე', cost: 'პროგრამის ღირებულება',
    profitWith: 'მთლიანი მოგება პროგრამით', share: 'გაცემული მთლიანი მოგების წილი', uplift: 'ზარალის გარეშე საჭირო ზრდა',
    liability: 'ქულების ვალდებულება', compare: 'ერთი ნომინალი — ოთხი გზა', variant: 'შეთავაზება', benefit: 'მომხმარებლის სარგებელი',
    chartTitle: 'გაცემული მთლიანი მოგების წილი შეთავაზებების მიხედვით', chartDesc: 'რაც უფრო გრძელია სვეტი, მით უფრო ძვირია გამყიდველისთვის; ყველა სვეტს აწერია მნიშვნელობა.',
    thisProgram: 'ეს პროგრამა', discount5: '5% ფასდაკლება', points5: '5% ქულებით', cashback5: '5% ქეშბექი', membership: 'ფასიანი წევრობა: 10% ფასდაკლება 5% საფასურად',
    catalog: 'ჯილდოების კატალოგი', reward: 'ჯილდო', spendNeeded: 'საჭირო ხარჯი', effectiveReturn: 'რეალური უკუგება',
    invalid: 'მნიშვნელობა არ მიიღება ({code}, {path}): {message}', print: 'ბეჭდვა', loading: 'იტვირთება კონსტრუქტორი…',
    unavailable: 'კონსტრუქტორი ახლა მიუწვდომელია.', notApplicable: '—',
  },
};

export function explorerMessages(lang) {
  return MESSAGES[lang] ?? MESSAGES.en;
}
