/**
 * The canned replies and tags the demo's director keeps for the organisation: what a Vietnamese retailer's
 * staff answer most (a late delivery, a return, a warranty claim received, a question forwarded, thanks for
 * feedback), each with the customer's form of address, name and the submission's reference filled when used.
 */
import type { CannedReplyFields } from '../../../common/replies/canned.ts';
import type { TagFields } from '../../../common/protocol/tags.ts';

const SIGNATURE = '\n\nTrân trọng,\n{{nguoi_ky}}\nBộ phận Chăm sóc khách hàng';

export const DEMO_CANNED_REPLIES: CannedReplyFields[] = [
  {
    title: 'Xin lỗi vì giao hàng trễ',
    kind: 'complaint',
    active: true,
    body:
      'Kính gửi {{xung_ho}} {{ten_khach}},\n\nChúng tôi thành thật xin lỗi vì đơn hàng của {{xung_ho}} đến trễ hơn hẹn. ' +
      'Bộ phận giao nhận đã liên hệ đơn vị vận chuyển và sẽ báo {{xung_ho}} ngày giao mới trong hôm nay. ' +
      'Mã yêu cầu của {{xung_ho}} là {{ma_yeu_cau}}.' +
      SIGNATURE,
  },
  {
    title: 'Hướng dẫn đổi trả hàng',
    kind: 'complaint',
    active: true,
    body:
      'Kính gửi {{xung_ho}} {{ten_khach}},\n\n{{xung_ho}} vui lòng giữ nguyên hộp và phụ kiện, mang sản phẩm cùng hoá đơn đến cửa hàng gần nhất ' +
      'trong vòng 7 ngày kể từ ngày nhận hàng. Khi đến, {{xung_ho}} đọc mã yêu cầu {{ma_yeu_cau}} để nhân viên xử lý nhanh.' +
      SIGNATURE,
  },
  {
    title: 'Đã nhận yêu cầu bảo hành',
    kind: 'warranty',
    active: true,
    body:
      'Kính gửi {{xung_ho}} {{ten_khach}},\n\nTrung tâm bảo hành đã nhận yêu cầu {{ma_yeu_cau}}. Kỹ thuật viên sẽ kiểm tra và báo kết quả ' +
      'trong 3 ngày làm việc. {{xung_ho}} vui lòng chuẩn bị phiếu bảo hành hoặc hoá đơn mua hàng.' +
      SIGNATURE,
  },
  {
    title: 'Xin thêm ảnh số serial',
    kind: 'warranty',
    active: true,
    body:
      'Kính gửi {{xung_ho}} {{ten_khach}},\n\nĐể xác định thời hạn bảo hành, {{xung_ho}} vui lòng chụp giúp tem số serial ' +
      '(thường ở mặt sau hoặc bên hông máy) và trả lời thư này, ghi mã {{ma_yeu_cau}}.' +
      SIGNATURE,
  },
  {
    title: 'Chuyển câu hỏi cho bộ phận kỹ thuật',
    kind: null,
    active: true,
    body:
      'Kính gửi {{xung_ho}} {{ten_khach}},\n\nCảm ơn {{xung_ho}} đã liên hệ. Câu hỏi {{ma_yeu_cau}} đã được chuyển cho bộ phận kỹ thuật; ' +
      'chúng tôi sẽ trả lời {{xung_ho}} trong 1 ngày làm việc.' +
      SIGNATURE,
  },
  {
    title: 'Cảm ơn góp ý',
    kind: 'feedback',
    active: true,
    body:
      'Kính gửi {{xung_ho}} {{ten_khach}},\n\nCảm ơn {{xung_ho}} đã dành thời gian góp ý. Ý kiến của {{xung_ho}} đã được chuyển đến ' +
      'ban giám đốc để cải thiện dịch vụ.' +
      SIGNATURE,
  },
];

export const DEMO_TAGS: TagFields[] = [
  { name: 'Gấp', color: 'red', archived: false },
  { name: 'Khách hàng thân thiết', color: 'purple', archived: false },
  { name: 'Đổi trả', color: 'orange', archived: false },
  { name: 'Chờ linh kiện', color: 'yellow', archived: false },
  { name: 'Vận chuyển', color: 'blue', archived: false },
  { name: 'Đã gọi điện', color: 'green', archived: false },
];
