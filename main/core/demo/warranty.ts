/**
 * Demo warranty claims and the catalogue they are claimed against. Each catalogue model has the SKU, the
 * warranty a retailer here gives for its class (and, where the maker covers a compressor or a motor longer, that
 * part as a product of its own) and a serial pattern read off the shape its brand prints on the label, so every
 * serial made for it fits. A claim names a model, by SKU as the website's product list sends it or by name as
 * a customer types it, with a serial in that shape (the date of manufacture, where the brand encodes one,
 * before the purchase), a purchase 1 to 40 months before the claim, and a fault that model can have. A few
 * claims are the odd ones a warranty desk meets: a product bought elsewhere, a serial typed short, a unit
 * someone else claimed before.
 */
import type { ProductFields } from '../../../common/protocol/products.ts';
import { fold } from '../../../common/text/fold.ts';
import { eligibility, todayInVietnam } from '../../../common/warranty/eligibility.ts';
import type { DemoText } from './submissions.ts';
import { between, pick, type Rng } from './vietnamese.ts';

const DAY = 86_400_000;
const DIGITS = [...'0123456789'];
const UPPER = [...'ABCDEFGHJKLMNPRSTVWXYZ'];
/** Apple's serials since 2021: ten random characters, no vowels (so no words), no O or I. */
const APPLE = [...'0123456789BCDFGHJKLMNPQRSTVWXYZ'];

const two = (n: number) => String(n).padStart(2, '0');
/** The ISO week of a date (1–53), which some brands stamp into the serial instead of the month. */
function isoWeek(d: Date): number {
  const t = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
  t.setUTCDate(t.getUTCDate() + 4 - (t.getUTCDay() || 7));
  return Math.ceil(((t.getTime() - Date.UTC(t.getUTCFullYear(), 0, 1)) / DAY + 1) / 7);
}
const month2 = (d: Date) => two(d.getUTCMonth() + 1);

/**
 * The parts of the date of manufacture a brand stamps into its serials, each with what the catalogue's pattern
 * says in its place: {Y} the year's last digit, {YY} its last two, {MM} the month, {WW} the ISO week, {M} the
 * month as a letter (A to M, no I).
 */
const DATE_PARTS = {
  Y: { pattern: '9', of: (d: Date) => String(d.getUTCFullYear() % 10) },
  YY: { pattern: '99', of: (d: Date) => two(d.getUTCFullYear() % 100) },
  MM: { pattern: '99', of: month2 },
  WW: { pattern: '99', of: (d: Date) => two(isoWeek(d)) },
  M: { pattern: 'A', of: (d: Date) => 'ABCDEFGHJKLM'[d.getUTCMonth()]! },
};
type DatePart = keyof typeof DATE_PARTS;
const SHAPE_TOKEN = /\{(YY|Y|MM|WW|M)\}|./g;

/**
 * A brand's serial, written once in the catalogue's pattern language (common/protocol/products.ts: 9 a digit,
 * A a letter, ? a letter or digit, anything else itself) with the date parts above: the generator fills it in
 * and the catalogue's pattern is read off it, so a serial made for a product always fits that product's pattern.
 */
interface SerialShape {
  shape: string;
  /** Printed as is before the shape: a model code, whose 9s and As are its own characters. */
  prefix?: string;
  /** What a ? is drawn from, where the brand leaves characters out. */
  alnum?: readonly string[];
}

function makeSerial(rng: Rng, s: SerialShape, made: Date): string {
  const filled = s.shape.replace(SHAPE_TOKEN, (c: string, part?: DatePart) => {
    if (part) return DATE_PARTS[part].of(made);
    if (c === '9') return pick(rng, DIGITS);
    if (c === 'A') return pick(rng, UPPER);
    if (c === '?') return pick(rng, s.alnum ?? [...UPPER, ...DIGITS]);
    return c;
  });
  return (s.prefix ?? '') + filled;
}

const patternOf = (s: SerialShape) =>
  (s.prefix ?? '') + s.shape.replace(SHAPE_TOKEN, (c: string, part?: DatePart) => (part ? DATE_PARTS[part].pattern : c));

