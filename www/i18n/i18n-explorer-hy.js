// The offer explorer's strings in Armenian: loaded only for a page that shows it (see
// `loadExplorerMessages` in i18n-explorer.js); the keys are English's.

export default {
  scrollHint: 'Աղյուսակը էկրանից լայն է. ոլորեք այն կողք՝ բոլոր սյունակները տեսնելու համար →',
  stale: 'Արդյունքները թաքցված են, քանի դեռ նշված արժեքը չի ուղղվել։',
  line: 'Տող {n}', item: 'Ապրանք', unitPrice: 'Միավորի գին', quantity: 'Քանակ', category: 'Կատեգորիա', noCategory: 'Այլ', addLine: 'Ավելացնել տող', removeLine: 'Հեռացնել {n} տողը',
  orders: 'Պատվերներ ամսական', basketTotal: 'Սովորական պատվեր {amount} × ամսական {orders} = {total}',
  fieldError: { not_increasing: 'Պետք է լինի նախորդ մակարդակի շեմից բարձր։', out_of_range: 'Թույլատրելի միջակայքից դուրս է։', percentRange: 'Մուտքագրեք տոկոս 0-ից 100։', notNegative: 'Մուտքագրեք 0 կամ ավելի։', too_precise: 'Չափազանց շատ տասնորդական նիշեր։',
    wrong_type: 'Մուտքագրեք թիվ, օրինակ՝ {example}։', other: 'Այս արժեքը չի ընդունվում։' },
  title: 'Առաջարկի կառուցիչ', program: 'Ծրագիր', parameters: 'Ծրագրի պարամետրեր', tierThreshold: '{tier}՝ շեմ',
  rulePercent: '{rule}՝ զեղչ, %', ruleAmount: '{rule}՝ զեղչի գումար', ruleBuy: '{rule}՝ գնել', ruleGet: '{rule}՝ ստանալ', ruleBreak: '{rule}՝ % {quantity} հատից', rulePrice: '{rule}՝ հավաքածուի գին', multiplierFactor: '{name}՝ միավորներ ×', taxPercent: 'Գնի մեջ ԱԱՀ, %',
  tierDiscount: '{tier}՝ զեղչ, %', earnPoints: 'Կուտակվող միավորներ', earnPer: 'գումարի համար', pointValue: 'Միավորի արժեքը',
  maxRedeem: 'Միավորներով վճարել մինչև, %', cashback: 'Կեշբեք, %',
  cashbackCap: 'Կեշբեքի ամսական սահմանը', lifetime: 'Հաճախորդի կյանքը, ամիս', lifetimeProfit: 'Համախառն շահույթը կյանքի ընթացքում', behaviour: 'Հաճախորդի վարքը',
  months: 'Ամիսներ', economics: 'Վաճառողի տնտեսագիտությունը', margin: 'Համախառն մարժա, %', redemption: 'Օգտագործվող միավորներ, %', churn: 'Ամսական արտահոսք, %',
  impact: 'Ազդեցությունը մարժայի վրա', revenue: 'Հասույթ', profitWithout: 'Համախառն շահույթ առանց ծրագրի', cost: 'Ծրագրի արժեքը',
  profitWith: 'Համախառն շահույթ ծրագրով', share: 'Տրված համախառն շահույթի մասնաբաժինը', uplift: 'Անվնասության համար անհրաժեշտ աճը',
  liability: 'Միավորների պարտավորությունը', compare: 'Նույն անվանական արժեքը՝ չորս եղանակով', variant: 'Առաջարկ', benefit: 'Հաճախորդի օգուտը',
  chartDesc: 'Որքան երկար է սյունը, այնքան թանկ է վաճառողի համար. յուրաքանչյուր սյան արժեքը նշված է։',
  thisProgram: 'Այս ծրագիրը', discount5: '5% զեղչ', points5: '5% միավորներով', cashback5: '5% կեշբեք', membership: 'Վճարովի անդամակցություն՝ 10% զեղչ 5% վճարով',
  catalog: 'Պարգևների կատալոգ', reward: 'Պարգև', spendNeeded: 'Անհրաժեշտ ծախս', effectiveReturn: 'Իրական եկամտաբերություն',
  invalid: 'Արժեքը չի ընդունվել ({code}, {path})՝ {message}', print: 'Տպել', loading: 'Բեռնում ենք կառուցիչը…',
  unavailable: 'Կառուցիչն այս պահին հասանելի չէ։', notApplicable: 'չկա',
  feeIncome: 'Անդամավճարները ({fees}) եկամուտ են և գերազանցում են հաճախորդների օգուտը ({given})։ Կվճարե՞ն։',
  noEffect: 'Ոչինչ չի փոխում այս թվերում. պլանի ոչ մի պատվեր այն չի օգտագործում։',
  belowMinimum: ' Միավորի {value} արժեքով {order} պատվերը կարող է օգտագործել առավելագույնը {most} միավոր՝ {min}-ի նվազագույնից պակաս. միավորները չեն օգտագործվում։',
};
