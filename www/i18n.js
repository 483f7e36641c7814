// Every string the widget shows, in English, Russian, Armenian and Georgian.
// `{name}` marks a value; amounts are formatted by Intl.NumberFormat before they are filled in.

export const LANGS = ['en', 'ru', 'hy', 'ka'];

const MESSAGES = {
  en: {
    title: 'Your rewards',
    noTier: 'No tier yet',
    toNext: 'Spend {amount} more for {tier}',
    topTier: 'You are in the top tier',
    pending: '{tier} from {date}',
    progress: '{percent}% of the way to {tier}',
    percentOff: '{percent}% off',
    pointsTimes: '×{multiplier} points',
    subtotal: 'Subtotal',
    discount: 'Discount',
    pointsPaid: 'Paid with points',
    payable: 'To pay',
    taxIncluded: 'Of which VAT',
    earn: 'You earn {points} points',
    companyEarns: 'Your company earns {points} points',
    employeeEarns: 'You earn {points} personal points',
    cashback: 'Store credit earned: {amount}',
    redeemLabel: 'Points to use',
    redeemHint: 'Balance {balance} points; up to {cap} on this order',
    redeemNone: 'No points to use on this order',
    explainShow: 'How is this calculated?',
    explainHide: 'Hide the details',
    announce: 'To pay: {amount}',
    loading: 'Loading your rewards…',
    unavailable: 'Rewards are unavailable right now. Your checkout still works.',
    tip: 'Did you know? Points you do not use expire; check the dates in the details.',
    expiring: '{points} points expire on {date}',
    promoAccepted: 'Code {code} applied',
    // The shopper's words for a refusal: what went wrong, never a raw code (the event keeps it).
    failed: 'Rewards could not be calculated: {reason}.',
    errors: {
      quantity: 'the quantity of {item} must be a whole number from 1 to {max}',
      price: 'the price of {item} is not a valid amount',
      program: 'the shop’s rewards program has a mistake',
      size: 'the order is too large to calculate',
      loading: 'the calculator is not ready yet',
      order: 'a detail of the order could not be read',
    },
    // A trace entry by kind and code; `#…` marks a variant of the same code.
    trace: {
      'discount:applied': '{name}: {amount} off',
      'discount:applied#percent': '{name}: {percent}% off, {amount}',
      'discount:applied#per_unit': '{name}: {each} off each item, {amount}',
      'discount:applied#inactive': '{name}: {percent}% after {days} days without a purchase, {amount}',
      'discount:not_yet_valid': '{name}: starts on {date}',
      'discount:expired': '{name}: ended on {date}',
      'discount:needs_first_purchase': '{name}: from your second purchase',
      'discount:first_purchase_only': '{name}: for a first purchase only',
      'discount:tier_not_eligible': '{name}: not for your tier',
      'discount:members_only': '{name}: for members only',
      'discount:promo_code_refused': '{name}: its promo code was not accepted',
      'discount:promo_code_missing': '{name}: needs a promo code',
      'discount:below_min_subtotal': '{name}: add {remaining} to your order to get it',
      'discount:no_lines_in_scope': '{name}: no item in this order qualifies',
      'discount:tier_has_no_discount': '{name}: your tier has no discount',
      'discount:below_first_step': '{name}: starts after {remaining} more in purchases',
      'discount:nothing_left_to_discount': '{name}: nothing is left to discount',
      'discount:blocked_by_exclusive': '{name}: not combined with {by}',
      'discount:lost_to_better_offer': '{name}: not combined, a better offer applies',
      'discount:lost_to_better_offer#would_take': '{name}: would take {amount} off, but a better offer applies',
      'promo_code:accepted': 'Code {code} applied',
      'promo_code:unknown_code': 'Code {code} not applied: unknown code',
      'promo_code:not_yet_valid': 'Code {code} not applied: valid from {date}',
      'promo_code:expired': 'Code {code} not applied: it expired on {date}',
      'promo_code:refused_excluded_items': 'Code {code} not applied: not valid with {item}',
      'promo_code:below_minimum_order': 'Code {code} not applied: the order must reach {min}',
      'redemption:redeemed': '{points} points pay {amount}',
      'redemption:redeemed#limited': '{points} points pay {amount} ({limit})',
      'redemption:not_redeemed': 'No points used on this order',
      'redemption:not_redeemed#limited': 'No points used on this order: {limit}',
      'points:earned': '{points} points on {base}',
      'points:earned#times': '{points} points on {base} (×{multiplier})',
      'employee_points:earned': '{points} personal points on {base}',
      'cashback:earned': 'Store credit {amount}',
      'cashback:capped': 'Store credit {amount} (monthly cap reached)',
      'event:event_points': '{name}: {points} points',
      'coalition:transferred': '{name}: {points} points moved in',
      'tier:upgraded': 'New tier: {tier}',
      'tier:upgrade_at_recalculation': 'New tier from the next recalculation',
      'tier:unchanged': 'Your tier stays: {tier}',
      'commitment:commitment_met': 'Period minimum reached',
      'commitment:commitment_open': 'Period minimum: {remaining} still to spend',
      'chance:chance_to_win': '{name}: this order gives you a chance to win',
      'tax:tax_included': 'Prices include {percent}% VAT: {amount} on {base}',
    },
    limited: {
      share_cap: 'at most {cap} on this order',
      balance: 'that is your whole balance',
      below_minimum: 'points can be used from {min} points',
      whole_minor_units: 'points are used in steps worth whole coins',
    },
  },
  ru: {
    title: 'Ваши бонусы',
    noTier: 'Уровня пока нет',
    toNext: 'Ещё {amount} до уровня {tier}',
    topTier: 'У вас высший уровень',
    pending: '{tier} с {date}',
    progress: '{percent}% пути до уровня {tier}',
    percentOff: 'скидка {percent}%',
    pointsTimes: 'баллы ×{multiplier}',
    subtotal: 'Сумма',
    discount: 'Скидка',
    pointsPaid: 'Оплачено баллами',
    payable: 'К оплате',
    taxIncluded: 'В том числе НДС',
    earn: 'Вам начислят баллов: {points}',
    companyEarns: 'Компании начислят баллов: {points}',
    employeeEarns: 'Вам лично начислят баллов: {points}',
    cashback: 'На счёт в магазине: {amount}',
    redeemLabel: 'Списать баллы',
    redeemHint: 'Баланс: {balance}; в этом заказе — до {cap}',
    redeemNone: 'В этом заказе списать баллы нельзя',
    explainShow: 'Как это посчитано?',
    explainHide: 'Скрыть подробности',
    announce: 'К оплате: {amount}',
    loading: 'Загружаем ваши бонусы…',
    unavailable: 'Бонусы сейчас недоступны. Оформить заказ можно как обычно.',
    tip: 'Знаете ли вы? Неиспользованные баллы сгорают — даты есть в подробностях.',
    expiring: 'Баллов сгорит {date}: {points}',
    promoAccepted: 'Код {code} применён',
    failed: 'Не удалось рассчитать бонусы: {reason}.',
    errors: {
      quantity: 'количество товара «{item}» должно быть целым числом от 1 до {max}',
      price: 'цена товара «{item}» указана неверно',
      program: 'в бонусной программе магазина ошибка',
      size: 'заказ слишком велик для расчёта',
      loading: 'калькулятор ещё не готов',
      order: 'не удалось прочитать данные заказа',
    },
    trace: {
      'discount:applied': '{name}: скидка {amount}',
      'discount:applied#percent': '{name}: скидка {percent}%, {amount}',
      'discount:applied#per_unit': '{name}: {each} с каждого товара, {amount}',
      'discount:applied#inactive': '{name}: {percent}% после {days} дн. без покупок, {amount}',
      'discount:not_yet_valid': '{name}: действует с {date}',
      'discount:expired': '{name}: закончилась {date}',
      'discount:needs_first_purchase': '{name}: со второй покупки',
      'discount:first_purchase_only': '{name}: только для первой покупки',
      'discount:tier_not_eligible': '{name}: не для вашего уровня',
      'discount:members_only': '{name}: только для участников клуба',
      'discount:promo_code_refused': '{name}: промокод не принят',
      'discount:promo_code_missing': '{name}: нужен промокод',
      'discount:below_min_subtotal': '{name}: добавьте в заказ ещё {remaining}',
      'discount:no_lines_in_scope': '{name}: в заказе нет подходящих товаров',
      'discount:tier_has_no_discount': '{name}: на вашем уровне скидки нет',
      'discount:below_first_step': '{name}: начнётся после покупок ещё на {remaining}',
      'discount:nothing_left_to_discount': '{name}: скидывать уже нечего',
      'discount:blocked_by_exclusive': '{name}: не суммируется с «{by}»',
      'discount:lost_to_better_offer': '{name}: не суммируется, действует более выгодное предложение',
      'discount:lost_to_better_offer#would_take': '{name}: дала бы скидку {amount}, но действует более выгодное предложение',
      'promo_code:accepted': 'Код {code} применён',
      'promo_code:unknown_code': 'Код {code} не применён: неизвестный код',
      'promo_code:not_yet_valid': 'Код {code} не применён: действует с {date}',
      'promo_code:expired': 'Код {code} не применён: срок действия истёк {date}',
      'promo_code:refused_excluded_items': 'Код {code} не применён: не действует вместе с товаром «{item}»',
      'promo_code:below_minimum_order': 'Код {code} не применён: заказ должен быть от {min}',
      'redemption:redeemed': 'Баллами ({points}) оплачено {amount}',
      'redemption:redeemed#limited': 'Баллами ({points}) оплачено {amount} ({limit})',
      'redemption:not_redeemed': 'Баллы в этом заказе не списаны',
      'redemption:not_redeemed#limited': 'Баллы в этом заказе не списаны: {limit}',
      'points:earned': 'Баллов: {points} за {base}',
      'points:earned#times': 'Баллов: {points} за {base} (×{multiplier})',
      'employee_points:earned': 'Личных баллов: {points} за {base}',
      'cashback:earned': 'На счёт в магазине: {amount}',
      'cashback:capped': 'На счёт в магазине: {amount} (месячный лимит)',
      'event:event_points': '{name} — баллов: {points}',
      'coalition:transferred': '{name}: переведено баллов — {points}',
      'tier:upgraded': 'Новый уровень: {tier}',
      'tier:upgrade_at_recalculation': 'Новый уровень — после ближайшего пересчёта',
      'tier:unchanged': 'Ваш уровень не меняется: {tier}',
      'commitment:commitment_met': 'Минимум периода выполнен',
      'commitment:commitment_open': 'Минимум периода: осталось {remaining}',
      'chance:chance_to_win': '{name}: этот заказ даёт шанс выиграть',
      'tax:tax_included': 'В цене НДС {percent}%: {amount} из {base}',
    },
    limited: {
      share_cap: 'в этом заказе не больше {cap}',
      balance: 'это весь ваш баланс',
      below_minimum: 'списать можно от {min} баллов',
      whole_minor_units: 'баллы списываются шагами на целое число копеек',
    },
  },
  hy: {
    title: 'Ձեր բոնուսները',
    noTier: 'Մակարդակ դեռ չկա',
    toNext: 'Եվս {amount}՝ {tier} մակարդակի համար',
    topTier: 'Դուք ամենաբարձր մակարդակում եք',
    pending: '{tier}՝ {date}-ից',
    progress: '{tier} մակարդակի ճանապարհի {percent}%-ը',
    percentOff: '{percent}% զեղչ',
    pointsTimes: 'միավորներ ×{multiplier}',
    subtotal: 'Գումար',
    discount: 'Զեղչ',
    pointsPaid: 'Վճարված է միավորներով',
    payable: 'Վճարման ենթակա',
    taxIncluded: 'Այդ թվում ԱԱՀ',
    earn: 'Դուք կստանաք {points} միավոր',
    companyEarns: 'Ձեր ընկերությունը կստանա {points} միավոր',
    employeeEarns: 'Դուք անձամբ կստանաք {points} միավոր',
    cashback: 'Խանութի հաշվին՝ {amount}',
    redeemLabel: 'Օգտագործել միավորներ',
    redeemHint: 'Մնացորդ՝ {balance}, այս պատվերում՝ մինչև {cap}',
    redeemNone: 'Այս պատվերում միավորներ օգտագործել հնարավոր չէ',
    explainShow: 'Ինչպե՞ս է սա հաշվարկված',
    explainHide: 'Թաքցնել մանրամասները',
    announce: 'Վճարման ենթակա՝ {amount}',
    loading: 'Բեռնում ենք ձեր բոնուսները…',
    unavailable: 'Բոնուսներն այս պահին հասանելի չեն։ Պատվերը կարող եք ձևակերպել սովորականի պես։',
    tip: 'Գիտե՞ք արդյոք։ Չօգտագործված միավորներն այրվում են. ժամկետները տես մանրամասներում։',
    expiring: '{date}-ին կայրվի {points} միավոր',
    promoAccepted: '{code} կոդը կիրառված է',
    failed: 'Բոնուսները հնարավոր չեղավ հաշվել՝ {reason}։',
    errors: {
      quantity: '«{item}» ապրանքի քանակը պետք է լինի ամբողջ թիվ 1-ից {max}',
      price: '«{item}» ապրանքի գինը ճիշտ չէ',
      program: 'խանութի բոնուսային ծրագրում սխալ կա',
      size: 'պատվերը չափազանց մեծ է հաշվարկի համար',
      loading: 'հաշվիչը դեռ պատրաստ չէ',
      order: 'պատվերի տվյալները հնարավոր չեղավ կարդալ',
    },
    trace: {
      'discount:applied': '{name}՝ {amount} զեղչ',
      'discount:applied#percent': '{name}՝ {percent}% զեղչ, {amount}',
      'discount:applied#per_unit': '{name}՝ {each} յուրաքանչյուր ապրանքից, {amount}',
      'discount:applied#inactive': '{name}՝ {percent}%, {days} օր առանց գնումների, {amount}',
      'discount:not_yet_valid': '{name}՝ գործում է {date}-ից',
      'discount:expired': '{name}՝ ավարտվել է {date}-ին',
      'discount:needs_first_purchase': '{name}՝ երկրորդ գնումից',
      'discount:first_purchase_only': '{name}՝ միայն առաջին գնման համար',
      'discount:tier_not_eligible': '{name}՝ ձեր մակարդակի համար չէ',
      'discount:members_only': '{name}՝ միայն անդամների համար',
      'discount:promo_code_refused': '{name}՝ պրոմոկոդը չի ընդունվել',
      'discount:promo_code_missing': '{name}՝ անհրաժեշտ է պրոմոկոդ',
      'discount:below_min_subtotal': '{name}՝ ավելացրեք ևս {remaining}',
      'discount:no_lines_in_scope': '{name}՝ պատվերում համապատասխան ապրանք չկա',
      'discount:tier_has_no_discount': '{name}՝ ձեր մակարդակում զեղչ չկա',
      'discount:below_first_step': '{name}՝ կսկսվի ևս {remaining} գնումներից հետո',
      'discount:nothing_left_to_discount': '{name}՝ զեղչելու բան չի մնացել',
      'discount:blocked_by_exclusive': '{name}՝ չի գումարվում «{by}»-ի հետ',
      'discount:lost_to_better_offer': '{name}՝ չի գումարվում, գործում է ավելի շահավետ առաջարկ',
      'discount:lost_to_better_offer#would_take': '{name}՝ կզեղչեր {amount}, բայց գործում է ավելի շահավետ առաջարկ',
      'promo_code:accepted': '{code} կոդը կիրառված է',
      'promo_code:unknown_code': '{code} կոդը կիրառված չէ՝ անհայտ կոդ',
      'promo_code:not_yet_valid': '{code} կոդը կիրառված չէ՝ գործում է {date}-ից',
      'promo_code:expired': '{code} կոդը կիրառված չէ՝ ժամկետն անցել է {date}-ին',
      'promo_code:refused_excluded_items': '{code} կոդը կիրառված չէ՝ չի գործում «{item}» ապրանքի հետ',
      'promo_code:below_minimum_order': '{code} կոդը կիրառված չէ՝ պատվերը պետք է լինի առնվազն {min}',
      'redemption:redeemed': '{points} միավորով վճարված է {amount}',
      'redemption:redeemed#limited': '{points} միավորով վճարված է {amount} ({limit})',
      'redemption:not_redeemed': 'Այս պատվերում միավորներ չեն օգտագործվել',
      'redemption:not_redeemed#limited': 'Այս պատվերում միավորներ չեն օգտագործվել՝ {limit}',
      'points:earned': '{points} միավոր {base}-ի համար',
      'points:earned#times': '{points} միավոր {base}-ի համար (×{multiplier})',
      'employee_points:earned': '{points} անձնական միավոր {base}-ի համար',
      'cashback:earned': 'Խանութի հաշվին՝ {amount}',
      'cashback:capped': 'Խանութի հաշվին՝ {amount} (ամսական սահմանաչափ)',
      'event:event_points': '{name}՝ {points} միավոր',
      'coalition:transferred': '{name}՝ փոխանցվել է {points} միավոր',
      'tier:upgraded': 'Նոր մակարդակ՝ {tier}',
      'tier:upgrade_at_recalculation': 'Նոր մակարդակը՝ հաջորդ վերահաշվարկից',
      'tier:unchanged': 'Ձեր մակարդակը չի փոխվում՝ {tier}',
      'commitment:commitment_met': 'Ժամանակահատվածի նվազագույնը կատարված է',
      'commitment:commitment_open': 'Ժամանակահատվածի նվազագույնը՝ մնաց {remaining}',
      'chance:chance_to_win': '{name}՝ այս պատվերը շահելու հնարավորություն է տալիս',
      'tax:tax_included': 'Գնի մեջ ներառված է {percent}% ԱԱՀ՝ {amount} {base}-ից',
    },
    limited: {
      share_cap: 'այս պատվերում առավելագույնը {cap}',
      balance: 'դա ձեր ամբողջ մնացորդն է',
      below_minimum: 'միավորները կարելի է օգտագործել {min}-ից սկսած',
      whole_minor_units: 'միավորները օգտագործվում են ամբողջ լումաների քայլերով',
    },
  },
  ka: {
    title: 'თქვენი ბონუსები',
    noTier: 'დონე ჯერ არ გაქვთ',
    toNext: 'კიდევ {amount} დონემდე {tier}',
    topTier: 'თქვენ უმაღლეს დონეზე ხართ',
    pending: '{tier} — {date}-დან',
    progress: '{percent}% დონემდე {tier}',
    percentOff: '{percent}% ფასდაკლება',
    pointsTimes: 'ქულები ×{multiplier}',
    subtotal: 'ჯამი',
    discount: 'ფასდაკლება',
    pointsPaid: 'გადახდილია ქულებით',
    payable: 'გადასახდელი',
    taxIncluded: 'მათ შორის დღგ',
    earn: 'დაგერიცხებათ {points} ქულა',
    companyEarns: 'თქვენს კომპანიას დაერიცხება {points} ქულა',
    employeeEarns: 'თქვენ პირადად დაგერიცხებათ {points} ქულა',
    cashback: 'მაღაზიის ანგარიშზე: {amount}',
    redeemLabel: 'ქულების გამოყენება',
    redeemHint: 'ბალანსი: {balance}; ამ შეკვეთაში — {cap}-მდე',
    redeemNone: 'ამ შეკვეთაში ქულების გამოყენება შეუძლებელია',
    explainShow: 'როგორ არის ეს გამოთვლილი?',
    explainHide: 'დეტალების დამალვა',
    announce: 'გადასახდელი: {amount}',
    loading: 'იტვირთება თქვენი ბონუსები…',
    unavailable: 'ბონუსები ახლა მიუწვდომელია. შეკვეთის გაფორმება ჩვეულებრივ შეგიძლიათ.',
    tip: 'იცით თუ არა? გამოუყენებელი ქულები იწვება — ვადები იხილეთ დეტალებში.',
    expiring: '{date}-ს დაიწვება {points} ქულა',
    promoAccepted: 'კოდი {code} გამოყენებულია',
    failed: 'ბონუსების გამოთვლა ვერ მოხერხდა: {reason}.',
    errors: {
      quantity: '„{item}“-ის რაოდენობა უნდა იყოს მთელი რიცხვი 1-დან {max}-მდე',
      price: '„{item}“-ის ფასი არასწორია',
      program: 'მაღაზიის ბონუს პროგრამაში შეცდომაა',
      size: 'შეკვეთა ძალიან დიდია გამოსათვლელად',
      loading: 'კალკულატორი ჯერ მზად არ არის',
      order: 'შეკვეთის მონაცემების წაკითხვა ვერ მოხერხდა',
    },
    trace: {
      'discount:applied': '{name}: {amount} ფასდაკლება',
      'discount:applied#percent': '{name}: {percent}% ფასდაკლება, {amount}',
      'discount:applied#per_unit': '{name}: {each} თითოეულ ნივთზე, {amount}',
      'discount:applied#inactive': '{name}: {percent}% {days} დღე შენაძენის გარეშე, {amount}',
      'discount:not_yet_valid': '{name}: მოქმედებს {date}-დან',
      'discount:expired': '{name}: დასრულდა {date}-ს',
      'discount:needs_first_purchase': '{name}: მეორე შენაძენიდან',
      'discount:first_purchase_only': '{name}: მხოლოდ პირველი შენაძენისთვის',
      'discount:tier_not_eligible': '{name}: არ არის თქვენი დონისთვის',
      'discount:members_only': '{name}: მხოლოდ წევრებისთვის',
      'discount:promo_code_refused': '{name}: პრომოკოდი არ იქნა მიღებული',
      'discount:promo_code_missing': '{name}: საჭიროა პრომოკოდი',
      'discount:below_min_subtotal': '{name}: დაამატეთ კიდევ {remaining}',
      'discount:no_lines_in_scope': '{name}: შეკვეთაში შესაბამისი ნივთი არ არის',
      'discount:tier_has_no_discount': '{name}: თქვენს დონეს ფასდაკლება არ აქვს',
      'discount:below_first_step': '{name}: დაიწყება კიდევ {remaining} შენაძენის შემდეგ',
      'discount:nothing_left_to_discount': '{name}: ფასდასაკლები აღარაფერი დარჩა',
      'discount:blocked_by_exclusive': '{name}: არ ჯამდება „{by}“-თან',
      'discount:lost_to_better_offer': '{name}: არ ჯამდება, მოქმედებს უკეთესი შეთავაზება',
      'discount:lost_to_better_offer#would_take': '{name}: დააკლებდა {amount}-ს, მაგრამ მოქმედებს უკეთესი შეთავაზება',
      'promo_code:accepted': 'კოდი {code} გამოყენებულია',
      'promo_code:unknown_code': 'კოდი {code} არ გამოიყენება: უცნობი კოდი',
      'promo_code:not_yet_valid': 'კოდი {code} არ გამოიყენება: მოქმედებს {date}-დან',
      'promo_code:expired': 'კოდი {code} არ გამოიყენება: ვადა გაუვიდა {date}-ს',
      'promo_code:refused_excluded_items': 'კოდი {code} არ გამოიყენება: არ მოქმედებს „{item}“-თან ერთად',
      'promo_code:below_minimum_order': 'კოდი {code} არ გამოიყენება: შეკვეთა უნდა იყოს მინიმუმ {min}',
      'redemption:redeemed': '{points} ქულით გადახდილია {amount}',
      'redemption:redeemed#limited': '{points} ქულით გადახდილია {amount} ({limit})',
      'redemption:not_redeemed': 'ამ შეკვეთაში ქულები არ გამოყენებულა',
      'redemption:not_redeemed#limited': 'ამ შეკვეთაში ქულები არ გამოყენებულა: {limit}',
      'points:earned': '{points} ქულა {base}-ზე',
      'points:earned#times': '{points} ქულა {base}-ზე (×{multiplier})',
      'employee_points:earned': '{points} პირადი ქულა {base}-ზე',
      'cashback:earned': 'მაღაზიის ანგარიშზე: {amount}',
      'cashback:capped': 'მაღაზიის ანგარიშზე: {amount} (თვიური ლიმიტი)',
      'event:event_points': '{name}: {points} ქულა',
      'coalition:transferred': '{name}: გადმოვიდა {points} ქულა',
      'tier:upgraded': 'ახალი დონე: {tier}',
      'tier:upgrade_at_recalculation': 'ახალი დონე — მომდევნო გადათვლიდან',
      'tier:unchanged': 'თქვენი დონე არ იცვლება: {tier}',
      'commitment:commitment_met': 'პერიოდის მინიმუმი შესრულებულია',
      'commitment:commitment_open': 'პერიოდის მინიმუმი: დარჩა {remaining}',
      'chance:chance_to_win': '{name}: ეს შეკვეთა მოგების შანსს გაძლევთ',
      'tax:tax_included': 'ფასი მოიცავს {percent}% დღგ-ს: {amount} {base}-დან',
    },
    limited: {
      share_cap: 'ამ შეკვეთაში მაქსიმუმ {cap}',
      balance: 'ეს თქვენი მთელი ბალანსია',
      below_minimum: 'ქულების გამოყენება შეიძლება {min} ქულიდან',
      whole_minor_units: 'ქულები გამოიყენება მთელი თეთრების ნაბიჯებით',
    },
  },
};

