import { Badge, Menu } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNewOnlineCount } from '../screens/online/use-online-orders';
import { type ScreenKey, screens } from './screens';
import './frame.css';

type NavMenuProps = { active: ScreenKey; collapsed: boolean; onNavigate(key: ScreenKey): void };

export function NavMenu({ active, collapsed, onNavigate }: NavMenuProps) {
  const { t } = useTranslation();
  const newOnline = useNewOnlineCount();
  const badges: Partial<Record<ScreenKey, number>> = { online: newOnline };
  return (
    <Menu
      theme="dark"
      mode="inline"
      inlineCollapsed={collapsed}
      selectedKeys={[active]}
      onClick={({ key }) => onNavigate(key as ScreenKey)}
      className="nav-menu"
      data-testid="nav-menu"
      items={screens.map((screen) => {
        const count = badges[screen.key] ?? 0;
        return {
          key: screen.key,
          // On the icon, folded or not: beside the words it would squeeze "Online orders" on a 1366 px till.
          icon: (
            <Badge
              count={count}
              size="small"
              offset={[2, 6]}
              className="nav-icon-badge"
              data-testid={`nav-badge-${screen.key}`}
            >
              {screen.icon}
            </Badge>
          ),
          title: count > 0 ? t('nav.withCount', { name: t(`nav.${screen.key}`), count }) : undefined,
          label: (
            <span className="nav-item">
              <span className="nav-label">{t(`nav.${screen.key}`)}</span>
              <kbd className="nav-key">{screen.shortcut}</kbd>
            </span>
          ),
        };
      })}
    />
  );
}
