import { residentIdCheckChar } from '../../src/shared/china-ids';

/** Valid resident IDs made with the check-digit algorithm (odd 17th digit: male). */
export function residentId(first17: string): string {
  return first17 + residentIdCheckChar(first17);
}

export const ZHANG_WEI = {
  name: '张伟',
  id: residentId('11010119800101001'),
  phone: '13800138000',
};
export const LI_NA = { name: '李娜', id: residentId('44030419900215002'), phone: '13912345678' };
export const HOSPITAL = { name: '区人民医院', creditCode: '91350100M000100Y43' };
