/**
 * The place name a unit's documents are dated at (Decree 30/2020/NĐ-CP, Appendix I: the official name of the
 * administrative unit where the issuing body sits, without its kind): "Quận Hà Đông" → "Hà Đông", "Thành phố Hà
 * Nội" → "Hà Nội", "Phường Hà Cầu" → "Hà Cầu".
 */
export const placeOf = (unitName: string): string =>
  unitName.replace(/^(Thành phố|Tỉnh|Quận|Huyện|Thị xã|Phường|Xã|Thị trấn|Đặc khu)\s+/u, '');