/** The language of a locale tag ("ka-GE" → "ka"); English for any other. */
export function langOf(locale) {
  const base = String(locale || 'en').toLowerCase().split(/[-_]/)[0];
  return LANGS.includes(base) ? base : 'en';
}

export function messages(lang) {
  return MESSAGES[lang] ?? MESSAGES.en;
}

export function fill(template, values) {
  return template.replace(/\{(\w+)\}/g, (_, name) => String(values[name] ?? ''));
}

// CLDR conventions for the languages some browsers ship without locale data (Chromium has no
// Armenian or Georgian number formats): decimal comma, no-break-space groups from five digits,
// and the currency sign after the amount.
const FALLBACK = { hy: { decimal: ',', group: '\u00a0' }, ka: { decimal: ',', group: '\u00a0' } };
const SIGNS = { AMD: '֏', GEL: '₾', RUB: '₽', USD: '$', EUR: '€', GBP: '£', JPY: '¥' };

/** Writes a decimal string by hand, digit by digit: exact, and never through a float. */
function formatDecimal(text, digits, { decimal, group }) {
  const negative = text.startsWith('-');
  const [whole, fraction = ''] = text.replace('-', '').split('.');
  const grouped = whole.length > 4 ? whole.replace(/\B(?=(\d{3})+$)/g, group) : whole;
  const shown = digits === undefined ? fraction.replace(/0+$/, '') : fraction.padEnd(digits, '0').slice(0, digits);
  return `${negative ? '-' : ''}${grouped}${shown ? decimal + shown : ''}`;
}

