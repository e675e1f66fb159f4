/**
 * Demo trade contacts: a business that wants to buy in bulk (wholesale) or to sell the retailer's goods on
 * (resale), with the name, tax code, province and volume a real one would type into the website's form.
 */
import type { DemoText } from './submissions.ts';
import { between, fill, pick, type Rng } from './vietnamese.ts';

/**
 * Provinces after the 2025 merger, each with the tax-office prefixes its companies' codes begin with: a
 * company keeps the code it was given, so one in a merged province may carry the old province's prefix
 * (Bình Dương's 37 in Hồ Chí Minh City, Hải Dương's 08 in Hải Phòng).
 */
const PROVINCES: readonly { name: string; taxPrefixes: readonly string[] }[] = [
  { name: 'Hà Nội', taxPrefixes: ['01'] },
  { name: 'TP. Hồ Chí Minh', taxPrefixes: ['03', '37', '35'] },
  { name: 'Hải Phòng', taxPrefixes: ['02', '08'] },
  { name: 'Đà Nẵng', taxPrefixes: ['04', '40'] },
  { name: 'Cần Thơ', taxPrefixes: ['18'] },
  { name: 'Huế', taxPrefixes: ['33'] },
  { name: 'Khánh Hòa', taxPrefixes: ['42'] },
  { name: 'Đồng Nai', taxPrefixes: ['36'] },
  { name: 'Nghệ An', taxPrefixes: ['29'] },
  { name: 'Thanh Hóa', taxPrefixes: ['28'] },
  { name: 'Quảng Ninh', taxPrefixes: ['57'] },
  { name: 'Thái Nguyên', taxPrefixes: ['46'] },
  { name: 'Bắc Ninh', taxPrefixes: ['23'] },
  { name: 'Đắk Lắk', taxPrefixes: ['60'] },
  { name: 'Lâm Đồng', taxPrefixes: ['58'] },
  { name: 'Gia Lai', taxPrefixes: ['59', '41'] },
];

/** The weights of the tax code's check digit (its tenth), as the tax authority computes it. */
const TAX_WEIGHTS = [31, 29, 23, 19, 17, 13, 7, 5, 3];

/** The tenth digit of a tax code that begins with these nine, or null when none exists (such codes are never issued). */
export function taxCheckDigit(nine: string): number | null {
  const check = 10 - ([...nine].reduce((s, d, i) => s + Number(d) * TAX_WEIGHTS[i]!, 0) % 11);
  return check < 10 ? check : null;
}

/** A ten-digit enterprise tax code: the province's prefix, a running number and its check digit. */
export function taxCode(rng: Rng, prefix: string): string {
  for (;;) {
    const nine = prefix + String(between(rng, 0, 9_999_999)).padStart(7, '0');
    const check = taxCheckDigit(nine);
    if (check !== null) return nine + String(check);
  }
}

const TRADE_NAMES = [
  'Minh Phát',
  'Hoàng Long',
  'Thành Đạt',
  'Phú Quý',
  'An Khang',
  'Tân Tiến',
  'Hưng Thịnh',
  'Đại Phát',
  'Kim Ngân',
  'Bình Minh',
  'Sao Việt',
  'Phước Lộc',
  'Thiên Phú',
  'Trường Sơn',
  'Nam Việt',
  'Hải Âu',
];

interface Scenario {
  trade: 'wholesale' | 'resale';
  /** The business's name; `{name}` a trade name. */
  names: readonly string[];
  subjects: readonly string[];
  /** What the business is, after "Chúng tôi là … ở {region}, "; `{n}` from `n`. */
  does: string;
  n: readonly [number, number];
  /** What it asks for. */
  wants: string;
  /** The volume it expects; `{v}` from `v`, rounded to `step`. */
  volume: string;
  v: readonly [number, number, number];
  /** A household business or an online seller may write in their own name, without a company or tax code. */
  alone?: true;
}

