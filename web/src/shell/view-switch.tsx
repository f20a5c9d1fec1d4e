import { SegmentedControl } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { View } from './views.ts';

interface ViewSwitchProps {
  /** The views this user may use; with fewer than two there is nothing to switch. */
  views: readonly View[];
  value: View;
  onChange: (view: View) => void;
  /** Stacked and full width, for the navbar on small screens. */
  vertical?: boolean;
  /** Radio group name; must differ between the header and the navbar copy. */
  name: string;
}

/** "Administrator-Ansicht" / "Anwender-Ansicht". */
export function ViewSwitch({ views, value, onChange, vertical = false, name }: ViewSwitchProps) {
  const { t } = useTranslation();
  if (views.length < 2) {
    return null;
  }
  return (
    <SegmentedControl<View>
      aria-label={t('views.label')}
      name={name}
      size="sm"
      orientation={vertical ? 'vertical' : 'horizontal'}
      fullWidth={vertical}
      value={value}
      onChange={onChange}
      data={views.map((view) => ({ value: view, label: t(`views.${view}`) }))}
    />
  );
}
