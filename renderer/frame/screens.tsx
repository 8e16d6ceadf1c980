import {
  AppstoreOutlined,
  BarChartOutlined,
  CloudDownloadOutlined,
  DatabaseOutlined,
  FileTextOutlined,
  ScanOutlined,
  SettingOutlined,
  ShoppingCartOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';

export type ScreenKey = 'checkout' | 'redeem' | 'orders' | 'online' | 'reports' | 'catalog' | 'stock' | 'settings';

export type ScreenEntry = { key: ScreenKey; icon: ReactNode; shortcut: string };

/** Order and function keys follow how often the counter needs each screen. */
export const screens: ScreenEntry[] = [
  { key: 'checkout', icon: <ShoppingCartOutlined />, shortcut: 'F1' },
  { key: 'redeem', icon: <ScanOutlined />, shortcut: 'F2' },
  { key: 'orders', icon: <FileTextOutlined />, shortcut: 'F3' },
  { key: 'online', icon: <CloudDownloadOutlined />, shortcut: 'F4' },
  { key: 'reports', icon: <BarChartOutlined />, shortcut: 'F5' },
  { key: 'catalog', icon: <AppstoreOutlined />, shortcut: 'F6' },
  { key: 'stock', icon: <DatabaseOutlined />, shortcut: 'F7' },
  { key: 'settings', icon: <SettingOutlined />, shortcut: 'F8' },
];

export const lockShortcut = 'F10';