/**
 * Formats decimal strings in the locale, with exactly the currency's minor units.
 * Intl.NumberFormat formats a string exactly, so the amount never becomes a float; where the
 * browser has no data for the locale, the CLDR conventions above are applied by hand.
 */
export function formatters(locale, currency, minorUnits) {
  const fallback = Intl.NumberFormat.supportedLocalesOf([locale]).length === 0 ? FALLBACK[langOf(locale)] : undefined;
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
  if (fallback) {
    return {
      money: (amount) => `${formatDecimal(String(amount), minorUnits, fallback)}\u00a0${SIGNS[currency] ?? currency}`,
      count: (value) => formatDecimal(String(value), undefined, fallback),
      date: (iso) => iso.split('-').reverse().join('.'),
    };
  }
  const money = new Intl.NumberFormat(locale, {
    style: 'currency',
    currency,
    minimumFractionDigits: minorUnits,
    maximumFractionDigits: minorUnits,
  });
  const count = new Intl.NumberFormat(locale, { maximumFractionDigits: 3 });
  return {
    money: (amount) => money.format(String(amount)),
    count: (value) => count.format(String(value)),
    date: (iso) => date.format(new Date(`${iso}T00:00:00Z`)),
  };
}

/** The largest quantity of a cart line, as the core checks it: one rule for every refused quantity. */
export const MAX_QUANTITY = '1000000';

