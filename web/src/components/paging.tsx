import { Group, Pagination, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

interface PagingProps {
  page: number;
  pageSize: number;
  total: number;
  onChange: (page: number) => void;
  /** Names the list, e.g. "Unternehmen", so several pagers on a page are distinguishable. */
  label: string;
}

/** "Seite 2 von 5 (93 Einträge)" and the page buttons, each with a spoken name. */
export function Paging({ page, pageSize, total, onChange, label }: PagingProps) {
  const { t } = useTranslation();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  return (
    <Group justify="space-between" gap="sm">
      <Text size="sm" c="dimmed" aria-live="polite">
        {t('paging.summary', { page, pages, count: total })}
      </Text>
      {pages > 1 && (
        <nav aria-label={t('paging.label', { list: label })}>
          <Pagination
            total={pages}
            value={page}
            onChange={onChange}
            size="sm"
            getItemProps={(item) => ({
              'aria-label': t('paging.page', { page: item }),
              'aria-current': item === page ? 'page' : undefined,
            })}
            getControlProps={(control) => ({ 'aria-label': t(`paging.${control}`) })}
          />
        </nav>
      )}
    </Group>
  );
}
