import type { ThemeConfig } from 'antd';

/**
 * Counter's look: calm colours, large controls for the counter's touch screen. No motion: a dialog
 * that zooms in for a fraction of a second is one a quick cashier clicks into before it has settled,
 * and the click lands where the button is not yet (CI runs 9 and 11 lost clicks that way under load).
 */
export const theme: ThemeConfig = {
  token: {
    motion: false,
    colorPrimary: '#0f6cbd',
    colorError: '#d4380d',
    borderRadius: 8,
    fontSize: 15,
    controlHeight: 40,
    controlHeightLG: 48,
    fontFamily:
      "-apple-system, BlinkMacSystemFont, 'Segoe UI', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Noto Sans SC', 'Helvetica Neue', Arial, sans-serif",
  },
  components: {
    Layout: { siderBg: '#14213d', bodyBg: '#f3f5f8' },
    Menu: {
      darkItemBg: '#14213d',
      darkSubMenuItemBg: '#14213d',
      darkItemSelectedBg: '#0f6cbd',
      itemHeight: 52,
      iconSize: 18,
    },
    Table: { cellPaddingBlock: 10 },
  },
};
