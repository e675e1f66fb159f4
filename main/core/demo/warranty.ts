/**
 * Demo warranty claims: a model from the retailer's catalogue, a serial in the shape its brand prints on the
 * label (with the date of manufacture where the brand encodes one, always before the purchase), a purchase
 * 1 to 40 months before the claim, and a fault that model can have.
 */
import type { DemoText } from './submissions.ts';
import { between, pick, type Rng } from './vietnamese.ts';

const DAY = 86_400_000;
const DIGITS = '0123456789';
const UPPER = 'ABCDEFGHJKLMNPRSTVWXYZ';
/** Apple's serials since 2021: ten random characters, no vowels (so no words), no O or I. */
const APPLE = '0123456789BCDFGHJKLMNPQRSTVWXYZ';

const chars = (rng: Rng, alphabet: string, n: number) => Array.from({ length: n }, () => pick(rng, [...alphabet])).join('');
const two = (n: number) => String(n).padStart(2, '0');
/** The ISO week of a date (1–53), which some brands stamp into the serial instead of the month. */
function isoWeek(d: Date): number {
  const t = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
  t.setUTCDate(t.getUTCDate() + 4 - (t.getUTCDay() || 7));
  return Math.ceil(((t.getTime() - Date.UTC(t.getUTCFullYear(), 0, 1)) / DAY + 1) / 7);
}

type Serial = (rng: Rng, made: Date) => string;
const year1 = (d: Date) => String(d.getUTCFullYear() % 10);
const year2 = (d: Date) => two(d.getUTCFullYear() % 100);
const month2 = (d: Date) => two(d.getUTCMonth() + 1);

const SERIALS = {
  /** Year digit and month, the factory's line letters, a running number: 503KWRB012345. */
  lg: (rng, made) => `${year1(made)}${month2(made)}${chars(rng, UPPER, 3)}${chars(rng, DIGITS, 6)}`,
  /** Appliances and TVs: fifteen characters, model code first: 0BHV3ABR501234T. */
  samsung: (rng) => `0${chars(rng, UPPER + DIGITS, 3)}3${chars(rng, UPPER, 3)}${chars(rng, DIGITS, 6)}${chars(rng, UPPER, 1)}`,
  /** Phones: eleven characters, the factory's R5C first. */
  samsungPhone: (rng) => `R5C${chars(rng, UPPER, 1)}${chars(rng, UPPER + DIGITS, 7)}`,
  /** Year digit, a month letter, a running number: 5C00123456. */
  panasonic: (rng, made) => `${year1(made)}${'ABCDEFGHJKLM'[made.getUTCMonth()]}${chars(rng, DIGITS, 8)}`,
  /** Seven digits. */
  sony: (rng) => chars(rng, DIGITS, 7),
  /** Year digit, month, a running number: nine digits. */
  sharp: (rng, made) => `${year1(made)}${month2(made)}${chars(rng, DIGITS, 6)}`,
  /** Year digit, week, a running number: eight digits. */
  electrolux: (rng, made) => `${year1(made)}${two(isoWeek(made))}${chars(rng, DIGITS, 5)}`,
  apple: (rng) => chars(rng, APPLE, 10),
  /** Year and month, then a running number: 2503E012345. */
  daikin: (rng, made) => `${year2(made)}${month2(made)}E${chars(rng, DIGITS, 6)}`,
  /** Fifteen characters, the plant and line first: N3NRCX05A123456. */
  asus: (rng) =>
    `${chars(rng, UPPER, 1)}${chars(rng, DIGITS, 1)}NRCX${chars(rng, DIGITS, 2)}${chars(rng, UPPER, 1)}${chars(rng, DIGITS, 6)}`,
  /** Product code, a slash, batch letters and a running number: 36207/XD0012345. */
  xiaomi: (rng) => `${chars(rng, DIGITS, 5)}/${chars(rng, UPPER, 2)}${chars(rng, DIGITS, 7)}`,
  /** Year and week of manufacture, then a running number. */
  philips: (rng, made) => `${year2(made)}${two(isoWeek(made))}${chars(rng, DIGITS, 6)}`,
} satisfies Record<string, Serial>;

