import { QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { queryClient } from '../api/query-client';
import { useLocale } from '../i18n/use-locale';
import { AppGate } from './app-gate';
import { EventBridge } from './event-bridge';
import { noticeBand } from './notice-band';
import { theme } from './theme';

export function App() {
  const { locale } = useLocale();
  return (
    <QueryClientProvider client={queryClient}>
      <ConfigProvider locale={locale === 'zh-CN' ? zhCN : enUS} theme={theme} button={{ autoInsertSpace: false }}>
        <AntApp className="app-root" message={{ getContainer: noticeBand }}>
          <EventBridge />
          <AppGate />
        </AntApp>
      </ConfigProvider>
    </QueryClientProvider>
  );
}