/** Kinds whose entry amount is a number of points rather than money. */
const POINT_KINDS = new Set(['points', 'employee_points', 'event', 'coalition']);

/**
 * The words for any trace entry, by its kind and code (every code has words in every language);
 * `names` maps rule ids, tier ids and SKUs to the names a person knows them by.
 */
export function wordEntry(entry, m, f, names) {
  const p = entry.params ?? {};
  const key = `${entry.kind}:${entry.code}`;
  let variant = '';
  if (key === 'discount:applied') variant = p.inactive_days ? '#inactive' : p.percent ? '#percent' : p.amount_per_unit ? '#per_unit' : '';
  else if (key === 'discount:lost_to_better_offer' && p.would_take) variant = '#would_take';
  else if (entry.kind === 'redemption' && m.limited[p.limited_by]) variant = '#limited';
  else if (key === 'points:earned' && p.multiplier && p.multiplier !== '1') variant = '#times';
  const template = m.trace[key + variant] ?? m.trace[key];
  if (!template) return null;
  const money = (value) => (value === undefined || value === '' ? '' : f.money(value));
  const count = (value) => (value === undefined || value === '' ? '' : f.count(value));
  const points = POINT_KINDS.has(entry.kind);
  const name = (id) => names.get(id) ?? id;
  return fill(template, {
    name: name(entry.rule),
    code: entry.rule,
    amount: variant === '#would_take' ? money(p.would_take) : points ? count(entry.amount) : money(entry.amount),
    points: points ? count(entry.amount) : count(p.points),
    percent: count(p.percent),
    days: p.inactive_days,
    each: money(p.amount_per_unit),
    remaining: money(p.remaining),
    base: money(p.base),
    multiplier: count(p.multiplier ?? '1'),
    by: name(p.by),
    date: p.valid_from || p.valid_until ? f.date(p.valid_from ?? p.valid_until) : '',
    min: money(p.min_order),
    item: name(p.sku),
    tier: entry.rule ? name(entry.rule) : m.noTier,
    limit: fill(m.limited[p.limited_by] ?? '', { cap: count(p.cap), min: count(p.min) }),
  });
}

