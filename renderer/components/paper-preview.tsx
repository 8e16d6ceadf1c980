import { useTranslation } from 'react-i18next';
import type { ReceiptWidth } from '../../shared/contract/orders';
import './paper-preview.css';

/**
 * The core's receipt or report markup on a strip the width of the roll, as the printer will get
 * it. Shown in a sandboxed frame (no scripts, no same-origin access) so nothing typed into a
 * product name or a store footer can run in the till's page.
 */
export function PaperPreview({ html, width, testId }: { html: string; width: ReceiptWidth; testId: string }) {
  const { t } = useTranslation();
  const doc = `<!doctype html><html><head><meta charset="utf-8"><style>html,body{margin:0;background:#fff}body{width:${width}mm;margin:0 auto;padding:4mm 0}</style></head><body>${html}</body></html>`;
  return (
    <div className="paper-preview">
      <iframe
        title={t('orders.receiptTitle')}
        className={`paper-frame paper-${width}`}
        srcDoc={doc}
        sandbox=""
        data-testid={testId}
      />
    </div>
  );
}