const SERIALS = {
  /** Year digit and month, the factory's line letters, a running number: 503KWRB012345. */
  lg: { shape: '{Y}{MM}AAA999999' },
  /** Appliances and TVs: fifteen characters, model code first: 0BHV3ABR501234T. */
  samsung: { shape: '0???3AAA999999A' },
  /** Phones: eleven characters, the factory's R5C first. */
  samsungPhone: { shape: 'R5CA???????' },
  /** Year digit, a month letter, a running number: 5C00123456. */
  panasonic: { shape: '{Y}{M}99999999' },
  /** Seven digits. */
  sony: { shape: '9999999' },
  /** Year digit, month, a running number: nine digits. */
  sharp: { shape: '{Y}{MM}999999' },
  /** Year digit, week, a running number: eight digits. */
  electrolux: { shape: '{Y}{WW}99999' },
  apple: { shape: '??????????', alnum: APPLE },
  /** Year and month, then a running number: 2503E012345. */
  daikin: { shape: '{YY}{MM}E999999' },
  /** Fifteen characters, the plant and line first: N3NRCX05A123456. */
  asus: { shape: 'A9NRCX99A999999' },
  /** Product code, a slash, batch letters and a running number: 36207/XD0012345. */
  xiaomi: { shape: '99999/AA9999999' },
  /** Year and week of manufacture, then a running number. */
  philips: { shape: '{YY}{WW}999999' },
} satisfies Record<string, SerialShape>;

/** Vietnamese makers print the model with the year and month of the batch: KG50F79-2503-01234. */
const localSerial = (model: string): SerialShape => ({ prefix: `${model}-`, shape: '{YY}{MM}-99999' });

interface ClaimFault {
  subject: string;
  detail: string;
  /** A fault of the part the maker covers longer (the category's `part`). */
  inPart?: true;
}
interface Category {
  faults: readonly ClaimFault[];
  /** Too big to carry in: a technician comes to the house. */
  atHome: boolean;
  /** The part some makers cover for years after the rest (a compressor, a motor), and its SKU's suffix. */
  part?: { name: string; sku: string };
}