/** Entries with words that would only be noise in a shopper's explanation. */
const QUIET = new Set(['discount:promo_code_missing', 'discount:no_lines_in_scope', 'discount:tier_has_no_discount',
  'discount:not_yet_valid', 'discount:expired', 'discount:tier_not_eligible', 'tier:unchanged']);

/** One plain sentence for a trace entry, or null for entries that would only be noise. */
export function explainEntry(entry, m, f, names) {
  const key = `${entry.kind}:${entry.code}`;
  if (QUIET.has(key)) return null;
  // Points not used because none were asked for: nothing to explain.
  if (key === 'redemption:not_redeemed' && !/[1-9]/.test(entry.params?.requested ?? '')) return null;
  return wordEntry(entry, m, f, names);
}

/** Codes that mean the program itself is at fault, wherever they are found. */
const PROGRAM_CODES = new Set(['unsupported_version', 'unknown_currency', 'not_increasing', 'duplicate_id', 'dates_out_of_order']);

/**
 * The shopper's sentence for an error, chosen by the field it names (a cart line's quantity or
 * price) or by what failed, never the raw code, which the error event keeps for the host.
 * `context.program` is true when the program was being read; `context.item(index)` names a line.
 */
export function errorText(error, m, f, context = {}) {
  const code = error?.code ?? 'unknown';
  const line = /lines\[(\d+)\]\.(\w+)/.exec(error?.path ?? '');
  const item = line ? context.item?.(Number(line[1])) ?? `#${Number(line[1]) + 1}` : '';
  let reason = m.errors.order;
  if (code === 'not_initialised') reason = m.errors.loading;
  else if (line?.[2] === 'quantity') reason = fill(m.errors.quantity, { item, max: f.count(MAX_QUANTITY) });
  else if (line && /price|cost/.test(line[2])) reason = fill(m.errors.price, { item });
  else if (context.program || PROGRAM_CODES.has(code)) reason = m.errors.program;
  else if (['too_large', 'too_deep', 'overflow'].includes(code)) reason = m.errors.size;
  return fill(m.failed, { reason });
}
