import { Menu } from 'antd';
import { useTranslation } from 'react-i18next';
import { type ScreenKey, screens } from './screens';
import './frame.css';

type NavMenuProps = { active: ScreenKey; collapsed: boolean; onNavigate(key: ScreenKey): void };

export function NavMenu({ active, collapsed, onNavigate }: NavMenuProps) {
  const { t } = useTranslation();
  return (
    <Menu
      theme="dark"
      mode="inline"
      inlineCollapsed={collapsed}
      selectedKeys={[active]}
      onClick={({ key }) => onNavigate(key as ScreenKey)}
      className="nav-menu"
      data-testid="nav-menu"
      items={screens.map((screen) => ({
        key: screen.key,
        icon: screen.icon,
        label: (
          <span className="nav-item">
            <span className="nav-label">{t(`nav.${screen.key}`)}</span>
            <kbd className="nav-key">{screen.shortcut}</kbd>
          </span>
        ),
      }))}
    />
  );
}
