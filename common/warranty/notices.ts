/**
 * What a warranty customer is told by email, and when: the claim received, accepted (repair begins), rejected
 * with the reason, ready to collect, shipped back. The hub sends each notice through its mail queue like a
 * reply, from a Vietnamese template; directors may change a template, and a template they have not changed is
 * the default below. Placeholders are written {{name}}; an unknown one is left as written.
 */
import { z } from 'zod';
import { line, text } from '../text/schemas.ts';
import { fillPlaceholders } from '../text/placeholders.ts';
import { submissionReference } from '../vocabulary/submissions.ts';
import type { WarrantyStage, WarrantyStep } from './stages.ts';

export const NOTICES = ['warranty_received', 'warranty_accepted', 'warranty_rejected', 'warranty_ready', 'warranty_shipped'] as const;
export type Notice = (typeof NOTICES)[number];

/** The placeholders a template may use. */
export const PLACEHOLDERS = ['xung_ho', 'ten_khach', 'ma_yeu_cau', 'san_pham', 'so_serial', 'ly_do', 'ma_van_don'] as const;
type Values = Record<(typeof PLACEHOLDERS)[number], string>;

export const Template = z.object({ subject: line(300), body: text(10_000) }).strict();
export type Template = z.infer<typeof Template>;

const SIGNATURE = '\n\nTrân trọng,\nBộ phận Bảo hành';
export const DEFAULT_TEMPLATES: Record<Notice, Template> = {
  warranty_received: {
    subject: 'Đã nhận yêu cầu bảo hành {{ma_yeu_cau}}',
    body: `Kính gửi {{xung_ho}} {{ten_khach}},\n\nChúng tôi đã nhận yêu cầu bảo hành {{ma_yeu_cau}} cho sản phẩm {{san_pham}} (số serial {{so_serial}}). Kỹ thuật viên sẽ kiểm tra và báo lại {{xung_ho}} trong thời gian sớm nhất.${SIGNATURE}`,
  },
  warranty_accepted: {
    subject: 'Yêu cầu bảo hành {{ma_yeu_cau}} được chấp nhận',
    body: `Kính gửi {{xung_ho}} {{ten_khach}},\n\nSản phẩm {{san_pham}} của {{xung_ho}} thuộc diện bảo hành và đang được sửa chữa. Chúng tôi sẽ báo ngay khi sản phẩm sẵn sàng.${SIGNATURE}`,
  },
  warranty_rejected: {
    subject: 'Kết quả yêu cầu bảo hành {{ma_yeu_cau}}',
    body: `Kính gửi {{xung_ho}} {{ten_khach}},\n\nRất tiếc, yêu cầu bảo hành {{ma_yeu_cau}} cho sản phẩm {{san_pham}} không được chấp nhận vì: {{ly_do}}\n\nNếu cần, {{xung_ho}} có thể trả lời thư này để được tư vấn sửa chữa có tính phí.${SIGNATURE}`,
  },
  warranty_ready: {
    subject: 'Sản phẩm bảo hành {{ma_yeu_cau}} đã sẵn sàng',
    body: `Kính gửi {{xung_ho}} {{ten_khach}},\n\nSản phẩm {{san_pham}} của {{xung_ho}} đã được xử lý xong và sẵn sàng trả lại. Chúng tôi sẽ liên hệ để hẹn thời gian giao hoặc {{xung_ho}} có thể đến nhận tại cửa hàng.${SIGNATURE}`,
  },
  warranty_shipped: {
    subject: 'Sản phẩm bảo hành {{ma_yeu_cau}} đã được gửi trả',
    body: `Kính gửi {{xung_ho}} {{ten_khach}},\n\nSản phẩm {{san_pham}} đã được gửi trả cho {{xung_ho}}. Mã vận đơn: {{ma_van_don}}.${SIGNATURE}`,
  },
};

/** The notice a step sends, if any: accepted when repair first begins, the others on their stage. */
export function noticeOf(from: WarrantyStage, step: Pick<WarrantyStep, 'to' | 'tracking'>): Notice | null {
  if (step.to === 'rejected') return 'warranty_rejected';
  if (step.to === 'ready_to_return') return 'warranty_ready';
  if (step.to === 'returned') return step.tracking ? 'warranty_shipped' : null; // collected in person: nothing to tell
  if (from === 'inspecting' && (step.to === 'repairing' || step.to === 'waiting_parts')) return 'warranty_accepted';
  return null;
}

/** A claim's reference as customers see it (BH- and the last 8 characters of its id, in capitals). */
export const claimReference = (id: string): string => submissionReference('warranty', id);

/**
 * The template with its placeholders filled (common/text/placeholders.ts). A known placeholder without a value
 * (a claim with no serial) reads "—"; an unknown one stays as written, so a director sees the typo in the
 * preview rather than the customer.
 */
export function render(template: Template, values: Partial<Values>): Template {
  const fill = (s: string) => fillPlaceholders(s, PLACEHOLDERS, values);
  return { subject: fill(template.subject), body: fill(template.body) };
}
