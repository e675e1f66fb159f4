/**
 * Every kind of submission the website sends, for the demo profile and the website simulator: complaints
 * (vietnamese.ts), questions and feedback (here), trade contacts (trade.ts) and warranty claims
 * (warranty.ts). Each comes with its kind's own fields exactly as the website sends them (WEBSITE_DETAILS),
 * so the rows the demo writes and the posts the simulator makes are the same data.
 */
import type { z } from 'zod';
import type { WEBSITE_DETAILS } from '../../../common/protocol/submission-details.ts';
import { SUBMISSION_KINDS, type SubmissionKind } from '../../../common/vocabulary/submissions.ts';
import { makeTradeContact } from './trade.ts';
import { between, capitalise, CITIES, fill, makeComplaint, pick, PRODUCTS, type Rng } from './vietnamese.ts';
import { makeWarrantyClaim } from './warranty.ts';

/** A kind's own fields, typed from the one schema the intake, the API and the hub check them with. */
export type DetailsOf<K extends SubmissionKind> = z.infer<z.ZodObject<(typeof WEBSITE_DETAILS)[K]>>;

export interface DemoSubmission<K extends SubmissionKind = SubmissionKind> {
  kind: K;
  subject: string;
  body: string;
  details: DetailsOf<K>;
}
export type AnyDemoSubmission = { [K in SubmissionKind]: DemoSubmission<K> }[SubmissionKind];
export type DemoText<K extends SubmissionKind> = Omit<DemoSubmission<K>, 'kind'>;

/**
 * How many of each kind the website brings in for every complaint: the demo profile's default numbers and
 * the simulator's mix. Questions are the most common after complaints; trade contacts the rarest.
 */
export const KIND_MIX: Readonly<Record<SubmissionKind, number>> = {
  complaint: 1,
  question: 0.4,
  trade_contact: 0.1,
  warranty: 0.25,
  feedback: 0.2,
};

/** A kind drawn in the proportions of KIND_MIX. */
export function pickKind(rng: Rng): SubmissionKind {
  const total = SUBMISSION_KINDS.reduce((sum, k) => sum + KIND_MIX[k], 0);
  let r = rng() * total;
  for (const k of SUBMISSION_KINDS) {
    r -= KIND_MIX[k];
    if (r < 0) return k;
  }
  return 'complaint'; // only when rounding leaves r at exactly 0
}

interface Question {
  subject: string;
  /** `{p}` a product (`{P}` capitalised), `{city}` a branch's city, `{order}` an order number, `{n}` a number from `n`. */
  body: string;
  /** Which products the question can be about: any, or only those a technician installs. */
  about?: 'any' | 'installed';
  n?: readonly [number, number];
}

