/**
 * Website comments for the demo, as customers write them under product pages: mostly ordinary (praise, a price
 * remark, a question about warranty), some that a moderator must look at for a reason the hub marks (two links,
 * banned words written in upper case or without marks, suspect words, spam posted again and again), and some
 * that answer an earlier comment.
 */
import { DEMO_PRODUCTS } from './warranty.ts';
import { between, fill, pick, type Rng } from './vietnamese.ts';

/** Ordinary comments, with the product's name and a number so that two customers rarely write the very same text. */
const ORDINARY = [
  '{p} dùng rất tốt, giao hàng nhanh!',
  'Giá {p} hơi cao so với chỗ khác, chênh khoảng {n}00 nghìn.',
  'Shop tư vấn {p} nhiệt tình, sẽ ủng hộ tiếp.',
  'Cho hỏi {p} này còn bảo hành chính hãng không?',
  'Mình dùng {p} được {n} tháng thì hỏng, có ai bị giống không?',
  '{p} màu đẹp, đóng gói cẩn thận, giao trong {n} ngày.',
  'Hàng nhái à? Sao tem bảo hành trên {p} bị mờ vậy?',
];
/** Comments the hub marks for their words (the seeded lists) or their links; spam is the same text every time. */
const MARKED = [
  'Mua ngay tại http://khuyen-mai.example ưu đãi 90%!!! Xem thêm www.hang-tot.example',
  'Ai cần vay tiền nhanh liên hệ Zalo 0987 000 111, giải ngân trong ngày',
  'Shop này lừa đảo, mua {p} về dùng {n} hôm đã hỏng!',
  'ĐM giao {p} chậm quá, đặt {n} ngày rồi chưa thấy',
  'Dm shop, vcl thật sự, {p} lỗi mà không đổi',
];
const REPLIES = [
  'Mình cũng bị y như bạn, gọi tổng đài mới được đổi.',
  'Bạn mang ra trung tâm bảo hành là được, mình làm rồi.',
  'Cảm ơn bạn đã chia sẻ!',
  'Không đúng đâu, mình mua {p} ở đây {n} lần rồi, hàng chuẩn.',
];

export interface DemoComment {
  body: string;
  pageUrl: string;
  pageTitle: string;
  /** The ref of the earlier comment it answers. */
  inReplyTo?: string;
}

/** A comment the website has posted, which a later one may answer on the same page. */
export interface PostedComment {
  ref: string;
  comment: DemoComment;
}

/** A comment under a product's page; one in four answers one of `earlier`, under its page. */
export function makeComment(rng: Rng, earlier: readonly PostedComment[]): DemoComment {
  const n = String(between(rng, 2, 9));
  if (earlier.length && rng() < 0.25) {
    const parent = pick(rng, earlier);
    const { pageUrl, pageTitle } = parent.comment;
    // A reply speaks of the product of the page it is on.
    const product = DEMO_PRODUCTS.find((p) => pageUrl === pageOf(p)) ?? pick(rng, DEMO_PRODUCTS);
    return { pageUrl, pageTitle, body: fill(pick(rng, REPLIES), { p: product.name, n }), inReplyTo: parent.ref };
  }
  const product = pick(rng, DEMO_PRODUCTS);
  const body = fill(pick(rng, rng() < 0.3 ? MARKED : ORDINARY), { p: product.name, n });
  return { pageUrl: pageOf(product), pageTitle: `${product.name} chính hãng | Shop`, body };
}

const pageOf = (product: { sku: string }) => `https://shop.example.vn/san-pham/${product.sku.toLowerCase()}`;
