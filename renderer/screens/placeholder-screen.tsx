import { ToolOutlined } from '@ant-design/icons';
import { Card, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ScreenKey } from '../frame/screens';
import { screens } from '../frame/screens';
import { ScreenHeader } from './screen-header';
import './screens.css';

type Upcoming = Exclude<ScreenKey, 'checkout' | 'catalog' | 'settings' | 'orders' | 'reports' | 'online' | 'stock'>;

/** Says plainly what a screen will hold, so nobody mistakes an unbuilt screen for a broken one. */
export function PlaceholderScreen({ screen }: { screen: Upcoming }) {
  const { t } = useTranslation();
  const entry = screens.find((each) => each.key === screen);
  const points = t(`placeholder.${screen}.points`, { returnObjects: true }) as string[];
  return (
    <div className="screen">
      <ScreenHeader title={t(`nav.${screen}`)} icon={entry?.icon} />
      <Card className="placeholder-card" data-testid={`placeholder-${screen}`}>
        <div className="placeholder-head">
          <ToolOutlined className="placeholder-icon" />
          <div>
            <Tag color="orange">{t('placeholder.notBuilt')}</Tag>
            <p className="placeholder-summary">{t(`placeholder.${screen}.summary`)}</p>
          </div>
        </div>
        <ul className="placeholder-points">
          {points.map((point) => (
            <li key={point}>{point}</li>
          ))}
        </ul>
        <p className="placeholder-foot">{t('placeholder.later')}</p>
      </Card>
    </div>
  );
}
