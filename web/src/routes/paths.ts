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
/** MyPortal: the activation mail links to the first login (server: login-admin.service.ts). */
export const FIRST_LOGIN_PATH = '/myportal/erstanmeldung';
export const FORGOT_PASSWORD_PATH = '/myportal/passwort-vergessen';
export const MY_WORKPLACE_PATH = '/arbeitsplatz';
export const MY_DEVICES_PATH = '/arbeitsplatz/endgeraete';
export const MY_DOWNLOADS_PATH = '/arbeitsplatz/downloads';
export const CART_PATH = '/warenkorb';
export const MY_ORDERS_PATH = '/unternehmen/auftraege';
export const OPERATOR_ORDERS_PATH = '/betreiber/auftraege';
export const MY_WORKPLACES_PATH = '/unternehmen/arbeitsplaetze';
export const NEW_WORKPLACE_PATH = '/unternehmen/arbeitsplaetze/neu';
export const WORKPLACE_IMPORT_PATH = '/unternehmen/arbeitsplaetze/listenimport';

export function operatorCompanyPath(companyId: string): string {
  return `${OPERATOR_COMPANIES_PATH}/${encodeURIComponent(companyId)}`;
}

export function workplaceDraftPath(draftId: string): string {
  return `${MY_WORKPLACES_PATH}/entwurf/${encodeURIComponent(draftId)}`;
}

export function workplacePath(workplaceId: string): string {
  return `${MY_WORKPLACES_PATH}/${encodeURIComponent(workplaceId)}`;
}
