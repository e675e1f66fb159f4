/**
 * Realistic Vietnamese complaint text for the demo profile and the benchmark: names, addresses, products
 * and the problems customers of an electronics and home-appliance retailer write about. Each product has
 * only faults it can have (no fridge with a draining battery), besides the problems any order can have.
 * Deterministic for a given seed, so a benchmark builds the same data in both of its stores. The other kinds
 * the website sends (questions, trade contacts, warranty claims, feedback) are in submissions.ts.
 */
import { fold } from '../../../common/text/fold.ts';

/** mulberry32: a tiny seeded PRNG; Math.random cannot be seeded. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Rng = () => number;
export const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)]!;
export const between = (rng: Rng, lo: number, hi: number): number => lo + Math.floor(rng() * (hi - lo + 1));

/** `{name}` in a template becomes vars.name; a placeholder without a value is a bug in the template. */
export function fill(template: string, vars: Readonly<Record<string, string>>): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = vars[name];
    if (value === undefined) throw new Error(`demo template ${JSON.stringify(template)} has no value for {${name}}`);
    return value;
  });
}

export const capitalise = (s: string): string => s.charAt(0).toLocaleUpperCase('vi') + s.slice(1);

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lý'];
const MIDDLE_M = ['Văn', 'Minh', 'Đức', 'Quốc', 'Gia', 'Hữu', 'Thanh'];
const MIDDLE_F = ['Thị', 'Ngọc', 'Thu', 'Hoài', 'Thanh', 'Minh', 'Bảo'];
const GIVEN_M = ['Hùng', 'Dũng', 'Tuấn', 'Nam', 'Khoa', 'Long', 'Quân', 'Đạt', 'Phúc', 'Thắng', 'Sơn', 'Hiếu'];
const GIVEN_F = ['Lan', 'Hương', 'Mai', 'Linh', 'Trang', 'Phương', 'Thảo', 'Vy', 'Yến', 'Hà', 'Ngân', 'Nhung'];
const STREETS = [
  'Lê Lợi',
  'Trần Hưng Đạo',
  'Nguyễn Huệ',
  'Hai Bà Trưng',
  'Lý Thường Kiệt',
  'Điện Biên Phủ',
  'Nguyễn Trãi',
  'Cách Mạng Tháng Tám',
  'Phan Đình Phùng',
  'Võ Văn Tần',
];
/** Cities where customers live and the retailer has branches. */
export const CITIES = [
  'Hà Nội',
  'TP. Hồ Chí Minh',
  'Đà Nẵng',
  'Hải Phòng',
  'Cần Thơ',
  'Huế',
  'Nha Trang',
  'Biên Hòa',
  'Vũng Tàu',
  'Quy Nhơn',
  'Buôn Ma Thuột',
  'Thái Nguyên',
];
const MAIL = ['gmail.com', 'yahoo.com.vn', 'outlook.com', 'icloud.com'];
const PHONE_PREFIX = ['090', '091', '093', '094', '096', '097', '098', '032', '035', '037', '070', '077', '081', '085'];

export interface Fault {
  subject: string;
  /** `{d}` becomes a small number (days, hours, times). */
  detail: string;
}
export interface Product {
  name: string;
  /** What can go wrong with this product itself; every product can also have the ORDER_PROBLEMS. */
  faults: readonly Fault[];
  /** Installed at the customer's home by a technician (a question about installation names only these). */
  installed?: true;
}

/** Problems with the order, the delivery or the service: any product can have them. */
export const ORDER_PROBLEMS: readonly Fault[] = [
  {
    subject: 'giao hàng trễ hẹn',
    detail: 'Đơn hàng hẹn giao trong 2 ngày nhưng đến nay đã {d} ngày tôi vẫn chưa nhận được, gọi tổng đài thì không ai nghe máy.',
  },
  {
    subject: 'sản phẩm bị trầy xước',
    detail: 'Khi mở hộp tôi thấy mặt trước bị trầy xước nhiều chỗ, hộp còn nguyên niêm phong nên lỗi không phải do tôi.',
  },
  {
    subject: 'thái độ nhân viên giao hàng',
    detail: 'Nhân viên giao hàng nói chuyện thiếu lịch sự, không cho tôi kiểm tra hàng trước khi ký nhận.',
  },
  {
    subject: 'chưa nhận hóa đơn VAT',
    detail: 'Tôi đã yêu cầu xuất hóa đơn VAT cho công ty khi đặt hàng nhưng sau {d} ngày vẫn chưa nhận được.',
  },
  { subject: 'bị tính phí vận chuyển hai lần', detail: 'Sao kê ngân hàng cho thấy phí vận chuyển bị trừ hai lần cho cùng một đơn hàng.' },
  {
    subject: 'chưa được hoàn tiền',
    detail: 'Tôi đã trả hàng từ {d} ngày trước và được hứa hoàn tiền trong 7 ngày nhưng đến nay chưa nhận được.',
  },
  {
    subject: 'đổi trả không đúng chính sách',
    detail: 'Cửa hàng từ chối đổi sản phẩm lỗi dù vẫn trong thời hạn 30 ngày đổi trả theo chính sách công bố.',
  },
  { subject: 'khuyến mãi không được áp dụng', detail: 'Mã giảm giá {d}% đang còn hạn nhưng hệ thống không áp dụng khi thanh toán.' },
  {
    subject: 'điện thoại tổng đài không liên lạc được',
    detail: 'Tôi gọi tổng đài chăm sóc khách hàng {d} lần trong hai ngày nhưng không ai bắt máy.',
  },
];