const COMPRESSOR = { name: 'Máy nén', sku: 'MN' };
const FRIDGE: Category = {
  atHome: true,
  part: COMPRESSOR,
  faults: [
    { subject: 'không lạnh', detail: 'Ngăn mát không còn lạnh, nhiệt kế để trong tủ chỉ khoảng 15 độ dù đã chỉnh mức lạnh nhất.' },
    { subject: 'ngăn đá đóng tuyết', detail: 'Ngăn đá đóng tuyết dày, quạt gió bên trong kêu lạch cạch và ngăn mát kém lạnh dần.' },
    { subject: 'chảy nước ra sàn', detail: 'Nước đọng dưới đáy ngăn mát rồi chảy ra sàn nhà, ngày nào cũng phải lau.' },
    {
      subject: 'máy nén chạy liên tục',
      detail: 'Máy nén chạy liên tục không ngắt, vỏ tủ hai bên nóng ran, tiền điện tháng này tăng gần gấp đôi.',
      inPart: true,
    },
  ],
};
const WASHER: Category = {
  atHome: true,
  part: { name: 'Động cơ', sku: 'DC' },
  faults: [
    { subject: 'không xả nước', detail: 'Máy báo lỗi không xả được nước, quần áo ngâm nguyên trong lồng giặt.' },
    {
      subject: 'rung lắc mạnh khi vắt',
      detail: 'Khi vắt lồng giặt rung lắc rất mạnh, máy xê dịch khỏi chỗ và kêu to dù đã cân chỉnh chân máy.',
    },
    { subject: 'không mở được cửa', detail: 'Giặt xong cửa máy bị khóa, không mở được, phải rút điện chờ rất lâu mới mở ra.' },
    { subject: 'không cấp nước', detail: 'Máy không cấp nước vào lồng giặt và báo lỗi, trong khi vòi nước nhà tôi vẫn chảy mạnh.' },
    {
      subject: 'lồng giặt không quay',
      detail: 'Máy cấp nước bình thường nhưng lồng giặt không quay, chỉ nghe tiếng ù ù từ động cơ rồi máy báo lỗi.',
      inPart: true,
    },
  ],
};
const RICE_COOKER: Category = {
  atHome: false,
  faults: [
    { subject: 'không chuyển sang giữ ấm', detail: 'Nồi không tự chuyển sang chế độ giữ ấm, cơm bị khê cháy dưới đáy.' },
    { subject: 'không nóng', detail: 'Đèn báo không sáng, bấm nút nấu thì nồi không nóng lên.' },
    { subject: 'nắp bị xì hơi', detail: 'Gioăng cao su ở nắp bị hở, hơi nước xì ra ngoài và cơm không chín đều.' },
  ],
};
const TV: Category = {
  atHome: true,
  faults: [
    { subject: 'có tiếng không có hình', detail: 'Tivi có tiếng nhưng màn hình tối đen, chiếu đèn pin vào mới thấy hình rất mờ.' },
    { subject: 'màn hình có sọc', detail: 'Màn hình xuất hiện các sọc dọc màu xanh, ngày càng nhiều hơn.' },
    { subject: 'tự khởi động lại', detail: 'Tivi tự khởi động lại liên tục, cứ hiện logo hãng rồi tắt.' },
  ],
};
const AIR_CONDITIONER: Category = {
  atHome: true,
  part: COMPRESSOR,
  faults: [
    { subject: 'không mát', detail: 'Máy chạy nhưng không mát, máy nén ở dàn nóng bên ngoài không chạy.', inPart: true },
    { subject: 'dàn lạnh chảy nước', detail: 'Dàn lạnh chảy nước xuống tường và sàn nhà, nhất là khi bật mức lạnh sâu.' },
    { subject: 'báo lỗi và tự tắt', detail: 'Máy chạy được vài phút thì đèn nháy báo lỗi và tự tắt.' },
  ],
};
const MICROWAVE: Category = {
  atHome: false,
  faults: [
    { subject: 'không làm nóng', detail: 'Lò vẫn chạy, đĩa vẫn xoay nhưng thức ăn không nóng lên.' },
    { subject: 'phát tia lửa', detail: 'Khi hâm thức ăn trong lò có tia lửa lóe lên ở vách bên phải, dù tôi không để vật kim loại vào.' },
    { subject: 'không nhận phím bấm', detail: 'Bảng điều khiển không nhận phím bấm, chỉ hẹn giờ được bằng núm xoay.' },
  ],
};
const WATER_PURIFIER: Category = {
  atHome: true,
  faults: [
    { subject: 'bơm chạy liên tục', detail: 'Máy bơm chạy liên tục không ngắt dù bình chứa đã đầy.' },
    { subject: 'không ra nước', detail: 'Vòi nước tinh khiết không ra nước, chỉ có nước thải chảy ra.' },
    { subject: 'rỉ nước', detail: 'Nước rỉ ra từ đáy vỏ máy, đọng thành vũng dưới gầm bếp.' },
  ],
};
const INDUCTION_HOB: Category = {
  atHome: true,
  faults: [
    { subject: 'báo lỗi không nhận nồi', detail: 'Bếp báo lỗi không nhận nồi, dù tôi dùng đúng nồi đáy từ trước giờ vẫn nấu được.' },
    { subject: 'một vùng nấu không nóng', detail: 'Vùng nấu bên trái không nóng, vùng bên phải vẫn dùng bình thường.' },
    { subject: 'quạt tản nhiệt kêu to', detail: 'Quạt tản nhiệt kêu to và bếp tự ngắt khi đang nấu.' },
  ],
};
const AIR_COOLER: Category = {
  atHome: false,
  faults: [
    { subject: 'bơm nước không chạy', detail: 'Quạt chỉ thổi gió thường, bơm nước không chạy nên tấm làm mát khô.' },
    { subject: 'mô tơ kêu to', detail: 'Mô tơ kêu rè rè và có mùi khét khi bật số lớn.' },
  ],
};
const PHONE: Category = {
  atHome: false,
  faults: [
    { subject: 'tự tắt nguồn', detail: 'Máy tự tắt nguồn khi pin còn khoảng 30%, sạc lại thì lên ngay.' },
    { subject: 'cảm ứng không nhận', detail: 'Cảm ứng không nhận ở phần dưới màn hình, không gõ được phím cách.' },
    { subject: 'không nhận SIM', detail: 'Máy báo không có SIM dù tôi đã thử hai SIM khác nhau.' },
    { subject: 'loa bị rè', detail: 'Loa ngoài bị rè khi mở nhạc hoặc nghe điện thoại bật loa.' },
  ],
};
const LAPTOP: Category = {
  atHome: false,
  faults: [
    { subject: 'không lên nguồn', detail: 'Máy không lên nguồn dù đã sạc qua đêm, đèn sạc vẫn sáng.' },
    { subject: 'liệt phím', detail: 'Bàn phím bị liệt mấy phím hàng giữa, gõ không ăn.' },
    { subject: 'quá nóng và tự tắt', detail: 'Quạt kêu to, máy nóng và tự tắt khi chỉ mở vài tab trình duyệt.' },
    { subject: 'màn hình chập chờn', detail: 'Màn hình chập chờn, mất hình khi mở gập máy ở một góc nhất định.' },
  ],
};
const HEADPHONES: Category = {
  atHome: false,
  faults: [
    { subject: 'một bên không có tiếng', detail: 'Tai phải không có tiếng, tai trái vẫn nghe bình thường.' },
    { subject: 'không sạc được', detail: 'Cắm sạc không thấy đèn báo, pin không vào.' },
    { subject: 'chống ồn bị rè', detail: 'Bật chống ồn thì có tiếng rè liên tục ở cả hai bên tai.' },
  ],
};
const ROBOT_VACUUM: Category = {
  atHome: false,
  faults: [
    { subject: 'không về dock sạc', detail: 'Robot không tự tìm về dock sạc, hết pin nằm giữa nhà.' },
    { subject: 'chạy vòng tròn', detail: 'Bánh xe bên trái không quay, robot cứ chạy vòng tròn tại chỗ.' },
    { subject: 'báo lỗi cảm biến', detail: 'Robot báo lỗi cảm biến laser và dừng ngay khi bắt đầu dọn.' },
  ],
};
const IRON: Category = {
  atHome: false,
  faults: [
    { subject: 'không ra hơi', detail: 'Bàn là không ra hơi nước dù bình chứa đầy và đã bật mức hơi cao nhất.' },
    { subject: 'rỉ nước ở mặt đế', detail: 'Nước rỉ ra ở mặt đế làm ướt quần áo khi là.' },
  ],
};
const HAIR_DRYER: Category = {
  atHome: false,
  faults: [
    { subject: 'chỉ thổi gió lạnh', detail: 'Máy sấy chỉ thổi gió lạnh ở mọi mức nhiệt.' },
    { subject: 'có mùi khét', detail: 'Máy có mùi khét và tự tắt sau khoảng một phút sử dụng.' },
  ],
};

