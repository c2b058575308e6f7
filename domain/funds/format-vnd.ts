/** An amount of đồng as written in Việt Nam: dots between thousands and the ₫ sign (100.000.000 ₫). */
export function formatVnd(amount: number): string {
  const sign = amount < 0 ? '-' : '';
  const digits = String(Math.abs(Math.trunc(amount)));
  return `${sign}${digits.replace(/\B(?=(\d{3})+(?!\d))/g, '.')} ₫`;
}
