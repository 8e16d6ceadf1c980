import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../shared/client';

/** The core's message is already in the user's language; anything else is our fault, said plainly. */
export function useErrorText(): (error: unknown) => string {
  const { t } = useTranslation();
  return useCallback((error: unknown) => (error instanceof ApiError ? error.message : t('errors.unexpected')), [t]);
}