/** A product as its maker labels it: what it is called, its serials, what goes wrong with it. */
interface Appliance {
  name: string;
  serial: SerialShape;
  category: Category;
}
/** One the retailer sells: its SKU and warranty, and how much longer the maker covers the category's part. */
interface Model extends Appliance {
  sku: string;
  warrantyMonths: number;
  partMonths?: number;
  /** No longer sold: it stays in the catalogue, inactive, for the claims that name it. */
  discontinued?: true;
}

/** A catalogue row: SKU, the name on the price tag, warranty months, serial, category, and what else it has. */
const item = (
  sku: string,
  name: string,
  warrantyMonths: number,
  serial: SerialShape,
  category: Category,
  more: Pick<Model, 'partMonths' | 'discontinued'> = {},
): Model => ({ sku, name, warrantyMonths, serial, category, ...more });

/**
 * The models the retailer sells and services, named as on its price tags, with the warranty it gives in
 * Vietnam: a year for most small appliances, phones and air conditioners; two for large appliances, TVs,
 * laptops and the small appliances of makers who give two; three for the water purifier. Where the maker
 * covers a part for years (an inverter fridge's or air conditioner's compressor, a direct-drive washer's
 * motor), that part is in the catalogue too.
 */
export const CATALOGUE: readonly Model[] = [
  item('NR-BV331CPKV', 'Tủ lạnh Panasonic NR-BV331', 24, SERIALS.panasonic, FRIDGE, { partMonths: 120 }),
  item('RT38K5982BS-SV', 'Tủ lạnh Samsung RT38K5982BS', 24, SERIALS.samsung, FRIDGE, { partMonths: 120, discontinued: true }),
  item('GN-D392PSA', 'Tủ lạnh LG GN-D392PSA', 24, SERIALS.lg, FRIDGE, { partMonths: 120 }),
  item('FV1409S4W', 'Máy giặt LG FV1409S4W', 24, SERIALS.lg, WASHER, { partMonths: 120 }),
  item('EWF9024P5WB', 'Máy giặt Electrolux EWF9024P5WB', 24, SERIALS.electrolux, WASHER, { partMonths: 120 }),
  item('NA-V90FX1LVT', 'Máy giặt Panasonic NA-V90FX1LVT', 24, SERIALS.panasonic, WASHER),
  item('KS-COM18V', 'Nồi cơm điện Sharp KS-COM18V', 12, SERIALS.sharp, RICE_COOKER),
  item('SR-CP188NRA', 'Nồi cơm điện tử Panasonic SR-CP188NRA', 12, SERIALS.panasonic, RICE_COOKER),
  item('KD-55X80K', 'Tivi Sony KD-55X80K', 24, SERIALS.sony, TV),
  item('UA55AU7700KXXV', 'Tivi Samsung UA55AU7700', 24, SERIALS.samsung, TV),
  item('55UQ7550PSF', 'Tivi LG 55UQ7550PSF', 24, SERIALS.lg, TV),
  item('FTKB35WAVMV', 'Máy lạnh Daikin FTKB35WAVMV', 12, SERIALS.daikin, AIR_CONDITIONER, { partMonths: 60 }),
  item('CS-XU12ZKH-8', 'Máy lạnh Panasonic CU/CS-XU12ZKH-8', 12, SERIALS.panasonic, AIR_CONDITIONER, { partMonths: 84 }),
  item('EMM20K18GW', 'Lò vi sóng Electrolux EMM20K18GW', 24, SERIALS.electrolux, MICROWAVE),
  item('R-205VN-S', 'Lò vi sóng Sharp R-205VN-S', 12, SERIALS.sharp, MICROWAVE),
  item('KAQ-U95', 'Máy lọc nước Karofi KAQ-U95', 36, localSerial('KAQU95'), WATER_PURIFIER),
  item('SHB9105MT', 'Bếp từ đôi Sunhouse SHB9105MT', 12, localSerial('SHB9105'), INDUCTION_HOB),
  item('KG50F79', 'Quạt điều hòa Kangaroo KG50F79', 12, localSerial('KG50F79'), AIR_COOLER),
  item('SM-A556E-128', 'Điện thoại Samsung Galaxy A55 5G', 12, SERIALS.samsungPhone, PHONE),
  item('IPHONE15-128GB', 'Điện thoại iPhone 15 128GB', 12, SERIALS.apple, PHONE),
  item('X1504VA', 'Laptop Asus Vivobook 15 X1504VA', 24, SERIALS.asus, LAPTOP),
  item('WH-1000XM5', 'Tai nghe Sony WH-1000XM5', 12, SERIALS.sony, HEADPHONES),
  item('XM-RVS10', 'Robot hút bụi Xiaomi Robot Vacuum S10', 12, SERIALS.xiaomi, ROBOT_VACUUM),
  item('GC1742', 'Bàn là hơi nước Philips GC1742', 24, SERIALS.philips, IRON),
  item('EH-ND65', 'Máy sấy tóc Panasonic EH-ND65', 12, SERIALS.panasonic, HAIR_DRYER),
];