const NO_POWER: Fault = {
  subject: 'không lên nguồn',
  detail: 'Sản phẩm dùng được {d} ngày thì không lên nguồn nữa, tôi đã thử cắm điện ở ổ khác nhưng vẫn vậy.',
};
const DEAD_PIXELS: Fault = {
  subject: 'màn hình có điểm chết',
  detail: 'Màn hình có {d} điểm chết ở góc trên bên phải, nhìn rất rõ khi nền tối.',
};
const BATTERY: Fault = {
  subject: 'pin sụt nhanh',
  detail: 'Pin sụt rất nhanh, sạc đầy chỉ dùng được khoảng {d} giờ dù tôi không dùng ứng dụng nặng.',
};
const NO_CHARGER: Fault = {
  subject: 'thiếu phụ kiện',
  detail: 'Trong hộp thiếu bộ sạc và sách hướng dẫn sử dụng so với mô tả trên trang web.',
};
const WRONG_COLOUR: Fault = { subject: 'giao sai màu', detail: 'Tôi đặt màu xanh nhưng nhận được màu đỏ, mã đơn hàng vẫn ghi màu xanh.' };
const NOISY: Fault = {
  subject: 'kêu to khi hoạt động',
  detail: 'Máy phát ra tiếng kêu to bất thường khi hoạt động, nhất là vào ban đêm, cả nhà không ngủ được.',
};
const LEAKING: Fault = {
  subject: 'bị rò rỉ nước',
  detail: 'Sau {d} ngày sử dụng, nước rò rỉ ra sàn quanh máy; tôi đã kiểm tra lại lắp đặt theo hướng dẫn nhưng vẫn bị.',
};
const NOT_COOLING: Fault = {
  subject: 'làm lạnh kém',
  detail: 'Máy chạy liên tục nhưng không lạnh, sau {d} giờ nhiệt độ gần như không giảm.',
};
const NOT_HEATING: Fault = {
  subject: 'không nóng',
  detail: 'Đèn báo vẫn sáng bình thường nhưng máy không nóng lên, để {d} phút vẫn vậy.',
};
const BLUETOOTH: Fault = {
  subject: 'hay mất kết nối Bluetooth',
  detail: 'Kết nối Bluetooth với điện thoại chập chờn, cứ khoảng {d} phút lại tự ngắt.',
};

