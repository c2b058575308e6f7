import { useCallback, useState } from 'react';
import { useAppServices } from '../app-services';
import { BankStatementImport } from '../payments/bank-statement-import';
import { hasTreasuryGrant } from '../payments/has-treasury-grant';
import { PaymentOrdersSection } from '../payments/payment-orders-section';
import { paymentText } from '../payments/payment-text';

/**
 * "Thanh toán" (`/payments`), the treasury's page: the payment orders of its units' dossiers (awaiting confirmation
 * first shown) and the import of the bank's statement. Shown in the header to treasury officers only; the API
 * decides what each one may see and confirm.
 */
export function PaymentsPage() {
  const { lang, session } = useAppServices();
  const t = paymentText(lang);
  const [reload, setReload] = useState(0);
  const imported = useCallback(() => setReload((n) => n + 1), []);
  return (
    <main id="main" className="app-page payments-page">
      <h1>{t.title}</h1>
      <p>{t.intro}</p>
      <PaymentOrdersSection t={t} reload={reload} />
      {hasTreasuryGrant(session.user.grants) ? <BankStatementImport t={t} onImported={imported} /> : null}
    </main>
  );
}
