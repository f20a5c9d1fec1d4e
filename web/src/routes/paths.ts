/** Addresses that pages link to; the route table in routes.tsx maps them to pages. */
export const LOGIN_PATH = '/anmelden';
export const REGISTER_PATH = '/registrieren';
export const ONBOARDING_PATH = '/freischalten';
export const PROFILE_PATH = '/profil';
export const MY_COMPANY_PATH = '/unternehmen';
export const MY_AUDIT_LOG_PATH = '/unternehmen/protokoll';
export const MY_NUMBERS_PATH = '/unternehmen/rufnummern';
export const MY_GROUPS_PATH = '/unternehmen/gruppen';
export const MY_BLOCKING_PROFILES_PATH = '/unternehmen/sperrprofile';
export const OPERATOR_COMPANIES_PATH = '/betreiber/unternehmen';
export const OPERATOR_NEW_COMPANY_PATH = '/betreiber/unternehmen/neu';
export const OPERATOR_OUTBOX_PATH = '/betreiber/postausgang';
export const OPERATOR_CATALOG_PATH = '/betreiber/katalog';
export const OPERATOR_PROVIDER_PATH = '/betreiber/anbieter';

export function operatorCompanyPath(companyId: string): string {
  return `${OPERATOR_COMPANIES_PATH}/${encodeURIComponent(companyId)}`;
}