/** Vietnamese makers print the model with the year and month of the batch: KG50F79-2503-01234. */
const localSerial =
  (model: string): Serial =>
  (rng, made) =>
    `${model}-${year2(made)}${month2(made)}-${chars(rng, DIGITS, 5)}`;

interface ClaimFault {
  subject: string;
  detail: string;
}
interface Category {
  faults: readonly ClaimFault[];
  /** Too big to carry in: a technician comes to the house. */
  atHome: boolean;
}

const FRIDGE: Category = {
  atHome: true,
  faults: [
    { subject: 'không lạnh', detail: 'Ngăn mát không còn lạnh, nhiệt kế để trong tủ chỉ khoảng 15 độ dù đã chỉnh mức lạnh nhất.' },
    { subject: 'ngăn đá đóng tuyết', detail: 'Ngăn đá đóng tuyết dày, quạt gió bên trong kêu lạch cạch và ngăn mát kém lạnh dần.' },
    { subject: 'chảy nước ra sàn', detail: 'Nước đọng dưới đáy ngăn mát rồi chảy ra sàn nhà, ngày nào cũng phải lau.' },
    {
      subject: 'máy nén chạy liên tục',
      detail: 'Máy nén chạy liên tục không ngắt, vỏ tủ hai bên nóng ran, tiền điện tháng này tăng gần gấp đôi.',
    },
  ],
};
const WASHER: Category = {
  atHome: true,
  faults: [
    { subject: 'không xả nước', detail: 'Máy báo lỗi không xả được nước, quần áo ngâm nguyên trong lồng giặt.' },
    {
      subject: 'rung lắc mạnh khi vắt',
      detail: 'Khi vắt lồng giặt rung lắc rất mạnh, máy xê dịch khỏi chỗ và kêu to dù đã cân chỉnh chân máy.',
    },
    { subject: 'không mở được cửa', detail: 'Giặt xong cửa máy bị khóa, không mở được, phải rút điện chờ rất lâu mới mở ra.' },
    { subject: 'không cấp nước', detail: 'Máy không cấp nước vào lồng giặt và báo lỗi, trong khi vòi nước nhà tôi vẫn chảy mạnh.' },
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
  faults: [
    { subject: 'không mát', detail: 'Máy chạy nhưng không mát, dàn nóng bên ngoài không hoạt động.' },
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

interface Model {
  name: string;
  serial: Serial;
  category: Category;
}

/** The models the retailer sells and services, named as on its price tags. */
export const CATALOGUE: readonly Model[] = [
  { name: 'Tủ lạnh Panasonic NR-BV331', serial: SERIALS.panasonic, category: FRIDGE },
  { name: 'Tủ lạnh Samsung RT38K5982BS', serial: SERIALS.samsung, category: FRIDGE },
  { name: 'Tủ lạnh LG GN-D392PSA', serial: SERIALS.lg, category: FRIDGE },
  { name: 'Máy giặt LG FV1409S4W', serial: SERIALS.lg, category: WASHER },
  { name: 'Máy giặt Electrolux EWF9024P5WB', serial: SERIALS.electrolux, category: WASHER },
  { name: 'Máy giặt Panasonic NA-V90FX1LVT', serial: SERIALS.panasonic, category: WASHER },
  { name: 'Nồi cơm điện Sharp KS-COM18V', serial: SERIALS.sharp, category: RICE_COOKER },
  { name: 'Nồi cơm điện tử Panasonic SR-CP188NRA', serial: SERIALS.panasonic, category: RICE_COOKER },
  { name: 'Tivi Sony KD-55X80K', serial: SERIALS.sony, category: TV },
  { name: 'Tivi Samsung UA55AU7700', serial: SERIALS.samsung, category: TV },
  { name: 'Tivi LG 55UQ7550PSF', serial: SERIALS.lg, category: TV },
  { name: 'Máy lạnh Daikin FTKB35WAVMV', serial: SERIALS.daikin, category: AIR_CONDITIONER },
  { name: 'Máy lạnh Panasonic CU/CS-XU12ZKH-8', serial: SERIALS.panasonic, category: AIR_CONDITIONER },
  { name: 'Lò vi sóng Electrolux EMM20K18GW', serial: SERIALS.electrolux, category: MICROWAVE },
  { name: 'Lò vi sóng Sharp R-205VN-S', serial: SERIALS.sharp, category: MICROWAVE },
  { name: 'Máy lọc nước Karofi KAQ-U95', serial: localSerial('KAQU95'), category: WATER_PURIFIER },
  { name: 'Bếp từ đôi Sunhouse SHB9105MT', serial: localSerial('SHB9105'), category: INDUCTION_HOB },
  { name: 'Quạt điều hòa Kangaroo KG50F79', serial: localSerial('KG50F79'), category: AIR_COOLER },
  { name: 'Điện thoại Samsung Galaxy A55 5G', serial: SERIALS.samsungPhone, category: PHONE },
  { name: 'Điện thoại iPhone 15 128GB', serial: SERIALS.apple, category: PHONE },
  { name: 'Laptop Asus Vivobook 15 X1504VA', serial: SERIALS.asus, category: LAPTOP },
  { name: 'Tai nghe Sony WH-1000XM5', serial: SERIALS.sony, category: HEADPHONES },
  { name: 'Robot hút bụi Xiaomi Robot Vacuum S10', serial: SERIALS.xiaomi, category: ROBOT_VACUUM },
  { name: 'Bàn là hơi nước Philips GC1742', serial: SERIALS.philips, category: IRON },
  { name: 'Máy sấy tóc Panasonic EH-ND65', serial: SERIALS.panasonic, category: HAIR_DRYER },
];

/** Two years is the usual warranty here; an older claim is written knowing it may be paid for. */
const WARRANTY_MONTHS = 24;

const OPENINGS = ['Kính gửi trung tâm bảo hành,', 'Chào công ty,', 'Xin chào,'];
const CLOSINGS = ['Xin cảm ơn.', 'Mong công ty sắp xếp sớm giúp tôi.', 'Trân trọng.'];

const isoDay = (d: Date) => d.toISOString().slice(0, 10);
const vnDay = (d: Date) => `${two(d.getUTCDate())}/${month2(d)}/${d.getUTCFullYear()}`;

/** A claim sent at `at`: bought 1 to 40 months earlier, made up to eight months before it was bought. */
export function makeWarrantyClaim(rng: Rng, at: number): DemoText<'warranty'> {
  const model = pick(rng, CATALOGUE);
  const fault = pick(rng, model.category.faults);
  const daysOwned = between(rng, 31, 40 * 30);
  const bought = new Date(at - daysOwned * DAY);
  const made = new Date(bought.getTime() - between(rng, 20, 240) * DAY);
  const serial = model.serial(rng, made);
  const product = model.name;
  const inWarranty = daysOwned < WARRANTY_MONTHS * 30;
  const lower = product.charAt(0).toLocaleLowerCase('vi') + product.slice(1);
  return {
    subject: `Bảo hành ${lower}: ${fault.subject}`,
    body: [
      pick(rng, OPENINGS),
      `Tôi mua ${lower} ngày ${vnDay(bought)}, số serial ${serial}. ${fault.detail}`,
      inWarranty
        ? 'Máy vẫn còn trong thời hạn bảo hành, tôi vẫn giữ hóa đơn và phiếu bảo hành.'
        : 'Tôi biết máy đã quá thời hạn bảo hành, nhờ công ty kiểm tra và báo giúp chi phí sửa chữa.',
      model.category.atHome
        ? 'Nhờ công ty cử kỹ thuật viên đến nhà kiểm tra giúp.'
        : 'Xin cho biết tôi mang máy đến trung tâm bảo hành nào gần nhất.',
      pick(rng, CLOSINGS),
    ].join('\n'),
    details: { product, serial, purchaseDate: isoDay(bought) },
  };
}
