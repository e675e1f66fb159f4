/**
 * The emails a customer gets about their request concerning their data: its acknowledgement (with its legal
 * deadline), the code that proves they own the account before it is erased, the confirmation that it is being
 * erased, the copy of their data, and a refusal with its reason. The hub writes them through its mail queue. Placeholders are written
 * {{name}} (common/text/placeholders.ts). The erasure's confirmation names no one: its address is all the queue
 * keeps of the customer, and only until it has gone.
 */
import { fillPlaceholders } from '../text/placeholders.ts';
import type { RequestType } from './requests.ts';

export const REQUEST_LETTERS = ['acknowledgement', 'verification_code', 'erasure_confirmation', 'rejection', 'data_copy'] as const;
export type RequestLetter = (typeof REQUEST_LETTERS)[number];

const PLACEHOLDERS = ['xung_ho', 'ten_khach', 'loai_yeu_cau', 'han_hoan_tat', 'ma_xac_minh', 'ly_do'] as const;
type Values = Partial<Record<(typeof PLACEHOLDERS)[number], string>>;

/** How a letter names the request, in the customer's words. */
export const REQUEST_NAMES: Record<RequestType, string> = {
  profile_change: 'thay đổi thông tin cá nhân',
  deletion: 'xoá tài khoản và dữ liệu cá nhân',
  consent_withdrawal: 'rút lại sự đồng ý nhận khuyến mãi',
  data_copy: 'cung cấp bản sao dữ liệu cá nhân',
};

const SIGNATURE = '\n\nTrân trọng,\nBộ phận Chăm sóc khách hàng';
const LETTERS: Record<RequestLetter, { subject: string; body: string }> = {
  acknowledgement: {
    subject: 'Đã nhận yêu cầu {{loai_yeu_cau}}',
    body: `Kính gửi {{xung_ho}} {{ten_khach}},\n\nChúng tôi đã nhận yêu cầu {{loai_yeu_cau}} của {{xung_ho}} và sẽ hoàn tất chậm nhất vào ngày {{han_hoan_tat}}. Nếu cần thêm thông tin, chúng tôi sẽ liên hệ {{xung_ho}} qua email này.${SIGNATURE}`,
  },
  verification_code: {
    subject: 'Mã xác minh yêu cầu xoá tài khoản',
    body: `Kính gửi {{xung_ho}} {{ten_khach}},\n\nĐể xác nhận chính {{xung_ho}} yêu cầu xoá tài khoản, vui lòng đọc mã sau cho nhân viên khi được hỏi: {{ma_xac_minh}}\n\nMã có hiệu lực trong 24 giờ. Nếu {{xung_ho}} không gửi yêu cầu này, xin bỏ qua thư và báo cho chúng tôi.${SIGNATURE}`,
  },
  erasure_confirmation: {
    subject: 'Xác nhận xoá tài khoản và dữ liệu cá nhân',
    body: `Kính gửi Quý khách,\n\nTheo yêu cầu của Quý khách, tài khoản và dữ liệu cá nhân gắn với địa chỉ email này đang được xoá khỏi hệ thống của chúng tôi. Sau thư này chúng tôi không còn lưu địa chỉ email của Quý khách.${SIGNATURE}`,
  },
  data_copy: {
    subject: 'Bản sao dữ liệu cá nhân của {{xung_ho}}',
    body: `Kính gửi {{xung_ho}} {{ten_khach}},\n\nTheo yêu cầu của {{xung_ho}}, chúng tôi gửi kèm thư này bản sao dữ liệu cá nhân công ty đang lưu về {{xung_ho}}: một tệp đọc được bằng trình duyệt (du-lieu-ca-nhan.html) và cùng nội dung ở dạng máy đọc được (du-lieu-ca-nhan.json). Chúng tôi không giữ lại bản sao này sau khi gửi.${SIGNATURE}`,
  },
  rejection: {
    subject: 'Kết quả yêu cầu {{loai_yeu_cau}}',
    body: `Kính gửi {{xung_ho}} {{ten_khach}},\n\nRất tiếc, chúng tôi chưa thể thực hiện yêu cầu {{loai_yeu_cau}} của {{xung_ho}} vì: {{ly_do}}\n\n{{xung_ho}} có thể trả lời thư này nếu cần trao đổi thêm.${SIGNATURE}`,
  },
};

export function requestLetter(letter: RequestLetter, values: Values): { subject: string; body: string } {
  const fill = (s: string) => fillPlaceholders(s, PLACEHOLDERS, values);
  return { subject: fill(LETTERS[letter].subject), body: fill(LETTERS[letter].body) };
}