export const PRODUCTS: readonly Product[] = [
  { name: 'điện thoại Samsung Galaxy A55', faults: [NO_POWER, DEAD_PIXELS, BATTERY, NO_CHARGER, WRONG_COLOUR] },
  { name: 'tủ lạnh Panasonic 322 lít', faults: [NO_POWER, NOT_COOLING, NOISY, LEAKING] },
  {
    name: 'máy giặt LG 9 kg',
    installed: true,
    faults: [
      NO_POWER,
      NOISY,
      LEAKING,
      {
        subject: 'báo lỗi không vắt',
        detail: 'Máy giặt xong thì báo lỗi và không vắt, quần áo còn ướt sũng; trong tuần đã bị {d} lần.',
      },
    ],
  },
  {
    name: 'nồi cơm điện Sharp 1,8 lít',
    faults: [
      NO_POWER,
      {
        subject: 'nấu cơm không chín',
        detail: 'Nồi báo đã nấu xong nhưng cơm ở giữa vẫn còn sống, tôi đã thử {d} lần với lượng nước đúng vạch.',
      },
      {
        subject: 'lòng nồi bong tróc',
        detail: 'Lớp chống dính trong lòng nồi bong tróc chỉ sau {d} tuần, dù tôi chỉ dùng muỗng nhựa đi kèm.',
      },
    ],
  },
  { name: 'tai nghe Sony WH-1000XM5', faults: [BATTERY, BLUETOOTH, NO_CHARGER, WRONG_COLOUR] },
  { name: 'laptop Asus Vivobook 15', faults: [NO_POWER, DEAD_PIXELS, BATTERY, NO_CHARGER, NOISY] },
  { name: 'quạt điều hòa Kangaroo', faults: [NO_POWER, NOT_COOLING, NOISY, LEAKING] },
  {
    name: 'máy lọc nước Karofi',
    installed: true,
    faults: [
      LEAKING,
      NOISY,
      {
        subject: 'nước sau lọc có mùi lạ',
        detail: 'Nước sau khi lọc có mùi lạ, dù lõi lọc mới được kỹ thuật viên thay {d} ngày trước.',
      },
    ],
  },
  { name: 'bàn là hơi nước Philips', faults: [NO_POWER, NOT_HEATING, LEAKING] },
  {
    name: 'tivi Sony 55 inch',
    installed: true,
    faults: [
      NO_POWER,
      DEAD_PIXELS,
      {
        subject: 'không kết nối được Wi-Fi',
        detail: 'Tivi không kết nối được Wi-Fi dù các thiết bị khác trong nhà vẫn vào mạng bình thường; tôi đã thử {d} lần.',
      },
    ],
  },
  { name: 'máy lạnh Daikin 1,5 HP', faults: [NOT_COOLING, NOISY, LEAKING], installed: true },
  { name: 'lò vi sóng Electrolux', faults: [NO_POWER, NOT_HEATING, NOISY] },
  {
    name: 'máy hút bụi Xiaomi',
    faults: [
      BATTERY,
      NOISY,
      {
        subject: 'lực hút yếu',
        detail: 'Lực hút yếu hẳn chỉ sau {d} ngày, tôi đã vệ sinh hộp chứa bụi và bộ lọc nhưng không cải thiện.',
      },
    ],
  },
  { name: 'đồng hồ thông minh Apple Watch', faults: [BATTERY, DEAD_PIXELS, BLUETOOTH, NO_CHARGER, WRONG_COLOUR] },
  { name: 'loa Bluetooth JBL', faults: [BATTERY, BLUETOOTH, NO_CHARGER, WRONG_COLOUR] },
  {
    name: 'bếp từ Sunhouse',
    installed: true,
    faults: [
      NO_POWER,
      NOT_HEATING,
      { subject: 'mặt kính bị nứt', detail: 'Mặt kính bếp bị nứt sau {d} lần nấu, tôi chỉ dùng nồi đúng loại theo hướng dẫn.' },
    ],
  },
  { name: 'máy sấy tóc Panasonic', faults: [NO_POWER, NOT_HEATING, NOISY, WRONG_COLOUR] },
];

const OPENINGS = ['Kính gửi bộ phận chăm sóc khách hàng,', 'Chào công ty,', 'Xin chào,', 'Kính gửi quý công ty,'];
const ASKS = [
  'Đề nghị công ty kiểm tra và phản hồi sớm cho tôi.',
  'Tôi muốn được đổi sản phẩm mới hoặc hoàn tiền.',
  'Mong công ty xử lý dứt điểm trong tuần này.',
  'Xin cho biết hướng giải quyết và thời gian cụ thể.',
];
const CLOSINGS = ['Trân trọng.', 'Cảm ơn.', 'Xin cảm ơn và mong phản hồi.', 'Tôi chờ tin của công ty.'];

/** Made-up usernames and emails are ASCII, as real ones mostly are. */
const ascii = fold;

export interface DemoCustomer {
  username: string;
  gender: 'male' | 'female';
  fullName: string;
  email: string;
  phone: string;
  address: string;
}

export function makeCustomer(rng: Rng, n: number): DemoCustomer {
  const gender = rng() < 0.5 ? 'male' : 'female';
  const family = pick(rng, FAMILY);
  const middle = pick(rng, gender === 'male' ? MIDDLE_M : MIDDLE_F);
  const given = pick(rng, gender === 'male' ? GIVEN_M : GIVEN_F);
  const handle = `${ascii(given)}${ascii(family)}${n}`;
  return {
    username: handle,
    gender,
    fullName: `${family} ${middle} ${given}`,
    email: `${ascii(given)}.${ascii(family)}${between(rng, 10, 99)}@${pick(rng, MAIL)}`,
    phone: `${pick(rng, PHONE_PREFIX)}${String(between(rng, 0, 9_999_999)).padStart(7, '0')}`,
    address: `${between(rng, 1, 300)} ${pick(rng, STREETS)}, ${pick(rng, CITIES)}`,
  };
}

export interface DemoComplaint {
  subject: string;
  body: string;
  /** The product's name and the fault's subject, so a test can check the two belong together. */
  product: string;
  fault: string;
}

export function makeComplaint(rng: Rng): DemoComplaint {
  const product = pick(rng, PRODUCTS);
  // Half about the product itself, half about the order around it.
  const fault = pick(rng, rng() < 0.5 ? product.faults : ORDER_PROBLEMS);
  const order = `DH${between(rng, 100000, 999999)}`;
  const detail = fault.detail.replace('{d}', String(between(rng, 2, 12)));
  return {
    subject: `Khiếu nại ${product.name}: ${fault.subject}`,
    body: [pick(rng, OPENINGS), `Tôi mua ${product.name} theo đơn hàng ${order}. ${detail}`, pick(rng, ASKS), pick(rng, CLOSINGS)].join(
      '\n',
    ),
    product: product.name,
    fault: fault.subject,
  };
}
