import { ShopOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import './components.css';

export function BrandMark({ subtitle }: { subtitle?: string }) {
  const { t } = useTranslation();
  return (
    <div className="brand-mark">
      <span className="brand-icon">
        <ShopOutlined />
      </span>
      <span className="brand-text">
        <span className="brand-name">{t('app.name')}</span>
        {subtitle ? <span className="brand-subtitle">{subtitle}</span> : null}
      </span>
    </div>
  );
}
