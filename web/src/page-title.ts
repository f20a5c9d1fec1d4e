import { useEffect } from 'react';
import { useMeta } from './api/meta.ts';

/** Sets the document title to "<page> – <product name>" so each page is announced by name. */
export function usePageTitle(pageTitle: string): void {
  const { data } = useMeta();
  const productName = data?.productName;
  useEffect(() => {
    document.title = productName ? `${pageTitle} – ${productName}` : pageTitle;
  }, [pageTitle, productName]);
}