const SCENARIOS: readonly Scenario[] = [
  {
    trade: 'wholesale',
    names: ['Khách sạn {name}', 'Công ty TNHH Du lịch {name}'],
    subjects: ['Báo giá tivi và máy lạnh cho khách sạn', 'Đề nghị báo giá mua số lượng lớn'],
    does: 'đang cải tạo lại khách sạn {n} phòng',
    n: [30, 120],
    wants: 'mua tivi, máy lạnh và tủ lạnh mini cho toàn bộ các phòng',
    volume: 'khoảng {v} bộ, giao một lần trong quý tới',
    v: [30, 120, 10],
  },
  {
    trade: 'wholesale',
    names: ['Công ty Cổ phần {name}', 'Công ty TNHH Sản xuất {name}'],
    subjects: ['Báo giá quà Tết cho nhân viên', 'Hỏi giá sỉ nồi cơm điện làm quà tặng'],
    does: 'có khoảng {n} công nhân viên',
    n: [150, 900],
    wants: 'mua nồi cơm điện và bếp từ làm quà Tết cho công nhân viên',
    volume: 'khoảng {v} phần quà, giao trước Tết',
    v: [150, 900, 50],
  },
  {
    trade: 'wholesale',
    names: ['Công ty TNHH Bất động sản {name}', 'Căn hộ dịch vụ {name}'],
    subjects: ['Mua sỉ thiết bị cho căn hộ cho thuê', 'Báo giá tủ lạnh và máy giặt số lượng lớn'],
    does: 'quản lý {n} tòa căn hộ cho thuê',
    n: [2, 8],
    wants: 'mua tủ lạnh, máy giặt và máy lạnh cho các căn hộ mới hoàn thiện',
    volume: 'khoảng {v} bộ mỗi quý',
    v: [10, 40, 5],
  },
  {
    trade: 'wholesale',
    names: ['Cửa hàng Điện gia dụng {name}', 'Hộ kinh doanh {name}'],
    subjects: ['Hỏi giá sỉ đồ gia dụng', 'Xin bảng giá sỉ'],
    does: 'bán đồ gia dụng ở chợ huyện đã {n} năm',
    n: [3, 15],
    wants: 'nhập sỉ quạt điều hòa, bàn là và máy sấy tóc về bán lẻ',
    volume: 'khoảng {v} thùng/tháng',
    v: [50, 300, 10],
    alone: true,
  },
  {
    trade: 'resale',
    names: ['Cửa hàng Điện máy {name}', 'Công ty TNHH Thương mại Điện máy {name}'],
    subjects: ['Đăng ký làm đại lý', 'Hợp tác phân phối điện máy'],
    does: 'kinh doanh điện máy {n} năm nay',
    n: [3, 20],
    wants: 'làm đại lý phân phối tivi, tủ lạnh và máy giặt của công ty',
    volume: 'khoảng {v} máy/tháng',
    v: [20, 150, 10],
  },
  {
    trade: 'resale',
    names: ['Shop {name}', 'Hộ kinh doanh {name}'],
    subjects: ['Đăng ký cộng tác viên bán hàng online', 'Xin chính sách lấy hàng bán lại'],
    does: 'bán hàng online trên Shopee và TikTok Shop, khoảng {n} nghìn người theo dõi',
    n: [5, 80],
    wants: 'lấy tai nghe, loa Bluetooth và đồng hồ thông minh về bán lại',
    volume: 'khoảng {v} đơn/tháng',
    v: [100, 600, 50],
    alone: true,
  },
  {
    trade: 'resale',
    names: ['Công ty Cổ phần Thương mại {name}', 'Công ty TNHH Phân phối {name}'],
    subjects: ['Hợp tác phân phối máy lọc nước', 'Đề nghị làm nhà phân phối khu vực'],
    does: 'có chuỗi {n} cửa hàng ở các huyện',
    n: [4, 25],
    wants: 'phân phối lại máy lọc nước và đồ gia dụng nhà bếp trong khu vực',
    volume: 'khoảng {v} thùng/tháng',
    v: [100, 500, 20],
  },
];

const OPENINGS = ['Kính gửi phòng kinh doanh,', 'Kính gửi quý công ty,', 'Chào anh/chị phòng kinh doanh,'];
const ASKS = {
  wholesale:
    'Nhờ quý công ty gửi báo giá sỉ kèm mức chiết khấu theo số lượng, điều kiện thanh toán, thời gian giao hàng và chính sách bảo hành.',
  resale:
    'Xin cho biết điều kiện làm đại lý: bảng giá đại lý, mức chiết khấu, chính sách công nợ, hỗ trợ trưng bày và vận chuyển, bảo hành cho khách mua qua đại lý.',
} as const;
const CLOSINGS = ['Trân trọng.', 'Rất mong được hợp tác.', 'Mong sớm nhận được phản hồi qua email.'];

const rounded = (rng: Rng, [lo, hi, step]: readonly [number, number, number]) => Math.round(between(rng, lo, hi) / step) * step;

export function makeTradeContact(rng: Rng): DemoText<'trade_contact'> {
  const s = pick(rng, SCENARIOS);
  const region = pick(rng, PROVINCES);
  const vars = { n: String(between(rng, ...s.n)), v: String(rounded(rng, s.v)) };
  const expectedVolume = fill(s.volume, vars);
  const alone = s.alone && rng() < 0.4;
  let company: string | undefined;
  let code: string | undefined;
  if (!alone) {
    company = fill(pick(rng, s.names), { name: pick(rng, TRADE_NAMES) });
    // One company in ten writes from a branch: its code is the head office's with the branch's number.
    const branch = !company.startsWith('Hộ kinh doanh') && rng() < 0.1;
    const seat = branch
      ? pick(
          rng,
          PROVINCES.filter((p) => p !== region),
        )
      : region;
    code = taxCode(rng, pick(rng, seat.taxPrefixes)) + (branch ? `-00${between(rng, 1, 9)}` : '');
    if (branch) company = `Chi nhánh ${company} tại ${region.name}`;
  }
  const intro = company
    ? `Chúng tôi là ${company} ở ${region.name}, ${fill(s.does, vars)}. Chúng tôi muốn ${s.wants}, dự kiến ${expectedVolume}.`
    : `Tôi ở ${region.name}, ${fill(s.does, vars)}. Tôi muốn ${s.wants}, dự kiến ${expectedVolume}.`;
  return {
    subject: pick(rng, s.subjects),
    body: [pick(rng, OPENINGS), intro, ASKS[s.trade], pick(rng, CLOSINGS)].join('\n'),
    details: {
      trade: s.trade,
      region: region.name,
      expectedVolume,
      ...(company ? { company } : {}),
      ...(code ? { taxCode: code } : {}),
    },
  };
}
