import { Input, type InputProps, type InputRef } from 'antd';
import { forwardRef } from 'react';
import { type Money, parseAmount } from '../../../shared/money';
import { useStoreInfo } from '../../app/store-provider';
import { useCurrencySymbol } from '../../hooks/use-money';

/** A typed amount in major units ("12.50") as minor units, or null: decimal text, never a float. */
export function useParseMoney(): (text: string) => Money | null {
  const { currencyExponent } = useStoreInfo();
  return (text) => parseAmount(text, currencyExponent);
}

type MoneyInputProps = Omit<InputProps, 'prefix' | 'inputMode'>;

export const MoneyInput = forwardRef<InputRef, MoneyInputProps>(function MoneyInput(props, ref) {
  const symbol = useCurrencySymbol();
  return <Input ref={ref} inputMode="decimal" prefix={symbol} autoComplete="off" {...props} />;
});
