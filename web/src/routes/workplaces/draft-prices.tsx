import { useTranslation } from 'react-i18next';
import { useDraftPrice } from '../../api/workplaces.ts';
import { QueryState } from '../../components/query-state.tsx';
import { PriceLines } from '../orders/price-lines.tsx';

interface DraftPricesProps {
  companyId: string;
  draftId: string;
  /** Changes with every saved state of the draft, so the prices follow what is chosen. */
  version: string;
}

/** The draft's live prices (workplace, add-ons, mobile option at the tier the company reaches). */
export function DraftPrices({ companyId, draftId, version }: DraftPricesProps) {
  const { t } = useTranslation();
  const price = useDraftPrice(companyId, draftId, version);
  if (price.data === undefined) {
    return <QueryState isPending={price.isPending} error={price.error} />;
  }
  return (
    <PriceLines
      lines={price.data.lines}
      oneOffCents={price.data.oneOffCents}
      monthlyCents={price.data.monthlyCents}
      caption={t('workplaces.price.caption')}
    />
  );
}
