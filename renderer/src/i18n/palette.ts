/** The words of the command palette (Ctrl+K) and of saved views (renderer/src/palette/). */
export const paletteVi = {
  shortcut: 'Mở bảng lệnh: đến hộp thư, chế độ xem đã lưu, khách hàng hoặc mã yêu cầu',
};
export const paletteEn: typeof paletteVi = {
  shortcut: 'Open the command palette: go to an inbox, saved view, customer or reference',
};
