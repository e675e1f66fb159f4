/**
 * Realistic Vietnamese complaint text for the demo profile and the benchmark: names, addresses, products
 * and the problems customers of an electronics and home-appliance retailer write about.
 * Deterministic for a given seed, so a benchmark builds the same data in both of its stores.
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
const CITIES = [
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

export const PRODUCTS = [
  'điện thoại Samsung Galaxy A55',
  'tủ lạnh Panasonic 322 lít',
  'máy giặt LG 9 kg',
  'nồi cơm điện Sharp 1,8 lít',
  'tai nghe Sony WH-1000XM5',
  'laptop Asus Vivobook 15',
  'quạt điều hòa Kangaroo',
  'máy lọc nước Karofi',
  'bàn là hơi nước Philips',
  'tivi Sony 55 inch',
  'máy lạnh Daikin 1,5 HP',
  'lò vi sóng Electrolux',
  'máy hút bụi Xiaomi',
  'đồng hồ thông minh Apple Watch',
  'loa Bluetooth JBL',
  'bếp từ Sunhouse',
  'máy sấy tóc Panasonic',
];

const PROBLEMS: readonly { subject: string; detail: string }[] = [
  {
    subject: 'giao hàng trễ hẹn',
    detail: 'Đơn hàng hẹn giao trong 2 ngày nhưng đến nay đã {d} ngày tôi vẫn chưa nhận được, gọi tổng đài thì không ai nghe máy.',
  },
  {
    subject: 'sản phẩm bị trầy xước',
    detail: 'Khi mở hộp tôi thấy mặt trước bị trầy xước nhiều chỗ, hộp còn nguyên niêm phong nên lỗi không phải do tôi.',
  },
  { subject: 'không lên nguồn', detail: 'Sản phẩm dùng được {d} ngày thì không lên nguồn nữa, tôi đã thử ổ cắm khác nhưng vẫn vậy.' },
  {
    subject: 'thái độ nhân viên giao hàng',
    detail: 'Nhân viên giao hàng nói chuyện thiếu lịch sự, không cho tôi kiểm tra hàng trước khi ký nhận.',
  },
  { subject: 'thiếu phụ kiện', detail: 'Trong hộp thiếu bộ sạc và sách hướng dẫn sử dụng so với mô tả trên trang web.' },
  {
    subject: 'chưa nhận hóa đơn VAT',
    detail: 'Tôi đã yêu cầu xuất hóa đơn VAT cho công ty khi đặt hàng nhưng sau {d} ngày vẫn chưa nhận được.',
  },
  { subject: 'bị tính phí vận chuyển hai lần', detail: 'Sao kê ngân hàng cho thấy phí vận chuyển bị trừ hai lần cho cùng một đơn hàng.' },
  { subject: 'màn hình có điểm chết', detail: 'Màn hình có {d} điểm chết ở góc trên bên phải, nhìn rất rõ khi nền tối.' },
  { subject: 'pin sụt nhanh', detail: 'Pin sụt rất nhanh, sạc đầy chỉ dùng được khoảng {d} giờ dù tôi không dùng ứng dụng nặng.' },
  {
    subject: 'kêu to khi hoạt động',
    detail: 'Máy phát ra tiếng kêu to bất thường khi hoạt động, nhất là vào ban đêm, cả nhà không ngủ được.',
  },
  {
    subject: 'chưa được hoàn tiền',
    detail: 'Tôi đã trả hàng từ {d} ngày trước và được hứa hoàn tiền trong 7 ngày nhưng đến nay chưa nhận được.',
  },
  {
    subject: 'đổi trả không đúng chính sách',
    detail: 'Cửa hàng từ chối đổi sản phẩm lỗi dù vẫn trong thời hạn 30 ngày đổi trả theo chính sách công bố.',
  },
  { subject: 'giao sai màu', detail: 'Tôi đặt màu xanh nhưng nhận được màu đỏ, mã đơn hàng vẫn ghi màu xanh.' },
  { subject: 'khuyến mãi không được áp dụng', detail: 'Mã giảm giá {d}% đang còn hạn nhưng hệ thống không áp dụng khi thanh toán.' },
  {
    subject: 'điện thoại tổng đài không liên lạc được',
    detail: 'Tôi gọi tổng đài chăm sóc khách hàng {d} lần trong hai ngày nhưng không ai bắt máy.',
  },
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

export function makeComplaint(rng: Rng): { subject: string; body: string } {
  const product = pick(rng, PRODUCTS);
  const problem = pick(rng, PROBLEMS);
  const order = `DH${between(rng, 100000, 999999)}`;
  const detail = problem.detail.replace('{d}', String(between(rng, 2, 12)));
  return {
    subject: `Khiếu nại ${product}: ${problem.subject}`,
    body: [pick(rng, OPENINGS), `Tôi mua ${product} theo đơn hàng ${order}. ${detail}`, pick(rng, ASKS), pick(rng, CLOSINGS)].join('\n'),
  };
}
