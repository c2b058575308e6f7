/** The id of "Quỹ “Vì người nghèo” huyện Định Quán" (seed 003), a demo fund (scripts/seed/seed-demo-funds.ts). */
export const DINH_QUAN_FUND_ID = '9b4d1f6e-2c8a-4e37-a5f0-7d3e1b9c6a28';

/** Its account, as the campaign plan publishes it. */
export const DINH_QUAN_FUND_ACCOUNT = {
  number: '1000007061600643',
  bank: 'Phòng giao dịch Ngân hàng Chính sách xã hội huyện Định Quán',
} as const;
