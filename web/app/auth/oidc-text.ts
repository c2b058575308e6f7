// Browser-safe and DOM-free.
import type { Lang } from '../../shared/i18n/lang';

const vi = {
  signInWithProvince: 'Đăng nhập bằng tài khoản một cửa của tỉnh',
  or: 'hoặc bằng tài khoản của hệ thống',
  redirecting: 'Đang chuyển đến trang đăng nhập của tỉnh…',
  completing: 'Đang hoàn tất đăng nhập…',
  failed: 'Không đăng nhập được bằng tài khoản một cửa. Hãy thử lại.',
};

const en: typeof vi = {
  signInWithProvince: "Sign in with the province's account",
  or: "or with this system's account",
  redirecting: "Opening the province's sign-in page…",
  completing: 'Completing the sign-in…',
  failed: "Signing in with the province's account failed. Please try again.",
};

/** The sign-in page's single sign-on texts. */
export const oidcText = (lang: Lang) => (lang === 'en' ? en : vi);
export type OidcText = typeof vi;