const AIR_FRYER: Category = {
  atHome: false,
  faults: [
    { subject: 'không nóng', detail: 'Nồi bật lên quạt vẫn quay nhưng không nóng, khoai chiên nửa tiếng vẫn sống.' },
    { subject: 'bảng điều khiển không sáng', detail: 'Cắm điện nhưng bảng điều khiển không sáng, bấm nút nào cũng không phản hồi.' },
  ],
};
const DEHUMIDIFIER: Category = {
  atHome: false,
  faults: [
    { subject: 'không hút ẩm', detail: 'Máy chạy nhưng bình chứa không có giọt nước nào, phòng vẫn ẩm như cũ.' },
    { subject: 'báo đầy nước liên tục', detail: 'Bình chứa đã đổ hết nhưng máy vẫn báo đầy nước và tự dừng.' },
  ],
};

/** Bought elsewhere or given as a present: the catalogue has no such product, so the desk cannot say its warranty. */
const ELSEWHERE: readonly Appliance[] = [
  { name: 'Nồi chiên không dầu Philips HD9252', serial: SERIALS.philips, category: AIR_FRYER },
  { name: 'Máy hút ẩm Sharp DW-D12A-W', serial: SERIALS.sharp, category: DEHUMIDIFIER },
];

const uncapitalise = (s: string) => s.charAt(0).toLocaleLowerCase('vi') + s.slice(1);

