import { useState } from 'react';
import { Alert, Anchor, Badge, Button, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { apiFetch } from '../../api/client.ts';
import { type Letter, documentUrl, useIssueWelcomeLetter } from '../../api/companies.ts';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import { QueryState } from '../../components/query-state.tsx';
import { formatDate, formatDateTime } from '../../format.ts';

interface IssuedLetter {
  documentId: string;
  filename: string;
  createdAt: string;
  /** Only the newest letter's one-time code is valid. */
  current: boolean;
}

const lettersKey = (companyId: string) => ['welcome-letters', companyId] as const;

function useWelcomeLetters(companyId: string) {
  return useQuery({
    queryKey: lettersKey(companyId),
    queryFn: ({ signal }) =>
      apiFetch<{ items: IssuedLetter[] }>(
        `/api/v1/companies/${encodeURIComponent(companyId)}/welcome-letters`,
        { signal },
      ),
  });
}

/** The letters issued so far, newest first, each downloadable again. */
function IssuedLetters({ companyId }: { companyId: string }) {
  const { t } = useTranslation();
  const letters = useWelcomeLetters(companyId);
  return (
    <Stack gap="sm">
      <Title order={3} size="h4" id="issued-letters-heading">
        {t('letter.issuedTitle')}
      </Title>
      <QueryState isPending={letters.isPending} error={letters.error} />
      {letters.data?.items.length === 0 && <Text>{t('letter.none')}</Text>}
      {letters.data !== undefined && letters.data.items.length > 0 && (
        <Table.ScrollContainer minWidth={520}>
          <Table aria-labelledby="issued-letters-heading" verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('letter.createdAt')}</Table.Th>
                <Table.Th scope="col">{t('letter.status')}</Table.Th>
                <Table.Th scope="col">{t('letter.file')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {letters.data.items.map((item) => (
                <Table.Tr key={item.documentId}>
                  <Table.Td>{formatDateTime(item.createdAt)}</Table.Td>
                  <Table.Td>
                    <Badge variant="outline" color={item.current ? 'teal.9' : 'gray.8'}>
                      {item.current ? t('letter.current') : t('letter.replaced')}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <Anchor href={documentUrl(companyId, item.documentId)} download={item.filename}>
                      {item.filename}
                    </Anchor>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}

/** Issue a new welcome letter; the previous letter's one-time code stops working. */
export function WelcomeLetterTab({ companyId }: { companyId: string }) {
  const { t } = useTranslation();
  const issue = useIssueWelcomeLetter(companyId);
  const queryClient = useQueryClient();
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
      <IssuedLetters companyId={companyId} />
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
              void queryClient.invalidateQueries({ queryKey: lettersKey(companyId) });
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
