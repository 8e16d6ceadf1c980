import { GlobalOutlined } from '@ant-design/icons';
import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Locale } from '../../shared/locale';
import { useLocale } from '../i18n/use-locale';
import './components.css';

/** Each language is named in itself, so someone who cannot read the current one still finds theirs. */
const options: { value: Locale; label: string }[] = [
  { value: 'zh-CN', label: '中文' },
  { value: 'en', label: 'English' },
];

export function LanguageSwitch({ size = 'middle' }: { size?: 'small' | 'middle' | 'large' }) {
  const { t } = useTranslation();
  const { locale, setLocale } = useLocale();
  return (
    <span className="language-switch" title={t('common.language')}>
      <GlobalOutlined aria-hidden />
      <Segmented<Locale>
        size={size}
        value={locale}
        options={options}
        onChange={setLocale}
        aria-label={t('common.language')}
        data-testid="language-switch"
      />
    </span>
  );
}