const QUESTIONS: readonly Question[] = [
  {
    about: 'any',
    subject: 'Cho hỏi {p} còn hàng không?',
    body: 'Cho tôi hỏi {p} hiện còn hàng ở chi nhánh {city} không? Nếu còn, tôi đặt giữ hàng trên website rồi chiều mai qua lấy được không?',
  },
  {
    about: 'any',
    subject: 'Thời hạn bảo hành của {p}',
    body: '{P} được bảo hành bao lâu, bảo hành tại nhà hay phải mang đến trung tâm bảo hành? Nếu máy lỗi ngay trong tháng đầu thì có được đổi máy mới không?',
  },
  {
    about: 'any',
    subject: 'Giá {p} đã gồm VAT chưa?',
    body: 'Giá {p} niêm yết trên website đã bao gồm thuế VAT chưa? Mua tại cửa hàng {city} có cùng giá với mua online không?',
  },
  {
    about: 'any',
    subject: '{P} có màu khác không?',
    body: 'Tôi thích {p} nhưng trên website chỉ thấy một màu. Cửa hàng còn màu khác không, hoặc đặt hàng màu khác thì bao lâu có?',
  },
  {
    subject: 'Thời gian giao hàng đến {city}',
    body: 'Tôi ở {city}, nếu đặt hàng hôm nay thì khoảng mấy ngày nhận được? Cửa hàng có giao vào thứ Bảy và Chủ nhật không?',
  },
  {
    subject: 'Phí vận chuyển',
    body: 'Đơn hàng trên 500.000đ có được miễn phí vận chuyển không, hay chỉ miễn phí trong nội thành {city}?',
  },
  {
    subject: 'Kiểm tra tình trạng đơn hàng {order}',
    body: 'Tôi đặt đơn hàng {order} từ {n} ngày trước nhưng chưa thấy tin nhắn xác nhận. Nhờ shop kiểm tra giúp đơn đang ở đâu.',
    n: [2, 6],
  },
  {
    subject: 'Đổi địa chỉ nhận hàng cho đơn {order}',
    body: 'Tôi lỡ nhập sai địa chỉ khi đặt đơn hàng {order}. Đơn chưa giao thì có đổi được sang địa chỉ cơ quan tôi ở {city} không?',
  },
  {
    about: 'any',
    subject: 'Mua trả góp {p}',
    body: 'Mua {p} có hỗ trợ trả góp 0% qua thẻ tín dụng không? Cần những giấy tờ gì và kỳ hạn dài nhất là bao nhiêu tháng?',
  },
  {
    subject: 'Thanh toán khi nhận hàng',
    body: 'Đơn hàng khoảng {n} triệu đồng có được thanh toán khi nhận hàng không, hay phải chuyển khoản trước?',
    n: [5, 40],
  },
  {
    subject: 'Xuất hóa đơn VAT cho công ty',
    body: 'Công ty tôi cần hóa đơn VAT. Khi đặt hàng trên website thì nhập tên công ty và mã số thuế ở bước nào?',
  },
  {
    subject: 'Thanh toán bằng ví điện tử bị lỗi',
    body: 'Tôi thanh toán đơn hàng {order} bằng ví MoMo thì bị báo lỗi ở bước cuối. Không biết tiền đã bị trừ chưa, shop có nhận ZaloPay hoặc VNPay không?',
  },
  {
    subject: 'Giờ mở cửa chi nhánh {city}',
    body: 'Cửa hàng ở {city} mở cửa từ mấy giờ đến mấy giờ? Chủ nhật và ngày lễ có mở cửa không?',
  },
  {
    subject: 'Lịch nghỉ Tết',
    body: 'Dịp Tết Nguyên đán cửa hàng nghỉ từ ngày nào đến ngày nào? Nếu tôi đặt online trong những ngày nghỉ thì khi nào được giao?',
  },
  {
    about: 'installed',
    subject: 'Phí lắp đặt {p}',
    body: 'Mua {p} có được lắp đặt miễn phí không? Nhà tôi ở tầng {n} chung cư, vật tư phụ như ống, dây điện, giá treo tính phí thế nào?',
    n: [2, 25],
  },
  {
    about: 'installed',
    subject: 'Hẹn lịch lắp đặt {p}',
    body: 'Tôi vừa đặt mua {p}, muốn hẹn kỹ thuật viên đến lắp vào sáng thứ Bảy. Cửa hàng có nhận lịch lắp đặt cuối tuần không?',
  },
  {
    about: 'any',
    subject: 'Chính sách đổi trả {p}',
    body: 'Nếu {p} dùng không hợp thì tôi có được trả lại trong 30 ngày không? Có cần giữ nguyên hộp và phụ kiện không?',
  },
  {
    about: 'any',
    subject: 'Thu cũ đổi mới',
    body: 'Cửa hàng có chương trình thu cũ đổi mới không? Tôi muốn đổi máy cũ lấy {p}, máy cũ được định giá thế nào?',
  },
];
const INSTALLED = PRODUCTS.filter((p) => p.installed);

const QUESTION_OPENINGS = ['Chào shop,', 'Xin chào,', 'Chào bạn,', 'Kính gửi bộ phận chăm sóc khách hàng,'];
const QUESTION_CLOSINGS = ['Cảm ơn shop.', 'Mong sớm nhận được phản hồi.', 'Xin cảm ơn.', 'Cảm ơn nhiều.'];

/** The values a template may name, drawn once per message so the subject and the body agree. */
function varsFor(rng: Rng, products: readonly { name: string }[], n: readonly [number, number]): Record<string, string> {
  const p = pick(rng, products).name;
  return { p, P: capitalise(p), city: pick(rng, CITIES), order: `DH${between(rng, 100000, 999999)}`, n: String(between(rng, ...n)) };
}

export function makeQuestion(rng: Rng): DemoText<'question'> {
  const q = pick(rng, QUESTIONS);
  const vars = varsFor(rng, q.about === 'installed' ? INSTALLED : PRODUCTS, q.n ?? [2, 12]);
  return {
    subject: capitalise(fill(q.subject, vars)),
    body: [pick(rng, QUESTION_OPENINGS), fill(q.body, vars), pick(rng, QUESTION_CLOSINGS)].join('\n'),
    details: {},
  };
}

type Rating = 1 | 2 | 3 | 4 | 5;
interface Opinion {
  headline: string;
  /** Same placeholders as a question's. */
  body: string;
  /** Praise for the installation names only products a technician installs. */
  about?: 'installed';
}