/** The catalogue product for a model's longer-covered part: the compressor of a fridge is "Máy nén tủ lạnh …". */
function partOf(m: Model): ProductFields | null {
  const { part } = m.category;
  if (!part || m.partMonths === undefined) return null;
  return {
    sku: `${m.sku}-${part.sku}`,
    name: `${part.name} ${uncapitalise(m.name)}`,
    warrantyMonths: m.partMonths,
    serialPattern: patternOf(m.serial),
    active: !m.discontinued,
  };
}

const productOf = (m: Model): ProductFields => ({
  sku: m.sku,
  name: m.name,
  warrantyMonths: m.warrantyMonths,
  serialPattern: patternOf(m.serial),
  active: !m.discontinued,
});

/** The catalogue as the demo's director enters it (fillDemo): each model, then its part where the maker covers one longer. */
export const DEMO_PRODUCTS: readonly ProductFields[] = CATALOGUE.flatMap((m) => {
  const part = partOf(m);
  return part ? [productOf(m), part] : [productOf(m)];
});

const OPENINGS = ['Kính gửi trung tâm bảo hành,', 'Chào công ty,', 'Xin chào,'];
const CLOSINGS = ['Xin cảm ơn.', 'Mong công ty sắp xếp sớm giúp tôi.', 'Trân trọng.'];

const isoDay = (d: Date) => d.toISOString().slice(0, 10);
const vnDay = (d: Date) => `${two(d.getUTCDate())}/${month2(d)}/${d.getUTCFullYear()}`;

/** A unit someone has claimed for: a later claim may name it again. */
interface Unit {
  model: Model;
  serial: string;
  made: Date;
}
/**
 * The first units claimed from each generator's data set (keyed by its rng, so a seed still makes the same
 * data). A few later claims name one of them again, from another customer as a rule: a unit resold, or a label
 * copied from someone else's box. Few units and many claims on them, so some serials pass the desk's limit.
 */
const claimedUnits = new WeakMap<Rng, Unit[]>();
const REMEMBERED_UNITS = 4;

/** How often each odd claim comes, out of every claim. */
const ODD = { again: 0.06, elsewhere: 0.04, typedShort: 0.04 };
/** How often a claim comes from the website's product list, with its SKU, rather than typed in. */
const FROM_LIST = 0.5;

/** The way a customer types a product's name: as on the price tag, all in lower case, or without the marks. */
const TYPED: readonly ((name: string) => string)[] = [(n) => n, (n) => n.toLocaleLowerCase('vi'), fold];

const inWarranty = (bought: Date, months: number, at: number) => eligibility(isoDay(bought), months, todayInVietnam(at)).state === 'in';

