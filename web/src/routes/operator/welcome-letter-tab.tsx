import { useState } from 'react';
import { Alert, Anchor, Button, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { type Letter, documentUrl, useIssueWelcomeLetter } from '../../api/companies.ts';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import { formatDate } from '../../format.ts';

/** Issue a new welcome letter; the previous letter's one-time code stops working. */
export function WelcomeLetterTab({ companyId }: { companyId: string }) {
  const { t } = useTranslation();
  const issue = useIssueWelcomeLetter(companyId);
  const [confirming, setConfirming] = useState(false);
  const [letter, setLetter] = useState<Letter | null>(null);
  const close = () => {
    setConfirming(false);
    issue.reset();
  };

  return (
    <Stack gap="md" maw={720}>
      <Title order={2} size="h3">
        {t('letter.title')}
      </Title>
      <Text>{t('letter.intro')}</Text>
      <Button onClick={() => setConfirming(true)} style={{ alignSelf: 'flex-start' }}>
        {t('letter.issue')}
      </Button>
      {letter !== null && (
        <>
          <Alert color="teal" variant="light" role="status">
            {t('letter.issued', { expiresAt: formatDate(letter.expiresAt) })}
          </Alert>
          <Anchor
            href={documentUrl(companyId, letter.documentId)}
            download={letter.filename}
            fw={600}
          >
            {t('letter.download')}
          </Anchor>
        </>
      )}
      <ConfirmDialog
        opened={confirming}
        title={t('letter.confirmTitle')}
        confirmLabel={t('letter.issue')}
        pending={issue.isPending}
        error={issue.error?.message ?? null}
        onClose={close}
        onConfirm={() =>
          issue.mutate(undefined, {
            onSuccess: (issued) => {
              setLetter(issued);
              close();
            },
          })
        }
      >
        {t('letter.confirm')}
      </ConfirmDialog>
    </Stack>
  );
}
