import { Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { type Language, setLanguage } from '../i18n.ts';

/** Offers the other language; its visible name is written in that language. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const target: Language = i18n.language === 'en' ? 'de' : 'en';
  return (
    <Button
      variant="default"
      size="sm"
      aria-label={t('language.switchLabel')}
      onClick={() => void setLanguage(target)}
    >
      <span lang={target}>{t('language.switchTo')}</span>
    </Button>
  );
}
