/**
 * The demo's requests about customers' own data, as the website posts them: every type in turn, most received in
 * the last day and a half (clocks running, some due today), about a third up to 20 days ago (overdue, escalated), as
 * a desk that mostly keeps up would see them. A customer withdrawing
 * consent gave it first, which the website posts before the withdrawal; other customers opt in now and then.
 */
import type { z } from 'zod';
import { REQUEST_TYPES } from '../../../common/requests/requests.ts';
import type { AccountRequest, Consent, CustomerIn } from '../../../common/protocol/website-intake.ts';
import { between, makeCustomer, pick, type Rng } from './vietnamese.ts';

const DAY = 86_400_000;
const REASONS = {
  deletion: ['Tôi không dùng tài khoản này nữa.', 'Xin xoá toàn bộ thông tin của tôi.', 'Tôi đã lập tài khoản mới.'],
  consent_withdrawal: ['Tôi không muốn nhận email khuyến mãi nữa.', 'Nhận quá nhiều tin nhắn quảng cáo.'],
  data_copy: ['Cho tôi xin bản sao thông tin cá nhân công ty đang lưu.', 'Tôi muốn biết công ty lưu những gì về tôi.'],
} as const;

/** The `n`th request of the demo (its type cycles through all four), with the consent it withdraws when it withdraws one. */
export function makeDataRequest(
  rng: Rng,
  n: number,
  customer: CustomerIn,
  now: number,
): { consent?: z.input<typeof Consent>; request: z.input<typeof AccountRequest> } {
  const type = REQUEST_TYPES[n % REQUEST_TYPES.length]!;
  const age = rng() < 0.7 ? between(rng, 0, 36 * 3600) * 1000 : between(rng, 2, 20) * DAY + between(rng, 0, 86_399) * 1000;
  const requestedAt = new Date(now - age).toISOString();
  if (type === 'profile_change') {
    const other = makeCustomer(rng, 10_000 + n);
    const changes = pick(rng, [{ address: other.address }, { phone: other.phone }, { address: other.address, email: other.email }]);
    return { request: { type, customer, changes, requestedAt } };
  }
  const request = { type, customer, reason: pick(rng, REASONS[type]), requestedAt };
  if (type !== 'consent_withdrawal') return { request };
  return { consent: makeConsent(rng, customer, Date.parse(requestedAt) - between(rng, 30, 400) * DAY), request };
}

/** A customer opting in to promotions on the website, on the page and in the words the website showed. */
export function makeConsent(rng: Rng, customer: CustomerIn, at: number): z.input<typeof Consent> {
  const channel = pick(rng, ['email', 'sms'] as const);
  return {
    customer,
    optedIn: true,
    channel,
    wording:
      channel === 'email'
        ? 'Tôi đồng ý nhận email về khuyến mãi và ưu đãi của cửa hàng. Tôi có thể huỷ bất cứ lúc nào.'
        : 'Tôi đồng ý nhận tin nhắn SMS về khuyến mãi của cửa hàng. Tôi có thể huỷ bất cứ lúc nào.',
    pageUrl: pick(rng, ['https://dienmay.example.vn/dang-ky-nhan-tin', 'https://dienmay.example.vn/tai-khoan/thong-bao']),
    recordedAt: new Date(at).toISOString(),
  };
}
