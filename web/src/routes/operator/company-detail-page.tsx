import { Anchor, Stack, Tabs, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { useCompany } from '../../api/companies.ts';
import { AdminsPanel } from '../../components/admins-panel.tsx';
import { AuditLog } from '../../components/audit-log.tsx';
import { QueryState } from '../../components/query-state.tsx';
import { usePageTitle } from '../../page-title.ts';
import { OperatorNumbersTab } from '../numbers/operator-numbers-tab.tsx';
import { ProfilesPanel } from '../org/blocking-profiles-page.tsx';
import { GroupsPanel } from '../org/groups-page.tsx';
import { OPERATOR_COMPANIES_PATH } from '../paths.ts';
import { WorkplacesPanel } from '../workplaces/workplaces-page.tsx';
import { CompanyOverviewTab } from './company-overview-tab.tsx';
import { MobileFrameworkTab } from './mobile-framework/mobile-framework-tab.tsx';
import { WelcomeLetterTab } from './welcome-letter-tab.tsx';

const TABS = [
  'uebersicht',
  'administratoren',
  'rufnummern',
  'arbeitsplaetze',
  'gruppen',
  'sperrprofile',
  'mobilfunk',
  'willkommensbrief',
  'protokoll',
] as const;
type Tab = (typeof TABS)[number];

function isTab(value: string | null): value is Tab {
  return value !== null && (TABS as readonly string[]).includes(value);
}

/** One customer company in the operator console; the tab is in the address (?tab=…). */
export function CompanyDetailPage() {
  const { t } = useTranslation();
  const { companyId = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const requested = params.get('tab');
  const tab: Tab = isTab(requested) ? requested : 'uebersicht';
  const company = useCompany(companyId);
  usePageTitle(company.data?.name ?? t('companyDetail.title'));

  return (
    <Stack gap="lg" maw={1100}>
      <Anchor component={Link} to={OPERATOR_COMPANIES_PATH} size="sm">
        {t('companyDetail.back')}
      </Anchor>
      <QueryState isPending={company.isPending} error={company.error} />
      {company.data !== undefined && (
        <>
          <div>
            <Title order={1}>{company.data.name}</Title>
            <Text c="dimmed">
              {t('companyDetail.subtitle', { customerNumber: company.data.customerNumber })}
            </Text>
          </div>
          <Tabs
            value={tab}
            onChange={(next) => setParams(next === 'uebersicht' ? {} : { tab: next ?? '' })}
            keepMounted={false}
          >
            <Tabs.List>
              {TABS.map((name) => (
                <Tabs.Tab key={name} value={name}>
                  {t(`companyDetail.tabs.${name}`)}
                </Tabs.Tab>
              ))}
            </Tabs.List>
            <Tabs.Panel value="uebersicht" pt="md">
              <CompanyOverviewTab company={company.data} />
            </Tabs.Panel>
            <Tabs.Panel value="administratoren" pt="md">
              <AdminsPanel companyId={company.data.id} admins={company.data.admins} canRemove />
            </Tabs.Panel>
            <Tabs.Panel value="rufnummern" pt="md">
              <OperatorNumbersTab companyId={company.data.id} />
            </Tabs.Panel>
            <Tabs.Panel value="arbeitsplaetze" pt="md">
              <WorkplacesPanel companyId={company.data.id} readOnly />
            </Tabs.Panel>
            <Tabs.Panel value="gruppen" pt="md">
              <GroupsPanel companyId={company.data.id} companyName={company.data.name} />
            </Tabs.Panel>
            <Tabs.Panel value="sperrprofile" pt="md">
              <ProfilesPanel companyId={company.data.id} />
            </Tabs.Panel>
            <Tabs.Panel value="mobilfunk" pt="md">
              <MobileFrameworkTab companyId={company.data.id} />
            </Tabs.Panel>
            <Tabs.Panel value="willkommensbrief" pt="md">
              <WelcomeLetterTab companyId={company.data.id} />
            </Tabs.Panel>
            <Tabs.Panel value="protokoll" pt="md">
              <AuditLog companyId={company.data.id} />
            </Tabs.Panel>
          </Tabs>
        </>
      )}
    </Stack>
  );
}
