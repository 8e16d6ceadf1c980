import { CloudDownloadOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/api-client';
import { useNavigate } from '../frame/navigation';
import { screens } from '../frame/screens';
import { isOverlayOpen } from '../hooks/overlay-open';
import { ringer } from './ring';

const onlineShortcut = screens.find((screen) => screen.key === 'online')?.shortcut ?? '';
const noticeKey = 'online-arrivals';
/** How often a held notice looks whether the dialogs have closed: quick enough to feel immediate. */
const overlayCheckMs = 400;

/**
 * Rings for new online orders wherever the cashier is, and offers the queue in one key: the
 * platform cancels orders nobody accepts, so the till must be heard, not only seen.
 */
export function OnlineArrivals({ showing }: { showing: boolean }) {
  const { t } = useTranslation();
  const { notification } = App.useApp();
  const navigate = useNavigate();
  // Read when the event comes, so a screen change does not resubscribe (and miss a push).
  const latest = useRef({ showing, t, notification, navigate });
  latest.current = { showing, t, notification, navigate };
  // Arrivals since the notice last went away, so a second order within its ten seconds adds up.
  const unseen = useRef(0);
  /** Whether the notice is on screen now (it is taken down while a dialog is open). */
  const shown = useRef(false);

  useEffect(() => {
    // Browsers keep audio off until the first key or tap; a cashier's PIN entry is one.
    const unlock = () => ringer.unlock();
    window.addEventListener('keydown', unlock, true);
    window.addEventListener('pointerdown', unlock, true);
    return () => {
      window.removeEventListener('keydown', unlock, true);
      window.removeEventListener('pointerdown', unlock, true);
    };
  }, []);

  /** Shows the notice, or holds it while a dialog is open (the nav badge counts meanwhile). */
  const present = () => {
    const { t: translate, notification: notify, navigate: go } = latest.current;
    if (isOverlayOpen()) {
      if (shown.current) {
        shown.current = false;
        notify.destroy(noticeKey);
      }
      return;
    }
    shown.current = true;
    notify.info({
      key: noticeKey,
      icon: <CloudDownloadOutlined className="arrival-icon" />,
      title: translate('online.arrived', { count: unseen.current }),
      description: translate('online.arrivedHelp'),
      placement: 'topRight',
      duration: 10,
      onClose: () => {
        // Taken down for a dialog, it comes back afterwards; closed or timed out, it is done.
        if (!shown.current) return;
        shown.current = false;
        unseen.current = 0;
      },
      actions: (
        <Button
          type="primary"
          onClick={() => {
            notify.destroy(noticeKey);
            go({ screen: 'online' });
          }}
        >
          {translate('online.openQueue')} <kbd>{onlineShortcut}</kbd>
        </Button>
      ),
    });
  };
  const latestPresent = useRef(present);
  latestPresent.current = present;

  useEffect(
    () =>
      api.onEvent((event) => {
        if (event.type !== 'online.changed' || event.placed <= 0) return;
        ringer.ring();
        // On the queue itself the new card is the news; elsewhere say so and offer the way there.
        if (latest.current.showing) return;
        unseen.current += event.placed;
        latestPresent.current();
      }),
    [],
  );

  // While there is news, follow the dialogs: away when one opens, back when the last one closes.
  useEffect(() => {
    const timer = window.setInterval(() => {
      if (unseen.current === 0 || latest.current.showing) return;
      if (shown.current === isOverlayOpen()) latestPresent.current();
    }, overlayCheckMs);
    return () => window.clearInterval(timer);
  }, []);

  useEffect(() => {
    if (!showing) return;
    unseen.current = 0;
    shown.current = false;
    latest.current.notification.destroy(noticeKey);
  }, [showing]);

  return null;
}
