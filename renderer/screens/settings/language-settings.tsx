import { Card, Radio } from 'antd';
import { useReducer } from 'react';
import { useTranslation } from 'react-i18next';
import { pickLocale } from '../../../shared/locale';
import { localeChoice, setLocaleChoice } from '../../i18n/i18n';
import { useLocale } from '../../i18n/use-locale';
import './settings.css';

export function LanguageSettings() {
  const { t } = useTranslation();
  // The status bar can change the language too; re-render on that, and on a choice that keeps it.
  useLocale();
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  const system = pickLocale(navigator.language) === 'zh-CN' ? '中文' : 'English';
  return (
    <Card title={t('settings.language')} className="settings-card">
      <p className="muted">{t('settings.languageHelp')}</p>
      <Radio.Group
        className="language-choice"
        value={localeChoice()}
        onChange={(event) => {
          setLocaleChoice(event.target.value);
          rerender();
        }}
        options={[
          { value: 'system', label: t('settings.followSystem', { language: system }) },
          { value: 'zh-CN', label: '中文（简体）' },
          { value: 'en', label: 'English' },
        ]}
      />
    </Card>
  );
}
