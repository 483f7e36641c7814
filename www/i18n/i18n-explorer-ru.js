// The offer explorer's strings in Russian: loaded only for a page that shows it (see
// `loadExplorerMessages` in i18n-explorer.js); the keys are English's.

export default {
  scrollHint: 'Таблица шире экрана: прокрутите её вбок, чтобы увидеть все столбцы →',
  stale: 'Результаты скрыты, пока отмеченное значение не исправлено.',
  line: 'Строка {n}', item: 'Товар', unitPrice: 'Цена за единицу', quantity: 'Количество', category: 'Категория', noCategory: 'Другое', addLine: 'Добавить строку', removeLine: 'Удалить строку {n}',
  orders: 'Заказов в месяц', basketTotal: 'Обычный заказ {amount} × {orders} в месяц = {total}',
  fieldError: { not_increasing: 'Должно быть больше порога предыдущего уровня.', out_of_range: 'Вне допустимого диапазона.', percentRange: 'Введите процент от 0 до 100.', notNegative: 'Введите 0 или больше.', too_precise: 'Слишком много знаков после запятой.',
    wrong_type: 'Введите число, например {example}.', other: 'Это значение не принято.' },
  title: 'Конструктор предложения', program: 'Программа', parameters: 'Параметры программы', tierThreshold: '{tier}: порог',
  rulePercent: '{rule}: скидка, %', ruleAmount: '{rule}: сумма скидки', ruleBuy: '{rule}: купить', ruleGet: '{rule}: получить', ruleBreak: '{rule}: % от {quantity} шт.', rulePrice: '{rule}: цена набора', multiplierFactor: '{name}: баллы ×', taxPercent: 'НДС в цене, %',
  tierDiscount: '{tier}: скидка, %', earnPoints: 'Начисляется баллов', earnPer: 'за сумму', pointValue: 'Стоимость балла',
  maxRedeem: 'Баллами можно оплатить до, %', cashback: 'Кешбэк, %',
  cashbackCap: 'Лимит кешбэка в месяц', lifetime: 'Срок жизни клиента, мес.', lifetimeProfit: 'Валовая прибыль за срок жизни', behaviour: 'Поведение клиента',
  months: 'Месяцев', economics: 'Экономика продавца', margin: 'Валовая маржа, %', redemption: 'Используется баллов, %', churn: 'Отток в месяц, %',
  impact: 'Влияние на маржу', revenue: 'Выручка', profitWithout: 'Валовая прибыль без программы', cost: 'Стоимость программы',
  profitWith: 'Валовая прибыль с программой', share: 'Доля отданной валовой прибыли', uplift: 'Рост продаж для безубыточности',
  liability: 'Обязательства по баллам', compare: 'Одинаковый номинал — четыре способа', variant: 'Предложение', benefit: 'Выгода клиента',
  chartDesc: 'Чем длиннее столбец, тем дороже продавцу; у каждого столбца подписано значение.',
  thisProgram: 'Эта программа', discount5: 'Скидка 5%', points5: '5% баллами', cashback5: 'Кешбэк 5%', membership: 'Платный клуб: скидка 10% за взнос 5%',
  catalog: 'Каталог наград', reward: 'Награда', spendNeeded: 'Нужно потратить', effectiveReturn: 'Реальная отдача',
  invalid: 'Значение не принято ({code}, {path}): {message}', print: 'Печать', loading: 'Загружаем конструктор…',
  unavailable: 'Конструктор сейчас недоступен.', notApplicable: 'н/д',
  feeIncome: 'Взносы ({fees}) учтены как доход и больше выгоды клиентов ({given}): станут ли они их платить?',
  noEffect: 'Ничего не меняет в этих расчётах: его не использует ни один заказ плана.',
  belowMinimum: ' При балле в {value} заказ на {order} может списать не больше {most} баллов, меньше минимума в {min}: баллы не списываются никогда.',
};
