import { QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { useTranslation } from 'react-i18next';
import { queryClient } from '../api/query-client';
import { useLocale } from '../i18n/use-locale';
import { AppGate } from './app-gate';
import { EventBridge } from './event-bridge';
import { noticeBand } from './notice-band';
import { theme } from './theme';

export function App() {
  const { locale } = useLocale();
  const { t } = useTranslation();
  // A required field left empty says so in the app's words, not antd's "Please enter <label>",
  // which read "请输入再次输入 PIN" for a label that is itself an instruction.
  const form = { validateMessages: { required: t('common.required'), whitespace: t('common.required') } };
  return (
    <QueryClientProvider client={queryClient}>
      <ConfigProvider
        locale={locale === 'zh-CN' ? zhCN : enUS}
        theme={theme}
        button={{ autoInsertSpace: false }}
        form={form}
      >
        <AntApp className="app-root" message={{ getContainer: noticeBand }}>
          <EventBridge />
          <AppGate />
        </AntApp>
      </ConfigProvider>
    </QueryClientProvider>
  );
}