/** What a customer writes with each rating: praise at 5, a small reservation at 4, and so on down. */
const OPINIONS: Readonly<Record<Rating, readonly Opinion[]>> = {
  5: [
    {
      about: 'installed',
      headline: 'Kỹ thuật viên lắp đặt chuyên nghiệp',
      body: 'Hai anh kỹ thuật viên đến đúng giờ hẹn, lắp {p} gọn gàng, chạy thử và giải thích từng chế độ cho cả nhà.',
    },
    {
      headline: 'Đổi hàng nhanh chóng',
      body: 'Máy giao đến bị lỗi nhỏ, tôi báo qua website thì hôm sau cửa hàng {city} đã mang máy mới đến đổi, không hỏi han phiền hà gì.',
    },
    {
      about: 'installed',
      headline: 'Giao hàng nhanh, nhân viên chu đáo',
      body: 'Đặt {p} buổi tối, sáng hôm sau đã được giao. Nhân viên làm việc cẩn thận, hướng dẫn sử dụng kỹ và dọn dẹp sạch sẽ trước khi về.',
    },
    {
      headline: 'Nhân viên tư vấn nhiệt tình',
      body: 'Nhân viên ở chi nhánh {city} tư vấn rất nhiệt tình, so sánh giúp tôi mấy mẫu cùng tầm giá mà không ép mua. Tôi rất hài lòng với {p}.',
    },
    {
      headline: 'Đóng gói cẩn thận',
      body: '{P} được đóng gói rất kỹ, chèn xốp đầy đủ, giao đúng hẹn. Tôi sẽ tiếp tục ủng hộ cửa hàng.',
    },
    {
      headline: 'Bảo hành nhanh gọn',
      body: 'Máy có lỗi nhỏ, tôi báo bảo hành buổi sáng thì buổi chiều đã có kỹ thuật viên đến xử lý xong. Dịch vụ rất tốt.',
    },
  ],
  4: [
    {
      headline: 'Tốt, nhưng website hơi chậm',
      body: 'Mua {p} giá tốt, giao đúng hẹn. Website lúc thanh toán hơi chậm, tôi phải thử hai lần mới đặt được.',
    },
    {
      headline: 'Hài lòng, chỉ giao hơi trễ',
      body: '{P} đúng như mô tả, dùng tốt. Chỉ tiếc là giao trễ một ngày so với hẹn, nhưng nhân viên có gọi báo trước.',
    },
    {
      headline: 'Sản phẩm tốt, giá hợp lý',
      body: 'Giá tốt hơn chỗ khác, nhân viên thân thiện. Trừ một sao vì phải chờ khá lâu ở quầy thanh toán chi nhánh {city}.',
    },
    {
      headline: 'Đặt hàng online dễ dàng',
      body: 'Đặt {p} trên website dễ dàng, có tin nhắn báo từng bước giao hàng. Mong website có thêm bộ lọc theo dung tích và công suất.',
    },
  ],
  3: [
    {
      headline: 'Được nhưng chưa như mong đợi',
      body: '{P} dùng được nhưng không giống hình quảng cáo trên website, màu thực tế nhạt hơn nhiều.',
    },
    {
      headline: 'Tạm ổn',
      body: '{P} dùng tạm ổn so với giá tiền, nhưng sách hướng dẫn chỉ có tiếng Anh, tôi phải lên mạng tìm cách cài đặt.',
    },
    {
      headline: 'Giao đúng hẹn nhưng không gọi trước',
      body: 'Hàng giao đúng ngày nhưng nhân viên không gọi trước, tôi phải nhờ hàng xóm nhận giúp {p}.',
    },
    {
      headline: 'Khuyến mãi không rõ ràng',
      body: 'Mua hàng bình thường, không có gì đặc biệt. Khuyến mãi quảng cáo trên website khác với ở cửa hàng {city}, hơi khó hiểu.',
    },
  ],
  2: [
    {
      headline: 'Tư vấn chưa đúng',
      body: 'Nhân viên ở {city} tư vấn {p} có đủ tính năng tôi cần, về dùng mới biết thiếu, đổi sang mẫu khác phải bù thêm tiền.',
    },
    {
      headline: 'Tổng đài khó liên lạc',
      body: 'Tôi phải gọi tổng đài {n} lần mới có người xác nhận đơn. Sản phẩm thì được nhưng khâu chăm sóc khách hàng cần cải thiện nhiều.',
    },
    {
      headline: 'Hộp bị móp khi nhận',
      body: 'Hộp {p} bị móp một góc khi nhận, máy bên trong vẫn dùng được nhưng tôi mua làm quà nên rất tiếc.',
    },
    {
      headline: 'Lắp đặt chậm',
      body: 'Hàng giao xong nhưng {n} ngày sau mới có người đến lắp đặt, trong thời gian đó không ai báo lịch cho tôi.',
    },
  ],
  1: [
    {
      headline: 'Bảo hành hẹn mãi không đến',
      body: 'Tôi báo bảo hành {p} đã {n} tuần, kỹ thuật viên hẹn ba lần đều không đến, gọi tổng đài chỉ được xin lỗi.',
    },
    {
      headline: 'Rất thất vọng',
      body: 'Hẹn giao {p} hai lần đều không đến, cũng không ai gọi báo. Tôi đã hủy đơn và mua ở chỗ khác.',
    },
    {
      headline: 'Thái độ phục vụ kém',
      body: 'Nhân viên chi nhánh {city} thờ ơ, vừa trả lời vừa bấm điện thoại, hỏi gì cũng bảo tự xem trên website.',
    },
    {
      headline: 'Hoàn tiền quá chậm',
      body: 'Tôi trả hàng đã hơn {n} tuần mà vẫn chưa được hoàn tiền, mỗi lần gọi lại được hẹn thêm vài ngày.',
    },
  ],
};
/** How a customer ends, by how pleased they are (an empty one ends with the opinion itself). */
const SIGN_OFFS: Readonly<Record<Rating, readonly string[]>> = {
  5: ['', 'Cảm ơn cửa hàng!', 'Sẽ giới thiệu cho bạn bè và người thân.', 'Chúc cửa hàng buôn bán thuận lợi.'],
  4: ['', 'Cảm ơn cửa hàng.', 'Lần sau tôi vẫn sẽ mua ở đây.'],
  3: ['', 'Mong cửa hàng cải thiện thêm.'],
  2: ['', 'Mong cửa hàng xem lại khâu này.', 'Tôi mong nhận được phản hồi.'],
  1: ['Mong công ty xem lại cách làm việc.', 'Tôi sẽ không mua ở đây nữa.', 'Đề nghị công ty phản hồi cho tôi.'],
};
/** Most customers who rate are pleased; the unhappy ones write too. */
const RATINGS: readonly Rating[] = [5, 5, 5, 5, 5, 5, 5, 4, 4, 4, 4, 4, 4, 3, 3, 3, 2, 2, 1, 1];
/** Feedback sent without stars: suggestions rather than verdicts. */
const SUGGESTIONS: readonly Opinion[] = [
  {
    headline: 'Góp ý về website',
    body: 'Website nên cho lọc sản phẩm theo mức tiêu thụ điện và hiện rõ phí lắp đặt trước khi thanh toán.',
  },
  {
    headline: 'Góp ý về giờ mở cửa',
    body: 'Mong chi nhánh {city} mở cửa muộn hơn vào cuối tuần, người đi làm như tôi chỉ rảnh sau 8 giờ tối.',
  },
  {
    headline: 'Đề xuất dịch vụ vệ sinh máy',
    body: 'Cửa hàng nên có dịch vụ vệ sinh máy lạnh, máy giặt định kỳ cho khách đã mua, tôi sẵn sàng trả phí.',
  },
];