/** The unit a claim is about: one claimed before (a few), one bought elsewhere (a few), else a new one of a catalogue model. */
function claimedUnit(rng: Rng, odd: number, bought: Date): { appliance: Appliance; model: Model | null; serial: string } {
  const units = claimedUnits.get(rng) ?? [];
  claimedUnits.set(rng, units);
  if (odd < ODD.again) {
    // A unit made after this purchase cannot be the one bought.
    const usable = units.filter((u) => u.made.getTime() <= bought.getTime() - 20 * DAY);
    if (usable.length > 0) {
      const { model, serial } = pick(rng, usable);
      return { appliance: model, model, serial };
    }
  }
  const made = new Date(bought.getTime() - between(rng, 20, 240) * DAY);
  if (odd >= ODD.again && odd < ODD.again + ODD.elsewhere) {
    const appliance = pick(rng, ELSEWHERE);
    return { appliance, model: null, serial: makeSerial(rng, appliance.serial, made) };
  }
  const model = pick(rng, CATALOGUE);
  const serial = makeSerial(rng, model.serial, made);
  if (units.length < REMEMBERED_UNITS) units.push({ model, serial, made });
  return { appliance: model, model, serial };
}

/** A claim sent at `at`: bought 1 to 40 months earlier, made up to eight months before it was bought. */
export function makeWarrantyClaim(rng: Rng, at: number): DemoText<'warranty'> {
  const odd = rng();
  const bought = new Date(at - between(rng, 31, 40 * 30) * DAY);
  const { appliance, model, serial: printed } = claimedUnit(rng, odd, bought);
  // Typed one character short: it no longer fits the product's pattern.
  const cut = odd >= 1 - ODD.typedShort ? between(rng, 1, printed.length - 2) : -1;
  const serial = cut < 0 ? printed : printed.slice(0, cut) + printed.slice(cut + 1);
  const fault = pick(rng, appliance.category.faults);
  const unitName = uncapitalise(appliance.name);

  let claimed: ProductFields | null = null;
  let warranty = 'Máy do người thân mua tặng ở cửa hàng khác, tôi không rõ còn bảo hành không, nhờ công ty kiểm tra giúp.';
  if (model) {
    // Past the model's warranty, a fault of the part its maker covers longer is claimed on that part.
    const cover = fault.inPart && !inWarranty(bought, model.warrantyMonths, at) ? model.category.part : undefined;
    const part = cover && partOf(model);
    claimed = part ?? productOf(model);
    if (cover && part) {
      const years = part.warrantyMonths / 12;
      warranty = `Máy đã hết bảo hành chung nhưng ${cover.name.toLocaleLowerCase('vi')} được hãng bảo hành ${years} năm, nhờ công ty kiểm tra giúp.`;
    } else if (inWarranty(bought, claimed.warrantyMonths, at)) {
      warranty = 'Máy vẫn còn trong thời hạn bảo hành, tôi vẫn giữ hóa đơn và phiếu bảo hành.';
    } else {
      warranty = 'Tôi biết máy đã quá thời hạn bảo hành, nhờ công ty kiểm tra và báo giúp chi phí sửa chữa.';
    }
  }
  const sku = claimed && rng() < FROM_LIST ? claimed.sku : undefined;
  const product = !claimed ? appliance.name : sku ? claimed.name : pick(rng, TYPED)(claimed.name);
  return {
    subject: `Bảo hành ${unitName}: ${fault.subject}`,
    body: [
      pick(rng, OPENINGS),
      `Tôi mua ${unitName} ngày ${vnDay(bought)}, số serial ${serial}. ${fault.detail}`,
      warranty,
      appliance.category.atHome
        ? 'Nhờ công ty cử kỹ thuật viên đến nhà kiểm tra giúp.'
        : 'Xin cho biết tôi mang máy đến trung tâm bảo hành nào gần nhất.',
      pick(rng, CLOSINGS),
    ].join('\n'),
    details: { product, serial, purchaseDate: isoDay(bought), ...(sku ? { sku } : {}) },
  };
}
