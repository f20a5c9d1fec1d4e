// A workplace row as the wizard's draft data (the sections of common/src/workplaces/sections.ts).
import type { DraftData } from '../../../../common/src/workplaces/sections.ts';
import type { WorkplaceRow } from './workplaces.repository.ts';

/**
 * The wizard's data of a workplace: a cancelled order leaves a draft to start from, and edits
 * after activation are checked with the same section rules as the wizard.
 */
export function workplaceData(
  w: WorkplaceRow,
  devices: { deviceModelId: string; macAddress: string | null }[],
  addons: string[],
): DraftData {
  return {
    group: { groupId: w.groupId, areaId: w.areaId, language: 'de', timeZone: w.timeZone },
    user: {
      ...(w.salutation ? { salutation: w.salutation } : {}),
      firstName: w.firstName,
      lastName: w.lastName,
      ...(w.email ? { email: w.email } : {}),
      ...(w.street ? { street: w.street } : {}),
      ...(w.postalCode ? { postalCode: w.postalCode } : {}),
      ...(w.city ? { city: w.city } : {}),
      ...(w.department ? { department: w.department } : {}),
    },
    login: {
      username: w.username,
      authEmail: w.authEmail,
      authEmailConfirm: w.authEmail,
      ...(w.authMobile ? { authMobile: w.authMobile } : {}),
      withoutMobile: w.passwordDelivery === 'email',
    },
    number: {
      mainNumber: w.mainNumber,
      internalNumber: w.internalNumber,
      nomadic: w.nomadic,
      additionalNumbers: w.additionalNumbers,
    },
    profile: { blockingProfileId: w.blockingProfileId },
    devices: { devices },
    mobile: {
      mode: w.mobileMode,
      ...(w.mobileNumber ? { mobileNumber: w.mobileNumber } : {}),
      ...(w.mobileCustomerAccount ? { customerAccount: w.mobileCustomerAccount } : {}),
      ...(w.directoryMobile ? { directoryMobile: w.directoryMobile } : {}),
    },
    addons: { addons: addons.filter((a) => a !== 'mobile_client' && a !== 'mobile_integration') },
    activation: { activationDate: null },
  };
}