export function makeFeedback(rng: Rng): DemoText<'feedback'> {
  // One in ten customers writes without giving stars (the website's rating is optional).
  const rating = rng() < 0.1 ? undefined : pick(rng, RATINGS);
  const opinion = pick(rng, rating ? OPINIONS[rating] : SUGGESTIONS);
  const vars = varsFor(rng, opinion.about === 'installed' ? INSTALLED : PRODUCTS, [2, 6]);
  return {
    subject: rating ? `Đánh giá ${rating} sao: ${opinion.headline}` : opinion.headline,
    body: [fill(opinion.body, vars), rating ? pick(rng, SIGN_OFFS[rating]) : ''].filter(Boolean).join('\n'),
    details: rating ? { rating } : {},
  };
}

const MAKERS: { [K in SubmissionKind]: (rng: Rng, at: number) => DemoText<K> } = {
  complaint: (rng) => {
    const { subject, body } = makeComplaint(rng);
    return { subject, body, details: {} };
  },
  question: makeQuestion,
  trade_contact: makeTradeContact,
  warranty: makeWarrantyClaim,
  feedback: makeFeedback,
};

/** One submission of the kind given, as a customer sends it at `at` (a warranty claim's purchase comes before). */
export function makeSubmission<K extends SubmissionKind>(rng: Rng, kind: K, at: number = Date.now()): DemoSubmission<K> {
  return { kind, ...MAKERS[kind](rng, at) };
}
