/**
 * The demo's requests about customers' own data, as the website posts them: every type in turn, received up to
 * 20 days ago, so the Requests inbox shows clocks running, due today and overdue. A customer withdrawing
 * consent gave it first, which the website posts before the withdrawal.
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
  const requestedAt = new Date(now - between(rng, 0, 20) * DAY - between(rng, 0, 86_399) * 1000).toISOString();
  if (type === 'profile_change') {
    const other = makeCustomer(rng, 10_000 + n);
    const changes = pick(rng, [{ address: other.address }, { phone: other.phone }, { address: other.address, email: other.email }]);
    return { request: { type, customer, changes, requestedAt } };
  }
  const request = { type, customer, reason: pick(rng, REASONS[type]), requestedAt };
  if (type !== 'consent_withdrawal') return { request };
  const given = new Date(Date.parse(requestedAt) - between(rng, 30, 400) * DAY).toISOString();
  const consent = {
    customer,
    optedIn: true,
    channel: pick(rng, ['email', 'sms'] as const),
    wording: 'Tôi đồng ý nhận thông tin khuyến mãi và ưu đãi từ cửa hàng.',
    recordedAt: given,
  };
  return { consent, request };
}
